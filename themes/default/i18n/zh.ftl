# Interface text in Chinese (Simplified). Machine-translated from en.ftl (not from an
# official UN source): to be reviewed by a native speaker. See en.ftl for the notes on
# each string; a key ending in `-html` holds markup: keep its tags as they are.
# Chinese has one plural category (other): the selectors of en.ftl are not needed.

language-name = 中文

## The header and footer of every page
skip-to-content = 跳到正文
search-label = 搜索本站
search-placeholder = 搜索报告、指标…
search-button = 搜索
search-form-label = 站点
nav-main = 主导航
nav-languages = 语言
nav-home = 首页
feed-title = { $site }：报告
footer-open-data-html = 每个数字都链接到报告中陈述它的句子。开放数据：<a href="{ $base }data/metrics.csv">数字（CSV）</a>、<a href="{ $base }data/metrics.json">指标（JSON）</a>、<a href="{ $base }data/reports.json">报告（JSON）</a>、<a href="{ $base }data/datapackage.json">附带模式的数据包</a>。使用 wsis 构建。
breadcrumb-label = 面包屑导航

## Words several pages share: headings, table columns, labels of facts
shared-action-line = 行动方针
shared-action-lines = 行动方针
shared-organization = 组织
shared-organizations = 组织
shared-reports = 报告
shared-metric = 指标
shared-metrics = 指标
shared-targets = 具体目标
shared-target = 具体目标
shared-kind = 类型
shared-year = 年份
shared-years = 年份
shared-value = 数值
shared-change = 变化
shared-source = 来源
shared-deadline = 期限
shared-latest = 最新数值
shared-latest-evidence = 最新证据
shared-status = 状态
shared-coverage = 覆盖情况
shared-frameworks = 框架
shared-documents = 文件
shared-indicator = 衡量指标
shared-source-is = 来源：
citation-paragraph = { $symbol }，第 { $paragraph } 段
shared-none = 无
shared-no-link = 无关联
shared-in-year = { $year }年
shared-value-in-year = { $year }年为{ $value }
shared-cited-from-html = （引自{ $source }）
shared-words = { $count }词

## The 404 page
not-found-title = 未找到页面
not-found-text = 此地址没有页面。报告更名时，该页面可能已被移动。

## The home page
home-targets-title = 具体目标的进展
home-targets-caption = 期限最近的具体目标
home-all-targets = 全部具体目标
home-how-status = 状态如何得出
home-count-reports-html = <strong>{ $count }</strong> 份报告
home-count-organizations-html = <strong>{ $count }</strong> 个组织
home-count-action-lines-html = <strong>{ $count }</strong> 条行动方针
home-count-metrics-html = <strong>{ $count }</strong> 项指标
home-count-figures-html = <strong>{ $count }</strong> 个可追溯至原句的数字
home-latest-reports = 最新报告
home-all-reports = 全部报告
home-headline-metrics = 多年跟踪的指标
home-all-metrics = 全部指标
home-all-figures-csv = 全部数字（CSV）

## Lists shared by several pages: reports, figures, metrics, coverage
report-list-meta-html = { $kind } · 涵盖{ $year }年 · 发布于{ $date }
observations-change-from-previous = 与上一年相比的变化
observations-stated-by = （由{ $org }陈述；不是该序列的数值）
observations-stated-by-citing = （由{ $org }引用{ $source }陈述；不是该序列的数值）
observations-not-year-value = （不是该年的数值）
observations-restated-in-html = （在{ $reports }中重述）
observations-not-compared = { $status }：不作比较
observations-first-value = 首个数值
observations-cite = 引用
observations-cite-which = { $year }年的数字{ $value }
metrics-table-caption = { $heading }：最新数值、变化和趋势
metrics-trend = 趋势
metrics-no-values = 尚无数值
coverage-caption = 哪个组织在哪些年份就哪条行动方针提交了报告
coverage-caption-some-html = 哪个组织在哪些年份就哪条行动方针提交了报告：{ $total } 个组织中报告最多的 { $shown } 个（全部组织见<a href="{ $url }">组织页面</a>）
sections-none = 没有关于{ $code }的章节。
targets-table-goal = 目标：{ $goal }
targets-none-yet = 尚无
targets-summary-total = 共 { $total } 个具体目标。
targets-summary-total-as-of = 共 { $total } 个具体目标，依据{ $year }年的数字。
targets-serving-caption = 服务于{ $name }的具体目标：状态和期限
targets-serving = 服务于{ $name }的具体目标

## Action lines
action-lines-title = 信息社会世界峰会行动方针
action-lines-lead = 《日内瓦行动计划》的十一条行动方针，及其联合国协调机构和涉及这些方针的报告。
action-lines-facilitated-by-html = 协调机构：{ $list }
action-lines-counts = { $reports } 份报告，{ $sections } 个章节
line-facilitators = 协调机构
line-facilitators-none = 尚未整理
line-stated-in = 出处
line-reported = 报告内容
line-year-pages-intro = 关于{ $code }的章节按年份分页：
line-year-counts = 来自 { $reports } 份报告的 { $sections } 个章节
line-no-sections = 尚无报告包含关于这条行动方针的章节。
line-all-reports = 列出{ $code }的全部报告
line-year-other-years = { $code }的其他年份
line-year-reported = { $year }年的报告内容
line-frameworks-title = 可持续发展目标和《全球数字契约》
line-frameworks-intro = 每项关联均由其旁边的来源陈述。
line-frameworks-intro-crosswalk-html = 每项关联均由其旁边的来源陈述；全部关联见<a href="{ $url }">对照表</a>。
line-frameworks-caption = { $code }关联的目标、具体目标和契约目标及其来源
line-frameworks-linked-to = 关联对象

## Organizations
organizations-lead = 谁在报告信息社会世界峰会成果的落实情况，谁在协调各条行动方针。
organizations-caption = 各组织及其类型和报告
organizations-facilitates = 协调
organization-website = 网站
organization-reports-on = 报告涉及
organization-no-reports = 尚无报告。

## Reports
reports-lead-html = { $total } 份报告，按所涵盖的年份排列。<a href="{ $url }">报告元数据（JSON）</a>。
reports-covering-year = 涵盖{ $year }年的 { $count } 份报告
report-covers = 涵盖年份
report-published = 发布日期
report-kind-submitted-to = { $kind }，提交给{ $body }
report-original = 原文
report-other-reports = { $org }的其他报告
report-previous = ← 上一份：{ $title }
report-next = 下一份：{ $title } →
report-what-changed = 此后的变化
report-figures-title = 本报告中的数字
report-figures-caption = 本报告陈述的数字，每个都链接到其原句
report-sentence = 原句
report-restates-html = （重述{ $report }）
report-contents = 目录
report-compare-title = 与上一份报告比较
compare-no-change-outlook = 预测或目标不作比较
compare-no-change-not-later = 不是更晚的年份
report-compare-intro-html = 自{ $previous }（{ $year }年）以来的变化。
report-compare-figures-caption = 两份报告都陈述的数字
report-compare-lines-caption = 两份报告中各行动方针的章节及其篇幅

## Metrics
metrics-lead = 按组织列出的 { $total } 项跟踪数字。每个数值都链接到报告中陈述它的句子。
metrics-open-data-html = 开放数据：<a href="{ $base }data/metrics.csv">全部数字（CSV）</a> · <a href="{ $base }data/metrics.json">指标及其序列（JSON）</a> · <a href="{ $base }data/reports.json">报告（JSON）</a> · <a href="{ $base }data/datapackage.json">描述每张表的数据包（Frictionless）</a>
metrics-org-count-html = <a href="{ $url }">{ $count } 项指标</a>及其最新数值和趋势。
metric-unit = 单位
metric-data = 数据
metric-data-described-html = （说明见<a href="{ $url }">数据包</a>）
metric-chart-caption = { $metric }（按年份）。某一年有多个数值时，绘制最确定的一个（实际值优先于估计值，其次取最新的），他方陈述的数字列于其旁；全部数值见下表。图下方的图例说明边界、区间、预测和目标（如有）：折线只连接精确值和近似值。
metric-targets = 该指标衡量的具体目标
metric-targets-caption = 以{ $metric }为衡量指标的具体目标
metric-values = 按年份列出的数值
metric-values-caption = 报告中陈述的{ $metric }
metric-no-values = 尚无报告陈述数值。

## Years
years-counts = { $reports } 份报告，{ $values } 个数值
year-other-years = 其他年份
year-reports = 涵盖{ $year }年的报告
year-no-reports = 没有涵盖{ $year }年的报告；以下数值来自其他年份的报告。
year-values = { $year }年的数值
year-values-caption = 为{ $year }年陈述的全部数值

## Targets
targets-lead-html = 信息社会世界峰会+20框架的承诺和具体目标，以及根据报告所述数字得出的各自进展。<a href="#method">状态如何得出</a>。
targets-by-framework = 按框架列出的具体目标
targets-all = 全部具体目标
targets-method = 方法
targets-all-caption = 全部具体目标：状态、期限及其衡量指标的最新数字
targets-method-title = 状态如何得出
targets-method-intro = 有待达到数值的具体目标由其衡量指标（本站的一项指标）来衡量。只有描述实际发生情况的数字才算作证据（实际值和估计值）；报告中陈述的预测和目标会显示，但从不计入。边界按其确定的部分计算：“至少40”在目标为上升时算作40，在目标为下降时不说明任何问题；从“至少40”开始的上升可能根本不是上升。
targets-method-on-track = 最新证据已达到目标，或者从基线（若无，则从最早的证据）到最新证据的速度延续到期限时，即使在数字边界所允许的最不利情况下也能达到目标。
targets-method-off-track = 期限已过而目标未达到，或者即使在边界所允许的最有利情况下，该速度也达不到目标。
targets-method-insufficient-data = 没有衡量指标、没有证据、没有可用来衡量速度的较早数值，或者边界太宽而无法判断。
targets-method-not-measured = 以文字表述的具体目标；关于其行动方针的报告即为其证据。
targets-method-deadlines = 期限以报告所涵盖的最近年份为准，而不是以网站构建之日为准，因此相同的内容总会得出相同的状态。每个具体目标的页面都说明比较了哪些数值和年份。
targets-method-deadlines-as-of = 期限以报告所涵盖的最近年份（{ $year }年）为准，而不是以网站构建之日为准，因此相同的内容总会得出相同的状态。每个具体目标的页面都说明比较了哪些数值和年份。
status-on-track = 进展顺利
status-off-track = 进展滞后
status-insufficient-data = 数据不足
status-not-measured = 未衡量
target-source-reads = 来源原文：“{ $quote }”
target-where-it-stands = 进展情况
target-how-status-html = 状态如何得出：<a href="{ $url }">方法</a>。
target-end-state = 最终状态
target-baseline = 基线
target-serves = 服务于
target-latest-in-html = { $year }年为{ $link }
target-chart-caption = { $indicator }（按年份）及具体目标：菱形表示基线，水平虚线表示要达到的数值，竖线表示期限。全部数字见下表。
target-figures = 衡量指标的数字
target-figures-caption = 报告中陈述的{ $indicator }
target-no-figures-html = 尚无报告陈述<a href="{ $url }">{ $indicator }</a>的数字。
target-reports-say = 报告内容
target-latest-sections = 关于{ $codes }的最新报告章节；全部章节见各行动方针页面。
target-section-meta-html = { $org }：{ $report } · 涵盖{ $year }年 · { $words }词
target-no-sections-lines = 尚无报告包含关于其行动方针的章节。
target-no-sections = 尚无报告包含关于这一具体目标的章节。
reason-qualitative = 定性目标：不计算状态；涉及该目标的报告说明其进展。
reason-no-indicator = 本网站尚无指标衡量这一目标，因此没有可与其目标值比较的数字。
reason-no-evidence = “{ $metric }”尚无实际或估计数字（预测和目标是计划，不是证据）。
reason-baseline-only = 仅知基线（{ $year }年为{ $baseline }）：“{ $metric }”尚无实际或估计数字。
reason-reached = 已实现：{ $latest }，达到{ $goal }的目标值。
reason-reached-late = 逾期实现：{ $latest }，达到{ $goal }的目标值，但晚于{ $deadline }年的期限。
reason-past-deadline = 期限{ $deadline }年已过（报告涵盖至{ $as-of }年），最新数字{ $latest }未显示达到{ $goal }的目标值。
reason-one-year = 只有一个年份有数字（{ $latest }），且未给出基线：衡量进度需要更早年份的数值。
reason-baseline-not-earlier = 基线（{ $year }年为{ $baseline }）并不早于最新数字{ $latest }：尚无进度可衡量。
reason-pace = 从{ $year }年的{ $start }到{ $latest }，按此进度到{ $deadline }年将达到{ $projected }，{ $outcome }。
reason-pace-open = 从{ $year }年的{ $start }到{ $latest }，数字的上下限使进度无法确定：无法判断到{ $deadline }年能否达到{ $goal }的目标值。
reason-start-baseline = 基线{ $value }
reason-outcome-meets = 达到{ $goal }的目标值
reason-outcome-short = 未达到{ $goal }的目标值
reason-outcome-above = 仍高于{ $goal }的目标值
reason-outcome-open = 上下限无法判断是否达到{ $goal }的目标值
reason-figure = { $year }年的{ $figure }

## Frameworks: the Sustainable Development Goals and the Global Digital Compact
frameworks-lead = 信息社会世界峰会各行动方针如何服务于可持续发展目标和《全球数字契约》。只有在来源陈述了关联时才显示该关联，每项关联都注明其来源并引用原话。
frameworks-open-data-label = 开放数据：
frameworks-csv = 对照表（CSV）
frameworks-json = JSON
frameworks-documents = 来源文件
frameworks-sdgs = 可持续发展目标
frameworks-gdc = 《全球数字契约》目标
frameworks-matrix = 矩阵
frameworks-matrix-caption = 行动方针与各目标的对照：每个标记都是有来源的关联（具体目标的编号，或以“目标”表示整个目标），并链接到下方对照表中的相应行
frameworks-crosswalk = 对照表
frameworks-crosswalk-caption = 对照表中的全部关联及陈述它们的来源
frameworks-no-links = 尚未整理任何关联。
crosswalk-linked = 关联方
crosswalk-to = 关联对象
crosswalk-source = 来源及原话
crosswalk-in-crosswalk = 见对照表
crosswalk-which = { $from }与{ $to }
goal-linked-lines = 关联的行动方针
goal-crosswalk-caption = { $goal }在对照表中的关联及来源
goal-no-links = 尚未整理与行动方针之间有来源的关联。
goal-line-metrics = 关联行动方针的指标
goal-latest-reports = 关于关联行动方针的最新报告
goal-latest-reports-intro-html = { $lines }：各行动方针页面列有全部报告。
sdg-targets = 该目标的具体目标

## Documents: resolutions and outcome documents
documents-lead = 本站引用的决议和成果文件。每个编号段落都有自己的地址，因此承诺或关联可以指向陈述它的具体段落。
documents-paragraphs = { $count } 段
document-issued-by = 发布机构
document-date = 日期
document-official-text = 正式文本
document-excerpt-note = { $excerpt }。本站只转录其引用的段落；正式文本包含全部段落。
document-cited-by = 引用者：
document-untranscribed = 被引用但未在此转录的段落

## Search
search-title = 搜索
search-lead = 搜索报告、行动方针、组织、指标、具体目标和来源文件。结果链接到报告中最匹配的章节。词语的各种形式都能匹配：“network”也能找到“networks”和“networking”。
search-page-form-label = 搜索页面
search-words = 要查找的词语
search-noscript-html = 搜索在您的浏览器中运行，需要 JavaScript，而 JavaScript 已被关闭。请改为浏览<a href="{ $base }reports/">报告</a>、<a href="{ $base }action-lines/">行动方针</a>、<a href="{ $base }organizations/">组织</a>和<a href="{ $base }metrics/">指标</a>。
search-help = 用方向键在结果之间移动，按 Enter 打开结果，按 Esc 返回搜索框。
search-results = 结果
search-searching = 正在搜索…
search-short = 请输入更长的词。
search-common = “{ $query }”只包含不予搜索的常用词：请添加更具体的词。
search-none = 没有找到“{ $query }”的结果。
search-results-count = “{ $query }”的结果：{ $count }。
search-best = 显示最佳的 { $shown } 个。
search-failed = 搜索失败：{ $error }
search-old-browser = 此浏览器版本过旧，无法读取搜索索引：搜索需要2023年或之后的浏览器版本。
search-kind-report = 报告
search-kind-action-line = 行动方针
search-kind-organization = 组织
search-kind-metric = 指标
search-kind-target = 具体目标
search-kind-sdg = 可持续发展目标
search-kind-gdc = 《全球数字契约》目标
search-kind-document = 来源文件

## Words the site builds from its data: page titles and descriptions, kinds, statuses
title-action-line-year = { $code }：{ $title }（{ $year }年）
description-action-line = 信息社会世界峰会行动方针{ $code }：{ $title }。各组织逐年报告的相关内容。
description-action-line-year = 各组织在{ $year }年就信息社会世界峰会行动方针{ $code }报告的内容。
description-organization = { $org }关于信息社会世界峰会成果落实情况的报告和数字。
description-metric = { $metric }（{ $org }），按年份列出，每个数值都链接到陈述它的句子。
description-year = 涵盖{ $year }年的信息社会世界峰会成果落实情况报告，以及为该年陈述的全部数值。
description-targets = 根据报告所述数字，信息社会世界峰会+20各项承诺和具体目标的进展情况。
description-target = { $target }，期限为{ $deadline }年：承诺内容、进展情况及其依据的数字。
org-kind-un-system = 联合国系统
org-kind-intergovernmental = 政府间组织
org-kind-government = 政府
org-kind-civil-society = 民间社会
org-kind-technical-community = 技术界
org-kind-private-sector = 私营部门
org-kind-academia = 学术界
org-kind-coalition = 联盟
report-kind-annual-progress = 年度进展报告
report-kind-review-submission = 审查材料
report-kind-questionnaire-response = 问卷答复
document-kind-resolution = 决议
document-kind-outcome-document = 成果文件
document-kind-declaration = 宣言
document-kind-plan-of-action = 行动计划
document-kind-agenda = 议程
document-kind-report = 报告

## The change of a figure from an earlier year
change-since = 自{ $year }年以来
change-since-indicative = 自{ $year }年以来，仅供参考：非精确数字
change-since-from = 自{ $year }年（{ $from }）以来
change-since-from-indicative = 自{ $year }年（{ $from }）以来，仅供参考：非精确数字
change-range = { $low }至{ $high }
change-or-more = { $value }或更多
change-not-comparable = 不可比较
change-other-source = 与{ $year }年（{ $from }）相比：{ $this_source }和{ $from_source }是不同的来源
change-not-comparable-note = 与{ $year }年（{ $from }）相比：{ $this }和{ $from }无法说明变化方向

## Framework, document and target pages: titles, descriptions, what cites a paragraph,
## the groups of targets
description-frameworks = 信息社会世界峰会行动方针、可持续发展目标和《全球数字契约》目标之间的关联，每项关联都附有陈述它的来源。
description-sdg = 可持续发展目标{ $number }：{ $title }。与之关联的信息社会世界峰会行动方针及其来源，以及服务于该目标的具体目标和报告。
title-gdc = 《全球数字契约》目标{ $number }：{ $short }
description-gdc = 《全球数字契约》目标{ $number }：{ $title }。与之关联的信息社会世界峰会行动方针及其来源，以及服务于该目标的具体目标和报告。
description-documents = 本站引用的决议和成果文件，每个段落都可按编号链接。
description-document = { $title }（{ $issuer }，{ $date }）：本网站引用的段落，每段均可按编号链接。
citer-sdg = 可持续发展目标
citer-sdg-target = 可持续发展目标的具体目标
citer-gdc-objective = 契约目标
citer-crosswalk-link = 对照表关联
citer-baseline = 基线
citer-baseline-of = { $target }的基线
citer-target = 具体目标
targets-by-gdc = 按《全球数字契约》目标
targets-by-sdg = 按可持续发展目标
targets-by-action-line = 按行动方针
targets-group-gdc = 目标{ $number }：{ $short }

## Curated content in the page's language
content-not-translated = 尚未翻译，以{ $language ->
    [en] 英文
    [fr] 法文
    [es] 西班牙文
    [ar] 阿拉伯文
    [zh] 中文
    [ru] 俄文
   *[other] 原始语言
}原文显示。
report-translations = 其他语言

## Figures
figure-usd = { $value }美元
figure-usd-million = { $value }百万美元
figure-usd-billion = { $value }十亿美元
figure-percent = { $value }%
figure-unit = { $value } { $unit }
figure-about = 约{ $value }
figure-at-least = 至少{ $value }
figure-up-to = 最多{ $value }
figure-between = { $low }至{ $high }
figure-estimate = { $value }（估计）
figure-projected = { $value }（预计）
figure-target = { $value }（目标）

## Citations
cite-this-report = 引用本报告
cite-this-metric = 引用本指标
cite-stable-address = 永久地址：
cite-bibtex = BibTeX
cite-csl-json = CSL-JSON，适用于 Zotero、Mendeley 和 Pandoc

## 图表
chart-point = { $year }年：{ $figure }
chart-point-stated-by = { $year }年：{ $figure }（{ $by }所述）
chart-points-separator = { "；" }
chart-desc-with-target = { $figures }。{ $target }
chart-trend = { $title }的趋势：{ $points }
chart-desc-baseline = 基线：{ $year }年为{ $value }。
chart-desc-goal = 目标：{ $value }（一条水平虚线）。
chart-desc-deadline = 截止：{ $year }年（一条垂直线）。
chart-baseline-title = 基线：{ $year }年为{ $value }
chart-goal-title = 目标：{ $year }年前达到{ $value }
chart-deadline-title = 截止：{ $year }年
chart-baseline-label = 基线
chart-goal-label = 目标 { $value }
chart-deadline-label = 截止 { $year }
chart-mark-estimate = 估计
chart-mark-projected = 预计
chart-mark-target = 目标
chart-legend-value = 数值
chart-legend-about = 约
chart-legend-estimate = 估计
chart-legend-at-least = 至少：可能更高
chart-legend-up-to = 最多：可能更低
chart-legend-range = 区间：从低到高
chart-legend-projected = 预计
chart-legend-target = 目标
chart-legend-beside = 其他来源所述

## 代码和列表
# 联合国中文文件写作“可持续发展目标4”。
code-sdg = 可持续发展目标{ $number }
code-titled = { $code }：{ $title }
# 《全球数字契约》没有可确认的中文官方缩写：保留英文代码 GDC。
code-gdc = GDC { $number }
list-separator = { "、" }
list-separator-strong = { "；" }
list-last = { $init }和{ $last }
document-excerpt = 节选：第{ $list }段
nav-previous-year = ← { $year }
nav-next-year = { $year } →

# A long list cut into pages: the pager's name, where the reader is, the links.
pager-label = 分页
pager-page-of = 第 { $page } 页，共 { $pages } 页
pager-previous = ← 上一页
pager-next = 下一页 →
pager-page = 第 { $page } 页
pager-number = { $page }
pager-title = { $title }（第 { $page } 页，共 { $pages } 页）

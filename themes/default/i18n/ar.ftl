# Interface text in Arabic. Machine-translated from en.ftl (not from an official UN
# source): to be reviewed by a native speaker. See en.ftl for the notes on each
# string; a key ending in `-html` holds markup: keep its tags as they are.
# Plural categories: zero (0), one (1), two (2), few (3–10, 103–110…),
# many (11–99, 111–199…), other (100–102, 200–202…, fractions).

language-name = العربية

## The header and footer of every page
skip-to-content = انتقل إلى المحتوى
search-label = البحث في الموقع
search-placeholder = ابحث في التقارير والمؤشرات…
search-button = بحث
search-form-label = الموقع
nav-main = التنقل الرئيسي
nav-languages = اللغات
nav-home = الصفحة الرئيسية
feed-title = { $site }: التقارير
footer-open-data-html = يرتبط كل رقم بالجملة التي تذكره في التقرير. البيانات المفتوحة: <a href="{ $base }data/metrics.csv">الأرقام (CSV)</a>، <a href="{ $base }data/metrics.json">المؤشرات (JSON)</a>، <a href="{ $base }data/reports.json">التقارير (JSON)</a>، <a href="{ $base }data/datapackage.json">حزمة البيانات مع مخططاتها</a>. أُنشئ باستخدام wsis.
breadcrumb-label = مسار التنقل

## Words several pages share: headings, table columns, labels of facts
shared-action-line = خط العمل
shared-action-lines = خطوط العمل
shared-organization = المنظمة
shared-organizations = المنظمات
shared-reports = التقارير
shared-metric = المؤشر
shared-metrics = المؤشرات
shared-targets = الغايات
shared-target = الغاية
shared-kind = النوع
shared-year = السنة
shared-years = السنوات
shared-value = القيمة
shared-change = التغير
shared-source = المصدر
shared-deadline = الموعد النهائي
shared-latest = أحدث قيمة
shared-latest-evidence = أحدث البيانات
shared-status = الحالة
shared-coverage = التغطية
shared-frameworks = الأطر
shared-documents = الوثائق
shared-indicator = المؤشر المرجعي
shared-source-is = المصدر:
citation-paragraph = { $symbol }، الفقرة { $paragraph }
shared-none = لا شيء
shared-no-link = لا رابط
shared-in-year = في { $year }
shared-value-in-year = { $value } في { $year }
shared-cited-from-html = (نقلًا عن { $source })
shared-words = { $count ->
    [zero] { $count } كلمة
    [one] كلمة واحدة
    [two] كلمتان
    [few] { $count } كلمات
    [many] { $count } كلمةً
   *[other] { $count } كلمة
}

## The 404 page
not-found-title = الصفحة غير موجودة
not-found-text = لا توجد صفحة على هذا العنوان. ربما نُقلت عند تغيير اسم أحد التقارير.

## The home page
home-targets-title = أين تقف الغايات
home-targets-caption = الغايات الأقرب موعدًا
home-all-targets = جميع الغايات
home-how-status = كيف تُحدَّد الحالة
home-count-reports-html = <strong>{ $count }</strong> { $count ->
    [zero] تقرير
    [one] تقرير
    [two] تقريران
    [few] تقارير
    [many] تقريرًا
   *[other] تقرير
}
home-count-organizations-html = <strong>{ $count }</strong> { $count ->
    [zero] منظمة
    [one] منظمة
    [two] منظمتان
    [few] منظمات
    [many] منظمةً
   *[other] منظمة
}
home-count-action-lines-html = <strong>{ $count }</strong> { $count ->
    [zero] خط عمل
    [one] خط عمل
    [two] خطا عمل
    [few] خطوط عمل
    [many] خطَّ عمل
   *[other] خط عمل
}
home-count-metrics-html = <strong>{ $count }</strong> { $count ->
    [zero] مؤشر
    [one] مؤشر
    [two] مؤشران
    [few] مؤشرات
    [many] مؤشرًا
   *[other] مؤشر
}
home-count-figures-html = <strong>{ $count }</strong> { $count ->
    [zero] رقم مربوط بجملته
    [one] رقم مربوط بجملته
    [two] رقمان مربوطان بجملتيهما
    [few] أرقام مربوطة بجملها
    [many] رقمًا مربوطًا بجمله
   *[other] رقم مربوط بجمله
}
home-latest-reports = أحدث التقارير
home-all-reports = جميع التقارير
home-headline-metrics = مؤشرات تُتابَع على مدى عدة سنوات
home-all-metrics = جميع المؤشرات
home-all-figures-csv = جميع الأرقام بصيغة CSV

## Lists shared by several pages: reports, figures, metrics, coverage
report-list-meta-html = { $kind } · يغطي { $year } · نُشر في { $date }
observations-change-from-previous = التغير عن السنة السابقة
observations-stated-by = (ذكرته { $org }؛ ليس قيمة السلسلة)
observations-stated-by-citing = (ذكرته { $org } نقلًا عن { $source }؛ ليس قيمة السلسلة)
observations-not-year-value = (ليست قيمة السنة)
observations-restated-in-html = (أُعيد ذكره في { $reports })
observations-not-compared = { $status }: لا تُقارَن
observations-first-value = أول قيمة
observations-cite = استشهد
observations-cite-which = الرقم { $value } لسنة { $year }
metrics-table-caption = { $heading }: أحدث قيمة والتغير والاتجاه
metrics-trend = الاتجاه
metrics-no-values = لا قيم بعد
coverage-caption = أي منظمة قدمت تقارير عن أي خط عمل، وفي أي سنوات
coverage-caption-some-html = أي منظمة قدمت تقارير عن أي خط عمل، وفي أي سنوات: المنظمات الـ{ $shown } صاحبة أكبر عدد من التقارير من أصل { $total } (جميعها في <a href="{ $url }">صفحة المنظمات</a>)
sections-none = لا يوجد قسم عن { $code }.
targets-table-goal = الهدف: { $goal }
targets-none-yet = لا شيء بعد
targets-summary-total = { $total ->
    [zero] من أصل { $total } غاية.
    [one] من أصل غاية واحدة.
    [two] من أصل غايتين.
    [few] من أصل { $total } غايات.
    [many] من أصل { $total } غايةً.
   *[other] من أصل { $total } غاية.
}
targets-summary-total-as-of = { $total ->
    [zero] من أصل { $total } غاية، وفق أرقام { $year }.
    [one] من أصل غاية واحدة، وفق أرقام { $year }.
    [two] من أصل غايتين، وفق أرقام { $year }.
    [few] من أصل { $total } غايات، وفق أرقام { $year }.
    [many] من أصل { $total } غايةً، وفق أرقام { $year }.
   *[other] من أصل { $total } غاية، وفق أرقام { $year }.
}
targets-serving-caption = الغايات التي يخدمها { $name }: الحالة والموعد النهائي
targets-serving = الغايات التي يخدمها { $name }

## Action lines
action-lines-title = خطوط عمل القمة العالمية لمجتمع المعلومات
action-lines-lead = خطوط العمل الإحدى عشرة لخطة عمل جنيف، مع الجهات الميسِّرة لها في الأمم المتحدة والتقارير التي تتناولها.
action-lines-facilitated-by-html = تيسّره: { $list }
action-lines-counts = { $reports ->
    [zero] لا تقارير
    [one] تقرير واحد
    [two] تقريران
    [few] { $reports } تقارير
    [many] { $reports } تقريرًا
   *[other] { $reports } تقرير
}، { $sections ->
    [zero] لا أقسام
    [one] قسم واحد
    [two] قسمان
    [few] { $sections } أقسام
    [many] { $sections } قسمًا
   *[other] { $sections } قسم
}
line-facilitators = الجهات الميسِّرة
line-facilitators-none = لم تُحدَّد بعد
line-stated-in = ورد في
line-reported = ما أُبلغ عنه
line-year-pages-intro = الأقسام المتعلقة بـ{ $code } موزعة على صفحة لكل سنة:
line-year-counts = { $sections ->
    [zero] لا أقسام
    [one] قسم واحد
    [two] قسمان
    [few] { $sections } أقسام
    [many] { $sections } قسمًا
   *[other] { $sections } قسم
} من { $reports ->
    [zero] { $reports } تقرير
    [one] تقرير واحد
    [two] تقريرين
    [few] { $reports } تقارير
    [many] { $reports } تقريرًا
   *[other] { $reports } تقرير
}
line-no-sections = لا يتضمن أي تقرير قسمًا عن خط العمل هذا بعد.
line-all-reports = جميع التقارير التي تذكر { $code }
line-year-other-years = سنوات أخرى لـ{ $code }
line-year-reported = ما أُبلغ عنه في { $year }
line-frameworks-title = أهداف التنمية المستدامة والميثاق الرقمي العالمي
line-frameworks-intro = كل رابط يذكره المصدر المبيَّن بجانبه.
line-frameworks-intro-crosswalk-html = كل رابط يذكره المصدر المبيَّن بجانبه؛ وجميعها في <a href="{ $url }">جدول المطابقة</a>.
line-frameworks-caption = الأهداف والغايات وأهداف الميثاق المرتبط بها { $code }، مع مصادرها
line-frameworks-linked-to = مرتبط بـ

## Organizations
organizations-lead = من يقدّم تقارير عن تنفيذ نتائج القمة العالمية لمجتمع المعلومات، ومن ييسّر خطوط العمل.
organizations-caption = المنظمات ونوعها وتقاريرها
organizations-facilitates = تيسّر
organization-website = الموقع الإلكتروني
organization-reports-on = تقدّم تقارير عن
organization-no-reports = لا تقارير بعد.

## Reports
reports-lead-html = { $total ->
    [zero] لا تقارير.
    [one] تقرير واحد، حسب السنة التي يغطيها.
    [two] تقريران، حسب السنة التي يغطيانها.
    [few] { $total } تقارير، حسب السنة التي تغطيها.
    [many] { $total } تقريرًا، حسب السنة التي تغطيها.
   *[other] { $total } تقرير، حسب السنة التي تغطيها.
} <a href="{ $url }">البيانات الوصفية للتقارير بصيغة JSON</a>.
reports-covering-year = { $count ->
    [zero] لا تقارير تغطي { $year }
    [one] تقرير واحد يغطي { $year }
    [two] تقريران يغطيان { $year }
    [few] { $count } تقارير تغطي { $year }
    [many] { $count } تقريرًا يغطي { $year }
   *[other] { $count } تقرير يغطي { $year }
}
report-covers = يغطي
report-published = تاريخ النشر
report-kind-submitted-to = { $kind }، مقدَّم إلى { $body }
report-original = الأصل
report-other-reports = تقارير أخرى لـ{ $org }
report-previous = → السابق: { $title }
report-next = التالي: { $title } ←
report-what-changed = ما الذي تغيّر منذ ذلك الحين
report-figures-title = الأرقام الواردة في هذا التقرير
report-figures-caption = الأرقام المذكورة في هذا التقرير، وكل منها مربوط بجملته
report-sentence = الجملة
report-restates-html = (يكرر ما ورد في { $report })
report-contents = المحتويات
report-compare-title = مقارنة بالتقرير السابق
compare-no-change-outlook = لا يُقارَن إسقاط أو هدف مستهدف
compare-no-change-not-later = ليست سنة لاحقة
report-compare-intro-html = ما الذي تغيّر منذ { $previous } ({ $year }).
report-compare-figures-caption = الأرقام التي يذكرها التقريران كلاهما
report-compare-lines-caption = أقسام التقريرين حسب خط العمل وطول كل منها

## Metrics
metrics-lead = { $total ->
    [zero] لا أرقام متابَعة.
    [one] رقم واحد متابَع، حسب المنظمة. ترتبط كل قيمة بالجملة التي تذكرها في التقرير.
    [two] رقمان متابَعان، حسب المنظمة. ترتبط كل قيمة بالجملة التي تذكرها في التقرير.
    [few] { $total } أرقام متابَعة، حسب المنظمة. ترتبط كل قيمة بالجملة التي تذكرها في التقرير.
    [many] { $total } رقمًا متابَعًا، حسب المنظمة. ترتبط كل قيمة بالجملة التي تذكرها في التقرير.
   *[other] { $total } رقم متابَع، حسب المنظمة. ترتبط كل قيمة بالجملة التي تذكرها في التقرير.
}
metrics-open-data-html = البيانات المفتوحة: <a href="{ $base }data/metrics.csv">جميع الأرقام بصيغة CSV</a> · <a href="{ $base }data/metrics.json">المؤشرات وسلاسلها بصيغة JSON</a> · <a href="{ $base }data/reports.json">التقارير بصيغة JSON</a> · <a href="{ $base }data/datapackage.json">حزمة البيانات التي تصف كل جدول (Frictionless)</a>
metrics-org-count-html = <a href="{ $url }">{ $count ->
    [zero] { $count } مؤشر
    [one] مؤشر واحد
    [two] مؤشران
    [few] { $count } مؤشرات
    [many] { $count } مؤشرًا
   *[other] { $count } مؤشر
}</a> مع أحدث قيمها واتجاهاتها.
metric-unit = الوحدة
metric-data = البيانات
metric-data-described-html = (موصوفة في <a href="{ $url }">حزمة البيانات</a>)
metric-chart-caption = { $metric } حسب السنة. حين يكون للسنة عدة قيم، تُرسم القيمة الأوثق (القيمة الفعلية قبل التقدير، ثم الأحدث)، وبجانبها الأرقام التي ذكرها آخرون؛ وجميعها في الجدول أدناه. يشرح المفتاح أسفل الرسم الحدودَ والنطاقات والإسقاطات والغايات إن وُجدت: لا يصل الخط إلا بين القيم الدقيقة والتقريبية.
metric-targets = الغايات التي يقيسها
metric-targets-caption = الغايات التي مؤشرها { $metric }
metric-values = القيم حسب السنة
metric-values-caption = { $metric }، كما ورد في التقارير
metric-no-values = لم يذكر أي تقرير قيمة بعد.

## Years
years-counts = { $reports ->
    [zero] لا تقارير
    [one] تقرير واحد
    [two] تقريران
    [few] { $reports } تقارير
    [many] { $reports } تقريرًا
   *[other] { $reports } تقرير
}، { $values ->
    [zero] لا قيم
    [one] قيمة واحدة
    [two] قيمتان
    [few] { $values } قيم
    [many] { $values } قيمةً
   *[other] { $values } قيمة
}
year-other-years = سنوات أخرى
year-reports = التقارير التي تغطي { $year }
year-no-reports = لا يغطي أي تقرير سنة { $year }؛ والقيم أدناه مأخوذة من تقارير سنوات أخرى.
year-values = القيم لسنة { $year }
year-values-caption = جميع القيم المذكورة لسنة { $year }

## Targets
targets-lead-html = التزامات وغايات إطار القمة العالمية لمجتمع المعلومات+20، مع موقف كل منها وفق الأرقام الواردة في التقارير. <a href="#method">كيف تُحدَّد الحالة</a>.
targets-by-framework = الغايات حسب الإطار
targets-all = جميع الغايات
targets-method = المنهجية
targets-all-caption = جميع الغايات: حالتها وموعدها النهائي وأحدث رقم لمؤشرها
targets-method-title = كيف تُحدَّد الحالة
targets-method-intro = تُقاس الغاية التي لها رقم يُراد بلوغه بمؤشرها، وهو أحد مؤشرات هذا الموقع. ولا تُعدّ دليلًا إلا الأرقام التي تصف ما حدث (القيم الفعلية والتقديرات)؛ أما الإسقاطات والغايات الواردة في التقارير فتُعرض ولا تُحتسب أبدًا. ويُحتسب الحد بقدر ما هو متيقَّن منه: «40 على الأقل» تساوي 40 حين تكون الغاية هي الارتفاع، ولا تدل على شيء حين تكون الانخفاض؛ والارتفاع الذي يبدأ من «40 على الأقل» قد لا يكون ارتفاعًا أصلًا.
targets-method-on-track = أحدث البيانات تبلغ الغاية، أو أن الوتيرة من خط الأساس (وإلا فمن أقدم البيانات) إلى أحدث البيانات، إذا استمرت حتى الموعد النهائي، تبلغها حتى في أقل الحالات مواتاةً التي تسمح بها حدود الأرقام.
targets-method-off-track = انقضى الموعد النهائي دون بلوغ الغاية، أو أن الوتيرة لا تبلغها حتى في أكثر الحالات مواتاةً التي تسمح بها الحدود.
targets-method-insufficient-data = لا مؤشر، ولا بيانات، ولا قيمة سابقة تُقاس منها الوتيرة، أو أن الحدود أوسع من أن يُحكم بها.
targets-method-not-measured = غاية مصوغة بالكلمات؛ والتقارير المتعلقة بخطوط عملها هي الدليل عليها.
targets-method-deadlines = يُحكم على المواعيد النهائية بالنسبة إلى أحدث سنة يغطيها تقرير، لا بالنسبة إلى يوم إنشاء الموقع، فيعطي المحتوى نفسه الحالة نفسها دائمًا. وتبيّن صفحة كل غاية القيم والسنوات التي قورنت.
targets-method-deadlines-as-of = يُحكم على المواعيد النهائية بالنسبة إلى أحدث سنة يغطيها تقرير ({ $year })، لا بالنسبة إلى يوم إنشاء الموقع، فيعطي المحتوى نفسه الحالة نفسها دائمًا. وتبيّن صفحة كل غاية القيم والسنوات التي قورنت.
status-on-track = على المسار الصحيح
status-off-track = خارج المسار
status-insufficient-data = بيانات غير كافية
status-not-measured = غير مقيسة
target-source-reads = نص المصدر: «{ $quote }»
target-where-it-stands = أين تقف الغاية
target-how-status-html = كيف تُحدَّد الحالة: <a href="{ $url }">المنهجية</a>.
target-end-state = الحالة المنشودة
target-baseline = خط الأساس
target-serves = تخدم
target-latest-in-html = { $link } في { $year }
target-chart-caption = { $indicator } حسب السنة، مع الغاية: خط الأساس على شكل معيّن، والقيمة المراد بلوغها خط أفقي متقطع، والموعد النهائي خط رأسي. جميع الأرقام في الجدول أدناه.
target-figures = أرقام المؤشر
target-figures-caption = { $indicator }، كما ورد في التقارير
target-no-figures-html = لم يذكر أي تقرير رقمًا لـ<a href="{ $url }">{ $indicator }</a> بعد.
target-reports-say = ما تقوله التقارير
target-latest-sections = أحدث أقسام التقارير عن { $codes }؛ وجميعها في صفحات خطوط العمل.
target-section-meta-html = { $org }: { $report } · يغطي { $year } · { $words ->
    [zero] { $words } كلمة
    [one] كلمة واحدة
    [two] كلمتان
    [few] { $words } كلمات
    [many] { $words } كلمةً
   *[other] { $words } كلمة
}
target-no-sections-lines = لا يتضمن أي تقرير قسمًا عن خطوط عملها بعد.
target-no-sections = لا يتضمن أي تقرير قسمًا عن هذه الغاية بعد.
reason-qualitative = غاية نوعية: لا تُحسب لها حالة؛ والتقارير التي تتناولها تبيّن أين تقف.
reason-no-indicator = لا يقيس أي مؤشر في الموقع هذه الغاية بعد، فلا توجد أرقام لمقارنتها بهدفها.
reason-no-evidence = لا يوجد بعد لـ«{ $metric }» أي رقم فعلي أو تقديري (الإسقاطات والغايات خطط، لا أدلة).
reason-baseline-only = لا يُعرف سوى خط الأساس ({ $baseline } في { $year }): لا يوجد بعد لـ«{ $metric }» أي رقم فعلي أو تقديري.
reason-reached = تحققت: { $latest }، وهو ما يبلغ الهدف البالغ { $goal }.
reason-reached-late = تحققت متأخرة: { $latest }، وهو ما يبلغ الهدف البالغ { $goal }، بعد الموعد النهائي { $deadline }.
reason-past-deadline = انقضى الموعد النهائي، { $deadline } (تغطي التقارير حتى { $as-of })، ولا يُظهر أحدث رقم، { $latest }، بلوغ الهدف البالغ { $goal }.
reason-one-year = لا توجد أرقام إلا لسنة واحدة ({ $latest }) ولم يُحدَّد خط أساس: قياس الوتيرة يحتاج إلى قيمة من سنة سابقة.
reason-baseline-not-earlier = خط الأساس، { $baseline } في { $year }، ليس أقدم من أحدث رقم، { $latest }: لا توجد وتيرة يمكن قياسها بعد.
reason-pace = من { $start } في { $year } إلى { $latest }، تبلغ الوتيرة { $projected } بحلول { $deadline }، { $outcome }.
reason-pace-open = من { $start } في { $year } إلى { $latest }، تترك حدود الأرقام الوتيرة مفتوحة: لا يمكن الجزم بما إذا كان الهدف البالغ { $goal } سيتحقق بحلول { $deadline }.
reason-start-baseline = خط الأساس البالغ { $value }
reason-outcome-meets = وهو ما يبلغ الهدف البالغ { $goal }
reason-outcome-short = دون الهدف البالغ { $goal }
reason-outcome-above = ولا يزال فوق الهدف البالغ { $goal }
reason-outcome-open = ولا تسمح الحدود بالجزم بما إذا كان ذلك يبلغ الهدف البالغ { $goal }
reason-figure = { $figure } في { $year }

## Frameworks: the Sustainable Development Goals and the Global Digital Compact
frameworks-lead = كيف تخدم خطوط عمل القمة العالمية لمجتمع المعلومات أهدافَ التنمية المستدامة والميثاقَ الرقمي العالمي. لا يُعرض الرابط إلا حيث يذكره مصدر، ويسمّي كل رابط مصدره ويقتبس كلماته.
frameworks-open-data-label = البيانات المفتوحة:
frameworks-csv = جدول المطابقة بصيغة CSV
frameworks-json = بصيغة JSON
frameworks-documents = الوثائق المصدرية
frameworks-sdgs = أهداف التنمية المستدامة
frameworks-gdc = أهداف الميثاق الرقمي العالمي
frameworks-matrix = المصفوفة
frameworks-matrix-caption = خطوط العمل مقابل الأهداف: كل علامة رابط موثّق بمصدر (رمز الغاية، أو «الهدف» للهدف ككل)، وتقود إلى صفّه في جدول المطابقة أدناه
frameworks-crosswalk = جدول المطابقة
frameworks-crosswalk-caption = جميع روابط جدول المطابقة، مع المصدر الذي يذكرها
frameworks-no-links = لم يُدرج أي رابط بعد.
crosswalk-linked = المرتبط
crosswalk-to = بـ
crosswalk-source = المصدر وكلماته
crosswalk-in-crosswalk = في جدول المطابقة
crosswalk-which = { $from } و{ $to }
goal-linked-lines = خطوط العمل المرتبطة
goal-crosswalk-caption = روابط { $goal } في جدول المطابقة، مع مصادرها
goal-no-links = لم يُدرج بعد أي رابط موثّق بمصدر إلى خط عمل.
goal-line-metrics = مؤشرات خطوط العمل المرتبطة
goal-latest-reports = أحدث التقارير عن خطوط العمل المرتبطة
goal-latest-reports-intro-html = { $lines }: في صفحة كل خط عمل جميعُ تقاريره.
sdg-targets = غايات الهدف

## Documents: resolutions and outcome documents
documents-lead = القرارات والوثائق الختامية التي يقتبس منها الموقع. لكل فقرة مرقّمة عنوانها الخاص، فيمكن لالتزام أو رابط أن يشير إلى الفقرة بعينها التي تنص عليه.
documents-paragraphs = { $count ->
    [zero] { $count } فقرة
    [one] فقرة واحدة
    [two] فقرتان
    [few] { $count } فقرات
    [many] { $count } فقرةً
   *[other] { $count } فقرة
}
document-issued-by = الجهة المُصدِرة
document-date = التاريخ
document-official-text = النص الرسمي
document-excerpt-note = { $excerpt }. لا ينقل الموقع إلا الفقرات التي يقتبسها؛ والنص الرسمي يتضمنها جميعًا.
document-cited-by = استشهد بها:
document-untranscribed = فقرات مستشهد بها غير منقولة هنا

## Search
search-title = البحث
search-lead = ابحث في التقارير وخطوط العمل والمنظمات والمؤشرات والغايات والوثائق المصدر. تقود النتائج إلى قسم التقرير الأكثر مطابقة. تُطابَق الكلمات بجميع صيغها: «network» تجد أيضًا «networks» و«networking».
search-page-form-label = صفحة البحث
search-words = الكلمات المراد البحث عنها
search-noscript-html = يعمل البحث في متصفحك ويحتاج إلى JavaScript، وهي معطّلة. تصفّح بدلًا من ذلك <a href="{ $base }reports/">التقارير</a> و<a href="{ $base }action-lines/">خطوط العمل</a> و<a href="{ $base }organizations/">المنظمات</a> و<a href="{ $base }metrics/">المؤشرات</a>.
search-help = استخدم مفاتيح الأسهم للتنقل بين النتائج، وEnter لفتح نتيجة، وEscape للعودة إلى حقل البحث.
search-results = النتائج
search-searching = جارٍ البحث…
search-short = اكتب كلمة أطول.
search-common = «{ $query }» لا يحتوي إلا على كلمات شائعة لا يُبحث عنها: أضف كلمة أكثر تحديدًا.
search-none = لا توجد نتائج لـ «{ $query }».
search-results-count = نتائج «{ $query }»: { $count }.
search-best = تُعرض أفضل { $shown } نتيجة.
search-failed = فشل البحث: { $error }
search-old-browser = هذا المتصفح أقدم من أن يقرأ فهرس البحث: يتطلب البحث إصدارًا من المتصفح صدر في عام 2023 أو بعده.
search-kind-report = تقرير
search-kind-action-line = خط العمل
search-kind-organization = المنظمة
search-kind-metric = المؤشر
search-kind-target = الغاية
search-kind-sdg = هدف التنمية المستدامة
search-kind-gdc = هدف الميثاق الرقمي العالمي
search-kind-document = وثيقة مصدر

## Words the site builds from its data: page titles and descriptions, kinds, statuses
title-action-line-year = { $code }: { $title } في { $year }
description-action-line = خط العمل { $code } للقمة العالمية لمجتمع المعلومات: { $title }. ما أبلغت عنه المنظمات بشأنه، سنة بعد سنة.
description-action-line-year = ما أبلغت عنه المنظمات بشأن خط العمل { $code } للقمة العالمية لمجتمع المعلومات في { $year }.
description-organization = تقارير { $org } وأرقامها بشأن تنفيذ نتائج القمة العالمية لمجتمع المعلومات.
description-metric = { $metric } ({ $org })، سنة بعد سنة، وكل قيمة مربوطة بالجملة التي تذكرها.
description-year = تقارير تنفيذ نتائج القمة العالمية لمجتمع المعلومات التي تغطي { $year }، وكل قيمة ذُكرت لتلك السنة.
description-targets = أين يقف كل التزام وكل غاية من القمة العالمية لمجتمع المعلومات+20، وفق الأرقام الواردة في التقارير.
description-target = { $target }، موعدها النهائي { $deadline }: الالتزام، وأين يقف، والأرقام التي يستند إليها.
org-kind-un-system = منظومة الأمم المتحدة
org-kind-intergovernmental = حكومية دولية
org-kind-government = حكومة
org-kind-civil-society = المجتمع المدني
org-kind-technical-community = المجتمع التقني
org-kind-private-sector = القطاع الخاص
org-kind-academia = الأوساط الأكاديمية
org-kind-coalition = تحالف
report-kind-annual-progress = تقرير مرحلي سنوي
report-kind-review-submission = مساهمة في الاستعراض
report-kind-questionnaire-response = رد على استبيان
document-kind-resolution = قرار
document-kind-outcome-document = وثيقة ختامية
document-kind-declaration = إعلان
document-kind-plan-of-action = خطة عمل
document-kind-agenda = برنامج
document-kind-report = تقرير

## The change of a figure from an earlier year
change-since = منذ { $year }
change-since-indicative = منذ { $year }، تقديري: أرقام غير دقيقة
change-since-from = منذ { $year } ({ $from })
change-since-from-indicative = منذ { $year } ({ $from })، تقديري: أرقام غير دقيقة
change-range = من { $low } إلى { $high }
change-or-more = { $value } أو أكثر
change-not-comparable = غير قابل للمقارنة
change-other-source = مع { $year } ({ $from }): { $this_source } و{ $from_source } مصدران مختلفان
change-not-comparable-note = مع { $year } ({ $from }): لا يبيّن { $this } و{ $from } اتجاه التغير

## Framework, document and target pages: titles, descriptions, what cites a paragraph,
## the groups of targets
description-frameworks = كيف ترتبط خطوط عمل القمة العالمية لمجتمع المعلومات وأهداف التنمية المستدامة وأهداف الميثاق الرقمي العالمي، وكل رابط مع المصدر الذي يذكره.
description-sdg = هدف التنمية المستدامة { $number }: { $title }. خطوط عمل القمة العالمية لمجتمع المعلومات المرتبطة به مع مصادرها، والغايات والتقارير التي تخدمه.
title-gdc = الهدف { $number } من الميثاق الرقمي العالمي: { $short }
description-gdc = الهدف { $number } من الميثاق الرقمي العالمي: { $title }. خطوط عمل القمة العالمية لمجتمع المعلومات المرتبطة به مع مصادرها، والغايات والتقارير التي تخدمه.
description-documents = القرارات والوثائق الختامية التي يقتبس منها الموقع، ولكل فقرة رابط برقمها.
description-document = { $title } ({ $issuer }، { $date }): الفقرات التي يقتبسها الموقع، ولكل منها رابط برقمها.
citer-sdg = هدف التنمية المستدامة
citer-sdg-target = غاية من أهداف التنمية المستدامة
citer-gdc-objective = هدف من الميثاق
citer-crosswalk-link = رابط في جدول المطابقة
citer-baseline = خط الأساس
citer-baseline-of = لـ{ $target }
citer-target = الغاية
targets-by-gdc = حسب أهداف الميثاق الرقمي العالمي
targets-by-sdg = حسب أهداف التنمية المستدامة
targets-by-action-line = حسب خط العمل
targets-group-gdc = الهدف { $number }: { $short }

## Curated content in the page's language
content-not-translated = لم تُترجم بعد؛ معروضة باللغة { $language ->
    [en] الإنجليزية
    [fr] الفرنسية
    [es] الإسبانية
    [ar] العربية
    [zh] الصينية
    [ru] الروسية
   *[other] الأصلية
}.
report-translations = لغات أخرى

## Figures
figure-usd = { $value } دولار أمريكي
figure-usd-million = { $value } مليون دولار أمريكي
figure-usd-billion = { $value } مليار دولار أمريكي
figure-percent = { $value }٪
figure-unit = { $value } { $unit }
figure-about = نحو { $value }
figure-at-least = { $value } على الأقل
figure-up-to = حتى { $value }
figure-between = بين { $low } و{ $high }
figure-estimate = { $value } (تقديري)
figure-projected = { $value } (متوقع)
figure-target = { $value } (مستهدف)

## Citations
cite-this-report = استشهد بهذا التقرير
cite-this-metric = استشهد بهذا المؤشر
cite-stable-address = العنوان الدائم:
cite-bibtex = BibTeX
cite-csl-json = CSL-JSON، لبرامج Zotero وMendeley وPandoc

## الرسوم البيانية
chart-point = { $year }: { $figure }
chart-point-stated-by = { $year }: { $figure } (بحسب { $by })
chart-points-separator = { "؛ " }
chart-desc-with-target = { $figures }. { $target }
chart-trend = اتجاه { $title }: { $points }
chart-desc-baseline = خط الأساس: { $value } في { $year }.
chart-desc-goal = المستهدف: { $value } (خط أفقي متقطع).
chart-desc-deadline = الموعد النهائي: { $year } (خط عمودي).
chart-baseline-title = خط الأساس: { $value } في { $year }
chart-goal-title = المستهدف: { $value } بحلول { $year }
chart-deadline-title = الموعد النهائي: { $year }
chart-baseline-label = خط الأساس
chart-goal-label = المستهدف { $value }
chart-deadline-label = الموعد { $year }
chart-mark-estimate = تقديري
chart-mark-projected = متوقع
chart-mark-target = مستهدف
chart-legend-value = قيمة
chart-legend-about = نحو
chart-legend-estimate = تقدير
chart-legend-at-least = على الأقل: قد تكون أعلى
chart-legend-up-to = حتى: قد تكون أقل
chart-legend-range = نطاق: من الأدنى إلى الأعلى
chart-legend-projected = متوقع
chart-legend-target = مستهدف
chart-legend-beside = بحسب جهات أخرى

## الرموز والقوائم
# لا اختصار عربيًا لأهداف التنمية المستدامة نثق به: الاسم كاملًا.
code-sdg = هدف التنمية المستدامة { $number }
code-titled = { $code }: { $title }
# لا اختصار عربيًا رسميًا مؤكدًا للاتفاق الرقمي العالمي: يبقى الرمز الإنكليزي GDC.
code-gdc = GDC { $number }
list-separator = { "، " }
list-separator-strong = { "؛ " }
list-last = { $init } و{ $last }
# الاسم مفرد لفقرة واحدة وجمع لأكثر من ذلك، مهما كان عددها.
document-excerpt = مقتطف: { $count ->
    [1] الفقرة
    [zero] الفقرات
    [one] الفقرات
    [two] الفقرات
    [few] الفقرات
    [many] الفقرات
   *[other] الفقرات
} { $list }
# الأسهم تشير في اتجاه القراءة من اليمين إلى اليسار.
nav-previous-year = → { $year }
nav-next-year = { $year } ←

# A long list cut into pages: the pager's name, where the reader is, the links.
pager-label = الصفحات
pager-page-of = الصفحة { $page } من { $pages }
pager-previous = → الصفحة السابقة
pager-next = الصفحة التالية ←
pager-page = الصفحة { $page }
pager-number = { $page }
pager-title = { $title }، الصفحة { $page } من { $pages }

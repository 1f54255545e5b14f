# Interface text in Chinese (Simplified). To be reviewed by a native speaker.

language-name = 中文

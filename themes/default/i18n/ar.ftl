# Interface text in Arabic. To be reviewed by a native speaker.

language-name = العربية

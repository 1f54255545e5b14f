# Interface text in Russian. To be reviewed by a native speaker.

language-name = Русский

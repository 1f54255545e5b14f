# Interface text in Spanish. To be reviewed by a native speaker.

language-name = Español

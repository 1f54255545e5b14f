# Interface text in French. To be reviewed by a native speaker.

language-name = Français

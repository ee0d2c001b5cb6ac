"""Connects classification to the rest of the project; imported by AssistConfig.ready()."""

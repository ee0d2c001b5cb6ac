"""Connects summary to the rest of the project; imported by AssistConfig.ready()."""

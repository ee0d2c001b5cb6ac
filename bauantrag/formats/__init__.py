"""Readers and writers of application formats (pure Python, no Django)."""

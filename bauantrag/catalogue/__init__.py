"""The public rule catalogue page ``/regelwerk/`` (Regelkatalog): what the automatic pre-check checks."""

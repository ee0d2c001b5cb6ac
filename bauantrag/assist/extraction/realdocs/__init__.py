"""Real documents for the extraction's evaluation: hand labels (labels.py), the built manifest (manifest.json),
our own documents (own/); third-party texts stay outside the repository (``$BAUANTRAG_REALDOCS_DIR``)."""

"""Legal check engine (pure Python, no Django): rules grouped by Land and law."""

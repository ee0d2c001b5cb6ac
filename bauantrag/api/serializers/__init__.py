"""Serializers validate input and shape output; they hold no workflow logic (that lives in actions)."""

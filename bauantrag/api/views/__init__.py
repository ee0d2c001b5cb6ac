"""API views, one module per resource. Views fetch only through access_* and change only through actions."""

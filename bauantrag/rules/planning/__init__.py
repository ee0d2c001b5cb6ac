"""Planning law (Bauplanungsrecht): the Bebauungsplan data model and the checks against it.

Pure Python: no Django imports. Geometry is shapely 2 in EPSG:25832 (metres).
"""

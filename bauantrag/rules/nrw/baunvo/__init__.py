"""Rules from the Baunutzungsverordnung (BauNVO) against a Bebauungsplan: Art und Maß der baulichen Nutzung,
überbaubare Grundstücksfläche."""

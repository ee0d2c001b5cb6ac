"""summary of Bauvorlagen and cases (see the package modules)."""

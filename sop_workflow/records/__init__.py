"""Records an SOP run leaves and prints: the intake register, the archive, dispositions, the
printed SOP and its PDF."""

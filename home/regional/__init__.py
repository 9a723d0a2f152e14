"""Regional offers: a region offers a published article to the institutions below it, which
each may adopt into its own site (a draft copy, through its own SOP) or decline."""

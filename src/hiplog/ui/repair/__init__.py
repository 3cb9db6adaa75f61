"""Rows damaged outside hiplog, shown once at start with a choice to drop or keep them."""

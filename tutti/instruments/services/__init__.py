"""Writes to the asset register, loans and repairs: keyword-only, atomic, audited."""

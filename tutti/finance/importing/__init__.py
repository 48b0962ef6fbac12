"""Importing a finance system's export of income and spending lines (IMPORT.md describes the file)."""

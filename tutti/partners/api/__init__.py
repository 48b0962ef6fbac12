"""The hub's own read-only API of partners with their agreements (signed-in staff, their current hub only)."""

"""Writes to learners' records: every one in a transaction and in the hub's audit log."""

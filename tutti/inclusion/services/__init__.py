"""Writes for fee remission: keyword-only, typed, atomic and audited."""

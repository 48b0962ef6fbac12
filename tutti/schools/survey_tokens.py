"""Survey link tokens are stored only as a SHA-256 fingerprint, so the database alone cannot open a survey."""

import hashlib


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

"""The code an authenticator app shows, from pyotp (RFC 6238: 30-second steps, 6 digits, SHA-1),
so the tests check allauth against an independent implementation rather than against itself."""

import pyotp


def totp_code(secret: str) -> str:
    return pyotp.TOTP(secret).now()

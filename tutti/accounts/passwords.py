"""A password check beyond Django's exact-match common list: common passwords dressed up.

Lists of breached passwords show people reach twelve characters by decorating a common password
("Password2024!", "P@ssw0rd1234", "qwertyqwerty") or by using the service's own name. This validator
undoes the usual decorations (letter-for-digit swaps, digits and symbols, repetition, the service's
words) and refuses the password when what is left is a common password or nothing at all.
"""

import re
from functools import cached_property

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError

LOOKALIKES = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
# Words about this service that a guesser tries first.
SERVICE_WORDS = ("musichub", "tutti", "music", "hubs", "hub", "password")


class GuessablePasswordValidator:
    """Refuses a password that is a common password (or the service's name) with decorations."""

    @cached_property
    def common_passwords(self) -> frozenset[str]:
        return frozenset(CommonPasswordValidator().passwords)

    def _cores(self, password: str) -> set[str]:
        lowered = password.lower()
        # Decorations go at the ends ("...2024!"); look-alikes sit inside the word ("p@ssw0rd").
        middle = re.sub(r"^[^a-z]+|[^a-z]+$", "", lowered)
        cores = {re.sub(r"[^a-z]", "", lowered), re.sub(r"[^a-z]", "", middle.translate(LOOKALIKES))}
        cores |= {_undo_repetition(core) for core in cores}
        return cores

    def validate(self, password: str, user: object = None) -> None:
        for core in self._cores(password):
            stripped = core
            for word in SERVICE_WORDS:
                stripped = stripped.replace(word, "")
            if not core:
                continue  # digits and symbols only: Django's numeric and common checks have looked at it
            if core in self.common_passwords or not stripped or stripped in self.common_passwords:
                raise ValidationError(
                    "This password is a common password with numbers or symbols added, or this service's "
                    "name. Choose something harder to guess, such as three or four random words.",
                    code="password_guessable",
                )

    def get_help_text(self) -> str:
        return "Your password cannot be a common password with numbers or symbols added."


def _undo_repetition(core: str) -> str:
    """'qwertyqwerty' -> 'qwerty': a repeated word is no stronger than the word."""
    match = re.fullmatch(r"(.+?)\1+", core)
    return match.group(1) if match else core

"""What the learners import commands share: the person acting, the file, and how a rejection is told."""

from pathlib import Path
from typing import Protocol

from django.core.management.base import BaseCommand, CommandError

from tutti.accounts.models import User


class RejectableResult(Protocol):
    @property
    def ok(self) -> bool: ...

    @property
    def errors(self) -> list: ...


def person_by_email(email: str) -> User:
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        raise CommandError(f"No person with the email {email}.")
    return person


def file_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise CommandError(f"No file at {path}.")
    return path.read_bytes()


def refuse_if_rejected(command: BaseCommand, result: RejectableResult, *, path: Path, outcome: str) -> None:
    """Every problem on stderr, then stop: `outcome` says what did not happen ("Nothing imported")."""
    if result.ok:
        return
    for error in result.errors:
        command.stderr.write(str(error))
    raise CommandError(f"{outcome}: {len(result.errors)} problem(s) in {path.name}.")

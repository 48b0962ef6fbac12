"""Telling others an enrolment changed (a family's portal emails them), without programmes knowing who listens.

Later modules (families) register a listener when their app is ready; the enrolment services announce each
change on the next line, and listeners run after the transaction commits, so nobody hears of a change that
was rolled back.
"""

from collections.abc import Callable

from django.db import transaction

from tutti.programmes.models import Enrolment

Listener = Callable[[Enrolment], None]
_listeners: dict[str, Listener] = {}


def register_listener(name: str, listener: Listener) -> None:
    """Add a listener under a name; registering the name again replaces it (ready() may run twice in tests)."""
    _listeners[name] = listener


def announce(enrolment: Enrolment | None) -> None:
    if enrolment is None:
        return
    for listener in list(_listeners.values()):
        transaction.on_commit(lambda listener=listener: listener(enrolment))  # type: ignore[misc]

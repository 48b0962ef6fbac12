"""A register saved after the tutor's session ended is kept, not thrown away.

Sessions end after 30 idle minutes (settings.SESSION_COOKIE_AGE), which a lesson easily outlasts. The CSRF
token lives in its own cookie, not in the session, so a signed-out tutor's Save still passes the CSRF
check and reaches the register's URL; there, before sign-in is asked for, the submitted marks are kept in
the new (anonymous) session, which Django's login carries over. When the register is next opened by a
signed-in person who may mark it (the page's own tenancy and tutor scope decide that, so nobody else's
marks are ever applied), the marks come back: saved at once when the same person loaded the form (a
signed token in the form says who), otherwise shown again to check and save.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse

from tutti.programmes.forms.registers import submitted_marks
from tutti.programmes.models import Session

SESSION_KEY = "tutti_kept_registers"
LOADED_BY_FIELD = "loaded_by"
_SALT = "tutti.programmes.register-loaded-by"
# A register kept longer than a whole signed-in day is no longer saved unseen: it is only shown again.
_MAX_AGE = settings.SESSION_ABSOLUTE_LIMIT_SECONDS
# The register's actions that carry marks (recording a session as not delivered is simply asked again).
MARKING_ACTIONS = frozenset({"mark", "all_present"})


@dataclass(frozen=True)
class KeptRegister:
    """Marks submitted while signed out; ``by_this_person`` when the person now signed in loaded the form."""

    marks: dict[str, str]
    by_this_person: bool


def loaded_by(*, user_id: int, session: Session) -> str:
    """The signed token a register form carries: who loaded it, for which session."""
    return signing.dumps([user_id, str(session.public_id)], salt=_SALT)


def keep_when_signed_out(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Before a signed-out person is sent to sign in, keep the marks they submitted to this register."""

    @wraps(view)
    def wrapped(request: HttpRequest, public_id: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and not request.user.is_authenticated:
            marks = submitted_marks(request.POST)
            if request.POST.get("action") in MARKING_ACTIONS and marks:
                kept = request.session.get(SESSION_KEY, {})
                kept[str(public_id)] = {"marks": marks, LOADED_BY_FIELD: request.POST.get(LOADED_BY_FIELD, "")}
                request.session[SESSION_KEY] = kept
                messages.warning(
                    request,
                    "You were signed out, so the register was not saved yet. Your marks are kept: "
                    "sign in again and they will be saved.",
                )
        return view(request, public_id=public_id, **kwargs)

    return wrapped


def take(request: HttpRequest, session: Session) -> KeptRegister | None:
    """The marks kept for this session's register, removed from the session (None when there are none)."""
    kept = request.session.get(SESSION_KEY, {})
    entry = kept.pop(str(session.public_id), None)
    if entry is None:
        return None
    request.session[SESSION_KEY] = kept
    try:
        user_id, public_id = signing.loads(entry[LOADED_BY_FIELD], salt=_SALT, max_age=_MAX_AGE)
    except signing.BadSignature:
        user_id = public_id = None
    same = user_id == request.user.pk and public_id == str(session.public_id)
    return KeptRegister(marks=dict(entry["marks"]), by_this_person=same)

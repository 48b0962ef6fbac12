"""Sign-ins, failed sign-ins and sign-outs go to the audit log of every hub the person belongs to.

Receivers of Django's own authentication signals, so sign-ins through allauth and the admin alike are
recorded. Nothing here writes to the application log: an email address is personal data.
"""

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from tutti.accounts.middleware import SIGNED_IN_AT_SESSION_KEY
from tutti.accounts.models import AuditEvent, Membership, User
from tutti.accounts.services import audit_record


def _record_for_each_hub(*, action: AuditEvent.Action, user: User, request: HttpRequest | None) -> None:
    hubs = [m.hub for m in Membership.objects.filter(user=user, hub__isnull=False).active().select_related("hub")]
    for hub in hubs or [None]:
        audit_record(action=action, hub=hub, actor=user, subject_user=user, request=request)


@receiver(user_logged_in, dispatch_uid="tutti_accounts_signed_in")
def record_sign_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT_SESSION_KEY] = time.time()
    _record_for_each_hub(action=AuditEvent.Action.SIGNED_IN, user=user, request=request)


@receiver(user_logged_out, dispatch_uid="tutti_accounts_signed_out")
def record_sign_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        _record_for_each_hub(action=AuditEvent.Action.SIGNED_OUT, user=user, request=request)


@receiver(user_login_failed, dispatch_uid="tutti_accounts_sign_in_failed")
def record_sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    email = str(credentials.get("email") or credentials.get("username") or "").strip()
    user = User.objects.filter(email__iexact=email).first() if email else None
    if user is None:
        # An address that is nobody's account: recorded without it, outside any hub.
        audit_record(action=AuditEvent.Action.SIGN_IN_FAILED, hub=None, actor=None, request=request)
        return
    hubs = [m.hub for m in Membership.objects.filter(user=user, hub__isnull=False).active().select_related("hub")]
    for hub in hubs or [None]:
        audit_record(action=AuditEvent.Action.SIGN_IN_FAILED, hub=hub, actor=None, subject_user=user, request=request)

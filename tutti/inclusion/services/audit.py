"""The one way the inclusion services write to the hub's audit log (never a child's name: references only)."""

from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.network.models import HubArea


def inclusion_audit(
    *, action: AuditEvent.Action, hub: HubArea, by: User, detail: str, request: HttpRequest | None
) -> None:
    audit_record(action=action, hub=hub, actor=by, request=request, detail=detail, path=request.path if request else "")

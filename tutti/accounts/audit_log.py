"""The audit log as people read it: what kind of record each action is about, in plain words.

Every action in ``AuditEvent.Action`` has its own words (its label) and belongs to one kind of record
here; the audit log's "Record" filter and its column read this mapping, and a test fails for any action
added without a place in it.
"""

from tutti.accounts.models import AuditEvent

Action = AuditEvent.Action

# The kinds of record the log's entries are about, as the "Record" filter offers them.
RECORD_KINDS: dict[str, str] = {
    "sign_in": "Signing in and out",
    "team": "Team members and roles",
    "other_hub": "Another hub's records",
    "learner": "Learners",
    "enrolment": "Enrolments",
    "register": "Registers",
    "activity": "Activities",
    "staff": "Staff records and DBS checks",
    "public": "Public pages and family accounts",
    "instruments": "Instruments and loans",
    "remission": "Fee remission and its evidence",
}

RECORD_OF_ACTION: dict[str, str] = {
    Action.SIGNED_IN: "sign_in",
    Action.SIGN_IN_FAILED: "sign_in",
    Action.SIGNED_OUT: "sign_in",
    Action.HUB_SWITCHED: "sign_in",
    Action.INVITED: "team",
    Action.ROLE_ADDED: "team",
    Action.ROLE_REMOVED: "team",
    Action.MEMBERSHIP_DISABLED: "team",
    Action.MEMBERSHIP_ENABLED: "team",
    Action.OTHER_HUB_RECORD_REFUSED: "other_hub",
    Action.LEARNER_VIEWED: "learner",
    Action.LEARNER_CREATED: "learner",
    Action.LEARNER_CHANGED: "learner",
    Action.LEARNERS_EXPORTED: "learner",
    Action.LEARNERS_MERGED: "learner",
    Action.LEARNERS_IMPORTED: "learner",
    Action.ENROLMENT_CHANGED: "enrolment",
    Action.REGISTER_MARKED: "register",
    Action.SESSION_NOT_DELIVERED: "register",
    Action.ACTIVITY_CHANGED: "activity",
    Action.STAFF_RECORD_CHANGED: "staff",
    Action.SAFEGUARDING_CHECK_RECORDED: "staff",
    Action.PUBLIC_PAGE_CHANGED: "public",
    Action.FAMILY_ACCOUNT_CREATED: "public",
    Action.ASSET_CHANGED: "instruments",
    Action.ASSETS_IMPORTED: "instruments",
    Action.LOAN_CHANGED: "instruments",
    Action.REPAIR_RECORDED: "instruments",
    Action.REMISSION_SCHEME_CHANGED: "remission",
    Action.REMISSION_APPLICATION_RECORDED: "remission",
    Action.REMISSION_DECIDED: "remission",
    Action.EVIDENCE_UPLOADED: "remission",
    Action.EVIDENCE_DOWNLOADED: "remission",
    Action.EVIDENCE_DELETED: "remission",
}


def record_kind(action: str) -> str:
    """The plain words for the kind of record an action is about ("Learners")."""
    return RECORD_KINDS[RECORD_OF_ACTION[action]]


def actions_about(record: str) -> list[str]:
    """Every action about one kind of record (a key of RECORD_KINDS)."""
    return [action for action, kind in RECORD_OF_ACTION.items() if kind == record]

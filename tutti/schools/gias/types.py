"""GIAS vocabularies: establishment status, phase of education, and which schools are state-funded."""

from tutti.schools.models import School

STATUSES = {
    "open": School.Status.OPEN,
    "open, but proposed to close": School.Status.OPEN_PROPOSED_TO_CLOSE,
    "proposed to open": School.Status.PROPOSED_TO_OPEN,
    "closed": School.Status.CLOSED,
}

PHASES = {
    "nursery": School.Phase.NURSERY,
    "primary": School.Phase.PRIMARY,
    "middle deemed primary": School.Phase.MIDDLE_PRIMARY,
    "middle deemed secondary": School.Phase.MIDDLE_SECONDARY,
    "secondary": School.Phase.SECONDARY,
    "16 plus": School.Phase.SIXTEEN_PLUS,
    "all-through": School.Phase.ALL_THROUGH,
    "all through": School.Phase.ALL_THROUGH,
    "not applicable": School.Phase.NOT_APPLICABLE,
}

# DfE's state-funded schools: local authority maintained schools (including pupil referral units and
# maintained nursery schools), academies and free schools, and maintained special schools. Independent
# schools, colleges, universities, Welsh establishments and "Other types" (secure units, offshore and
# service children's schools, special post-16 institutions) are outside a hub's duty to every state school.
STATE_FUNDED_GROUPS = frozenset({"local authority maintained schools", "academies", "free schools"})
SPECIAL_GROUP = "special schools"
# In the Special schools group only these two types are not state-funded. When an extract leaves out
# TypeOfEstablishment (the Trafford sample does), a special school counts as state-funded: most are.
NOT_STATE_FUNDED_SPECIAL_TYPES = frozenset({"non-maintained special school", "other independent special school"})


def is_state_funded(*, type_group: str, establishment_type: str) -> bool:
    group = type_group.strip().lower()
    if group in STATE_FUNDED_GROUPS:
        return True
    if group == SPECIAL_GROUP:
        return establishment_type.strip().lower() not in NOT_STATE_FUNDED_SPECIAL_TYPES
    return False


def phase_from_ages(low: int | None, high: int | None) -> str:
    """The phase an establishment's statutory age range implies, for extracts without PhaseOfEducation.

    GIAS's own phase wins whenever the file has it; this is the fallback, and it follows GIAS's bands:
    up to 5 nursery, up to 11 primary (infant, junior, primary), from 11 secondary, from 16 post-16,
    from the early years to 16 or more all-through, and the rest middle schools.
    """
    if low is None or high is None:
        return School.Phase.NOT_APPLICABLE
    if high <= 5:
        return School.Phase.NURSERY
    if low >= 16:
        return School.Phase.SIXTEEN_PLUS
    if high <= 11:
        return School.Phase.PRIMARY
    if low >= 11:
        return School.Phase.SECONDARY
    if high >= 16:
        return School.Phase.ALL_THROUGH
    return School.Phase.MIDDLE_PRIMARY if low < 9 else School.Phase.MIDDLE_SECONDARY

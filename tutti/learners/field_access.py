"""Who sees which of a learner's fields: decided here, once, and applied by ``learner_record``.

The rule (data protection's minimum necessary, per role within the hub):

* **Hub administrator and inclusion lead** see everything: identity, school, postcode district, every
  sensitive field (gender, ethnicity, SEND, free school meals or pupil premium, looked after, young
  carer), adaptations, guardians and consents. Inclusion leads report on and plan for disadvantage and
  SEND; administrators answer the family's requests about their data.
* **Programme manager** sees identity, school, postcode district, SEND (places and adapted provision
  are planned from it), adaptations, guardians and consents, but not gender, ethnicity, free school
  meals or pupil premium, looked after or young carer: running activities needs none of them.
* **Tutor** sees, for learners in their own activities only (see ``selectors.learners_visible_to``),
  the name, reference, year group, school, the adaptations agreed for lessons and the consents in
  force (a tutor must know whether a child may be photographed), and the guardians' names and phone
  numbers (to reach a family when a child is unwell or not collected). No date of birth beyond the
  year group, no postcode, no sensitive field.
* **Finance officer, school music lead, guardian**: no learner pages here (their own views come with
  their modules).

Every page, export and form reads a learner through ``learner_record`` (or checks ``FieldAccess``),
so a field a role may not see is never put in a template's context or an export's row.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tutti.accounts.models import Role
from tutti.learners.models import Guardian, Learner

IDENTITY_FIELDS = ("reference", "first_name", "last_name", "year_group", "school")
PERSONAL_FIELDS = ("date_of_birth", "postcode_district")
SEND_FIELDS = ("send",)
EQUALITY_FIELDS = ("gender", "ethnicity", "disadvantaged", "looked_after", "young_carer")
SENSITIVE_FIELDS = SEND_FIELDS + EQUALITY_FIELDS
ADAPTATION_FIELDS = ("adaptations",)

LEARNER_ROLES = frozenset({Role.HUB_ADMINISTRATOR, Role.INCLUSION_LEAD, Role.PROGRAMME_MANAGER, Role.TUTOR})
# Roles that see (and may change) every learner of the hub, not only those in their own activities.
HUB_WIDE_ROLES = frozenset({Role.HUB_ADMINISTRATOR, Role.INCLUSION_LEAD, Role.PROGRAMME_MANAGER})
EDITOR_ROLES = HUB_WIDE_ROLES
MERGE_ROLES = frozenset({Role.HUB_ADMINISTRATOR, Role.INCLUSION_LEAD})
IMPORT_ROLES = frozenset({Role.HUB_ADMINISTRATOR})
# Who enrols a whole WCET class from its class list (the people who set up activities).
CLASS_LIST_ROLES = frozenset({Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER})

_ROLE_FIELDS: dict[Role, tuple[str, ...]] = {
    Role.HUB_ADMINISTRATOR: IDENTITY_FIELDS + PERSONAL_FIELDS + SENSITIVE_FIELDS + ADAPTATION_FIELDS,
    Role.INCLUSION_LEAD: IDENTITY_FIELDS + PERSONAL_FIELDS + SENSITIVE_FIELDS + ADAPTATION_FIELDS,
    Role.PROGRAMME_MANAGER: IDENTITY_FIELDS + PERSONAL_FIELDS + SEND_FIELDS + ADAPTATION_FIELDS,
    Role.TUTOR: IDENTITY_FIELDS + ADAPTATION_FIELDS,
}
_FULL_GUARDIAN_ROLES = HUB_WIDE_ROLES
_FIELD_ORDER = IDENTITY_FIELDS + PERSONAL_FIELDS + SENSITIVE_FIELDS + ADAPTATION_FIELDS


@dataclass(frozen=True)
class FieldAccess:
    """What one person (by their roles in the current hub) may see of a learner."""

    fields: tuple[str, ...]
    guardian_fields: tuple[str, ...]
    hub_wide: bool
    taught_only: bool
    may_edit: bool
    may_merge: bool
    may_import: bool
    may_enrol_classes: bool

    @classmethod
    def for_roles(cls, roles: Iterable[str]) -> "FieldAccess":
        held = {Role(role) for role in roles if role in Role.values}
        visible = {name for role in held for name in _ROLE_FIELDS.get(role, ())}
        if held & _FULL_GUARDIAN_ROLES:
            guardian_fields: tuple[str, ...] = ("name", "relationship", "email", "phone", "postcode")
        elif Role.TUTOR in held:
            guardian_fields = ("name", "relationship", "phone")
        else:
            guardian_fields = ()
        return cls(
            fields=tuple(name for name in _FIELD_ORDER if name in visible),
            guardian_fields=guardian_fields,
            hub_wide=bool(held & HUB_WIDE_ROLES),
            taught_only=Role.TUTOR in held,
            may_edit=bool(held & EDITOR_ROLES),
            may_merge=bool(held & MERGE_ROLES),
            may_import=bool(held & IMPORT_ROLES),
            may_enrol_classes=bool(held & CLASS_LIST_ROLES),
        )

    def sees(self, name: str) -> bool:
        return name in self.fields


FIELD_LABELS = {
    "reference": "Reference",
    "first_name": "First name",
    "last_name": "Last name",
    "year_group": "Year group",
    "school": "School",
    "date_of_birth": "Date of birth",
    "postcode_district": "Postcode district",
    "send": "SEND",
    "gender": "Gender",
    "ethnicity": "Ethnicity",
    "disadvantaged": "Free school meals or pupil premium",
    "looked_after": "Looked after",
    "young_carer": "Young carer",
    "adaptations": "Adaptations for lessons",
}


def field_label(name: str) -> str:
    return FIELD_LABELS[name]


def field_value(learner: Learner, name: str) -> Any:
    """The value as a person reads it: choice labels, not codes; the school's name and URN."""
    if name == "school":
        return str(learner.school) if learner.school_id else ""
    value = getattr(learner, name)
    display = getattr(learner, f"get_{name}_display", None)
    if display is not None and value is not None and value != "":
        return display()
    return "" if value is None else value


def learner_record(learner: Learner, access: FieldAccess) -> list[tuple[str, str, Any]]:
    """The learner's fields this person may see, in order, as (name, label, value)."""
    return [(name, field_label(name), field_value(learner, name)) for name in access.fields]


GUARDIAN_LABELS = {
    "name": "Name",
    "relationship": "Relationship",
    "email": "Email",
    "phone": "Phone",
    "postcode": "Address postcode",
}


def guardian_record(guardian: Guardian, access: FieldAccess) -> list[tuple[str, str]]:
    """A guardian's details this person may see, as (label, value)."""
    values = {
        "name": guardian.name,
        "relationship": guardian.get_relationship_display(),
        "email": guardian.email,
        "phone": guardian.phone,
        "postcode": guardian.postcode,
    }
    return [(GUARDIAN_LABELS[name], values[name]) for name in access.guardian_fields]

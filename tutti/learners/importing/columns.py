"""Reading one line of a learners file into typed values, or into messages naming what is wrong.

The codes accepted are those of school and music-service management systems: DfE census ethnicity
main codes, SEN provision N/K/E, Y/N flags, NC Year as R or a number.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from tutti.learners.models import Answer, Ethnicity, Gender, Guardian, LookedAfter, Send

OLDEST_AGE = 25
REFERENCE = re.compile(r"^[A-Z]{2,6}-\d{6}$")
OUTWARD_CODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
INWARD_CODE = re.compile(r"^[0-9][A-Z]{2}$")

# Header (as written in IMPORT.md, matched case- and space-insensitively) -> internal name.
COLUMNS = {
    "learner ref": "reference",
    "forename": "first_name",
    "surname": "last_name",
    "dob": "date_of_birth",
    "school urn": "school_urn",
    "nc year": "year_group",
    "postcode": "postcode",
    "gender": "gender",
    "ethnicity": "ethnicity",
    "sen": "send",
    "fsm": "disadvantaged",
    "looked after": "looked_after",
    "young carer": "young_carer",
    "guardian name": "guardian_name",
    "guardian relationship": "guardian_relationship",
    "guardian email": "guardian_email",
    "guardian phone": "guardian_phone",
    "guardian postcode": "guardian_postcode",
}
REQUIRED_HEADERS = ("forename", "surname", "dob")

_GENDER = {
    "f": Gender.FEMALE, "female": Gender.FEMALE, "girl": Gender.FEMALE,
    "m": Gender.MALE, "male": Gender.MALE, "boy": Gender.MALE,
    "other": Gender.ANOTHER, "another": Gender.ANOTHER, "another term": Gender.ANOTHER, "non-binary": Gender.ANOTHER,
    "prefer not to say": Gender.PREFER_NOT_TO_SAY, "refused": Gender.PREFER_NOT_TO_SAY,
    "u": Gender.NOT_KNOWN, "unknown": Gender.NOT_KNOWN, "not known": Gender.NOT_KNOWN,
}  # fmt: skip
_SEND = {
    "n": Send.NONE, "none": Send.NONE, "no": Send.NONE,
    "k": Send.SEN_SUPPORT, "sen support": Send.SEN_SUPPORT,
    "e": Send.EHC_PLAN, "ehc plan": Send.EHC_PLAN, "ehcp": Send.EHC_PLAN,
    "prefer not to say": Send.PREFER_NOT_TO_SAY, "not known": Send.NOT_KNOWN, "unknown": Send.NOT_KNOWN,
}  # fmt: skip
_ANSWER = {
    "y": Answer.YES, "yes": Answer.YES, "true": Answer.YES, "1": Answer.YES,
    "n": Answer.NO, "no": Answer.NO, "false": Answer.NO, "0": Answer.NO,
    "prefer not to say": Answer.PREFER_NOT_TO_SAY, "not known": Answer.NOT_KNOWN, "unknown": Answer.NOT_KNOWN,
}  # fmt: skip
_LOOKED_AFTER = {
    "y": LookedAfter.LOOKED_AFTER, "yes": LookedAfter.LOOKED_AFTER, "looked after": LookedAfter.LOOKED_AFTER,
    "p": LookedAfter.PREVIOUSLY_LOOKED_AFTER, "previously": LookedAfter.PREVIOUSLY_LOOKED_AFTER,
    "previously looked after": LookedAfter.PREVIOUSLY_LOOKED_AFTER,
    "n": LookedAfter.NO, "no": LookedAfter.NO,
    "prefer not to say": LookedAfter.PREFER_NOT_TO_SAY, "not known": LookedAfter.NOT_KNOWN,
}  # fmt: skip
_ETHNICITY = {code.casefold(): Ethnicity(code) for code in Ethnicity.values} | {
    str(label).casefold(): Ethnicity(code) for code, label in Ethnicity.choices
}
_RELATIONSHIP = {str(label).casefold(): code for code, label in Guardian.Relationship.choices} | {
    code: code for code in Guardian.Relationship.values
}


@dataclass
class ParsedRow:
    """One line of the file as typed values; ``learner`` holds only the learner fields given on the line."""

    line: int
    reference: str
    first_name: str
    last_name: str
    date_of_birth: date
    school_urn: int | None
    learner: dict[str, object] = field(default_factory=dict)
    guardian: dict[str, str] | None = None


def _coded(value: str, table: dict, what: str, accepted: str) -> object:
    found = table.get(" ".join(value.casefold().split()))
    if found is None:
        raise ValueError(f"{what} '{value}' is not one of {accepted}")
    return found


def _year_group(value: str) -> int:
    text = value.strip().upper().replace("YEAR", "").replace("Y", "").strip()
    if text in {"R", "RECEPTION"}:
        return 0
    if text.isdigit() and 0 <= int(text) <= 13:
        return int(text)
    raise ValueError(f"NC Year '{value}' is not R or a year from 1 to 13")


def _postcode_district(value: str) -> str:
    parts = value.upper().split()
    if len(parts) == 1 and len(parts[0]) > 4 and INWARD_CODE.match(parts[0][-3:]):
        parts = [parts[0][:-3], parts[0][-3:]]  # a full postcode without its space, like SG123AB
    if not parts or not OUTWARD_CODE.match(parts[0]) or (len(parts) == 2 and not INWARD_CODE.match(parts[1])):
        raise ValueError(f"Postcode '{value}' is not a UK postcode or postcode district (like SG12 or SG12 7AB)")
    return parts[0]  # only the district is kept for a learner


def _birth_date(value: str, today: date) -> date:
    try:
        born = datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise ValueError(f"DOB '{value}' is not a date written DD/MM/YYYY") from None
    if born > today:
        raise ValueError(f"DOB {value} is in the future")
    if today.year - born.year > OLDEST_AGE + 1:
        raise ValueError(f"DOB {value} makes the learner older than {OLDEST_AGE}")
    return born


def parse_row(values: dict[str, str], *, line: int, today: date) -> ParsedRow | list[str]:
    """Typed values for one line, or every problem on it (each message names the column)."""
    problems: list[str] = []
    first, last = " ".join(values.get("first_name", "").split()), " ".join(values.get("last_name", "").split())
    if not first:
        problems.append("Forename is empty")
    if not last:
        problems.append("Surname is empty")
    if len(first) > 100 or len(last) > 100:
        problems.append("Forename and Surname must be at most 100 characters each")
    born: date | None = None
    try:
        born = _birth_date(values.get("date_of_birth", ""), today)
    except ValueError as error:
        problems.append(str(error))
    reference = values.get("reference", "").strip().upper()
    if reference and not REFERENCE.match(reference):
        problems.append(f"Learner Ref '{reference}' is not a Tutti reference like HRT-000123")
    urn: int | None = None
    urn_text = values.get("school_urn", "").strip()
    if urn_text:
        if urn_text.isdigit():
            urn = int(urn_text)
        else:
            problems.append(f"School URN '{urn_text}' is not a number")

    learner: dict[str, object] = {}
    coded = {
        "year_group": _year_group,
        "postcode": _postcode_district,
        "gender": lambda v: _coded(v, _GENDER, "Gender", "F, M, Other, Prefer not to say, Not known"),
        "ethnicity": lambda v: _coded(v, _ETHNICITY, "Ethnicity", "the DfE main codes (WBRI, AIND, ...)"),
        "send": lambda v: _coded(v, _SEND, "SEN", "N, K, E (no SEN, SEN support, EHC plan)"),
        "disadvantaged": lambda v: _coded(v, _ANSWER, "FSM", "Y or N"),
        "looked_after": lambda v: _coded(v, _LOOKED_AFTER, "Looked After", "Y, P (previously) or N"),
        "young_carer": lambda v: _coded(v, _ANSWER, "Young Carer", "Y or N"),
    }
    for name, parse in coded.items():
        text = values.get(name, "").strip()
        if not text:
            continue  # a blank cell leaves what the hub knows unchanged
        try:
            learner["postcode_district" if name == "postcode" else name] = parse(text)
        except ValueError as error:
            problems.append(str(error))

    guardian = _guardian(values, problems)
    if problems or born is None:
        return problems
    return ParsedRow(line, reference, first, last, born, urn, learner, guardian)


def _guardian(values: dict[str, str], problems: list[str]) -> dict[str, str] | None:
    name = " ".join(values.get("guardian_name", "").split())
    email = values.get("guardian_email", "").strip()
    phone = values.get("guardian_phone", "").strip()
    if not name:
        if email or phone:
            problems.append("Guardian Email or Phone is given without a Guardian Name")
        return None
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"Guardian Email '{email}' is not an email address")
    relationship_text = values.get("guardian_relationship", "").strip()
    relationship = Guardian.Relationship.PARENT.value
    if relationship_text:
        found = _RELATIONSHIP.get(relationship_text.casefold())
        if found is None:
            problems.append(
                f"Guardian Relationship '{relationship_text}' is not one of Mother, Father, Parent, Carer, …"
            )
        else:
            relationship = found
    postcode = " ".join(values.get("guardian_postcode", "").upper().split())
    if len(postcode) > 8 or len(name) > 200 or len(phone) > 40:
        problems.append("A guardian value is too long (name 200, phone 40, postcode 8 characters)")
    return {"name": name, "relationship": relationship, "email": email, "phone": phone, "postcode": postcode}

"""What kind of body a Hub Lead Organisation is, inferred from its name when a file does not say.

The first row of this table whose pattern appears in the name wins, so "Cambridgeshire County Council
(consortium with Peterborough City Council)" is a council and "South East London Music Hub consortium
(... Bromley Youth Music Trust ...)" is a consortium. A name that matches nothing is UNKNOWN, which
pages show as "not published in this data"; an administrator can correct the kind in the admin.
"""

import re

from tutti.network.models import LeadOrganisation

Kind = LeadOrganisation.Kind

KIND_PATTERNS: tuple[tuple[re.Pattern[str], LeadOrganisation.Kind], ...] = (
    (re.compile(r"\bcombined authority\b", re.IGNORECASE), Kind.COMBINED_AUTHORITY),
    (re.compile(r"\b(council|borough)\b", re.IGNORECASE), Kind.COUNCIL),
    (re.compile(r"\b(consortium|alliance)\b", re.IGNORECASE), Kind.CONSORTIUM),
    (re.compile(r"\b(ltd|limited|cic|company|plc)\b", re.IGNORECASE), Kind.COMPANY),
    (re.compile(r"\b(trust|charity|charitable|foundation|cio)\b", re.IGNORECASE), Kind.CHARITY),
)


def infer_kind(name: str) -> LeadOrganisation.Kind:
    """The kind of the first KIND_PATTERNS row whose words appear in the name, else UNKNOWN."""
    for pattern, kind in KIND_PATTERNS:
        if pattern.search(name):
            return kind
    return Kind.UNKNOWN

"""Who opens which inclusion page.

Remission applications hold a family's circumstances and evidence: only the hub's inclusion lead and
administrator decide them and open the evidence. Participation figures are counts the hub's planners
also need, so programme managers see them too (never a child's identity).
"""

from tutti.accounts.models import Role

REMISSION_ROLES = frozenset({Role.INCLUSION_LEAD, Role.HUB_ADMINISTRATOR})
ANALYTICS_ROLES = frozenset({Role.INCLUSION_LEAD, Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER})

"""Which Partnerships links to show the signed-in person (the views enforce the same rules)."""

from django import template

from tutti.accounts.models import Membership
from tutti.partners.roles import MONEY_READERS

register = template.Library()


@register.filter
def sees_partner_money(membership: Membership | None) -> bool:
    """The person's roles in this hub open the pass-through shares and contributions."""
    return membership is not None and bool(membership.role_set & MONEY_READERS)

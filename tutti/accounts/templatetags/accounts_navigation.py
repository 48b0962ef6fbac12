"""Which workspace link the service navigation offers: the person's hub, or the national view."""

from django import template
from django.contrib.auth.models import AnonymousUser

from tutti.accounts.models import User
from tutti.accounts.selectors import national_membership_of

register = template.Library()


@register.filter
def is_national_team(user: User | AnonymousUser) -> bool:
    """The person belongs to the national team (one query; the navigation asks only outside a hub's pages)."""
    return national_membership_of(user) is not None

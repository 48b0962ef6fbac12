"""Which records the interactions log can be about, and how a URL names one.

A model of any module (partners' own Partner, schools' engagement records) becomes a possible subject
by opting in, without partners importing it:

* a class attribute ``is_interaction_subject: ClassVar[bool] = True``;
* a ``public_id`` UUID field, a ``hub`` foreign key and a default manager built from HubScopedQuerySet;
* ``get_absolute_url()``: where the "record an interaction" form returns after saving;
* ``__str__``: how the subject is named on the form and in "My follow-ups".

In a URL the subject's type is its content type's natural key, ``app_label.model``
(``partners.partner``, ``schools.schoolengagement``): see :func:`subject_key`.
"""

from django.apps import apps
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet


class UnknownSubjectType(LookupError):
    """The URL names a type of record that cannot be the subject of an interaction."""


def subject_key(subject: models.Model | type[models.Model]) -> str:
    """The subject's type as it appears in URLs: ``app_label.model``."""
    return subject._meta.label_lower


def subject_model(key: str) -> type[models.Model]:
    """The model a subject key names; UnknownSubjectType for anything that has not opted in."""
    try:
        model = apps.get_model(key)
    except (LookupError, ValueError):
        raise UnknownSubjectType(f"{key!r} is not a kind of record interactions can be about") from None
    if not getattr(model, "is_interaction_subject", False):
        raise UnknownSubjectType(f"{key!r} is not a kind of record interactions can be about")
    return model


def subject_queryset(key: str) -> HubScopedQuerySet[models.Model]:
    """The hub-scoped queryset a subject is looked up in (through a hub, by its public_id)."""
    queryset = subject_model(key)._default_manager.all()
    if not isinstance(queryset, HubScopedQuerySet):
        raise UnknownSubjectType(f"{key!r} records do not belong to a hub")
    return queryset


def is_subject(record: object) -> bool:
    return isinstance(record, models.Model) and bool(getattr(record, "is_interaction_subject", False))

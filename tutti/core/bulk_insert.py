"""Writing many new rows of one model at once: PostgreSQL's ``COPY`` where we can, ``bulk_create`` elsewhere.

Django's ``bulk_create`` builds a model instance per row and prepares every field of every instance
through several layers of calls; for the imports (50,000 schools, 100,000 learners) that costs far more
than the database's own work. ``insert_rows`` takes plain dicts and works a column at a time: each
value gets what the ORM would give it (a default, a fresh UUID per row, the field's ``pre_save`` for
``auto_now``/``auto_now_add`` timestamps) and goes through the field's ``get_db_prep_save`` unless it is
of a kind PostgreSQL takes as it is (a str for a CharField, an aware datetime for a DateTimeField...).

It runs on the caller's connection and inside the caller's transaction, so an import that fails later
still writes nothing. It does not return the new primary keys: callers that need them read them back by a
unique key of their own (a learner's hub and reference, a school's URN).
"""

import datetime
import itertools
import operator
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, models, router
from django.db.backends.postgresql.psycopg_any import is_psycopg3

# The fallback's batch: small enough for SQLite's limit on query parameters with any of our models.
FALLBACK_BATCH_SIZE = 500


_DATE_KINDS = (models.DateField, models.TimeField)  # DateTimeField is a DateField


class _Holder:
    """Stands in for a model instance when a field's ``pre_save`` reads (and may set) its one attribute."""


def _columns(model: type[models.Model]) -> list[models.Field]:
    """The concrete fields an INSERT writes: every local column except a database-generated primary key."""
    return [
        field
        for field in model._meta.concrete_fields
        if not (field.primary_key and getattr(field, "db_returning", False)) and not field.generated
    ]


def _row_keys(model: type[models.Model], fields: Collection[str]) -> dict[str, str]:
    """Each accepted key (a field's name or its attname, ``hub`` or ``hub_id``) to the field's attname."""
    keys: dict[str, str] = {}
    for key in fields:
        try:
            field = model._meta.get_field(key)
        except FieldDoesNotExist as error:
            raise ValueError(f"{model.__name__} has no field {key!r} to insert") from error
        if not getattr(field, "concrete", False):
            raise ValueError(f"{model.__name__}.{key} is not a column and cannot be inserted")
        keys[key] = field.attname  # type: ignore[union-attr]
    return keys


def _runs_pre_save(field: models.Field) -> bool:
    """Whether the field's pre_save does more than read the value (auto_now, auto_now_add, file fields...)."""
    if isinstance(field, _DATE_KINDS):
        return bool(field.auto_now or field.auto_now_add)
    return type(field).pre_save is not models.Field.pre_save


# When a value is stored as it is. For the field classes below, on PostgreSQL with psycopg 3,
# get_db_prep_save gives back such a value unchanged (or an equivalent COPY writes the same way, like
# psycopg's Int4 for an int), and None as None. Skipping the call for them is most of insert_rows' speed;
# any other value still goes through the field.
@dataclass(frozen=True)
class _AsIs:
    """Values of exactly one of ``types`` or an instance of one of ``instances`` (None too), passing
    ``test`` when there is one. ``column_test`` is ``test`` for a whole list of non-None values at once."""

    types: frozenset[type] = frozenset()
    instances: tuple[type, ...] = ()
    test: Callable[[Any], bool] | None = None
    column_test: Callable[[list[Any]], bool] | None = None

    def keeps(self, value: Any) -> bool:
        if value is None:
            return True
        if type(value) not in self.types and not isinstance(value, self.instances):
            return False
        return self.test is None or self.test(value)

    def prepared(self, values: list[Any], prepare: Callable[[Any, Any], Any], connection: Any) -> list[Any]:
        """The database value of each of ``values``, calling ``prepare`` only for those not stored as they are."""
        if not self.types and not self.instances:
            return [prepare(value, connection) for value in values]
        # Usually a whole column of 100,000 values fits, checked by its few distinct types, with no call
        # per value; else each value is checked and prepared when it does not fit.
        kinds = set(map(type, values)) - {_NONE}
        fits = all(kind in self.types or issubclass(kind, self.instances) for kind in kinds)
        if fits and self.column_test is not None:
            fits = self.column_test([value for value in values if value is not None])
        if fits:
            return values
        return [value if self.keeps(value) else prepare(value, connection) for value in values]


_NONE = type(None)
_NEVER = _AsIs()


def _exactly(*types: type) -> _AsIs:
    return _AsIs(types=frozenset(types))  # exact: a bool is not an int here, nor a datetime a date


def _is_aware(value: datetime.datetime) -> bool:
    return value.utcoffset() is not None


def _are_aware(values: list[datetime.datetime]) -> bool:
    return None not in map(datetime.datetime.utcoffset, values)


def _are_finite(values: list[Decimal]) -> bool:
    return all(map(Decimal.is_finite, values))


_TEXT = _AsIs(instances=(str,))  # a str subclass too: a TextChoices member is kept as it is
_STORED_AS_IS_ON_POSTGRESQL: tuple[tuple[type[models.Field], _AsIs], ...] = (
    (models.CharField, _TEXT),
    (models.TextField, _TEXT),
    (models.BooleanField, _exactly(bool)),
    # Auto fields first (their own get_db_prep_value only checks the id, which PostgreSQL's backend accepts).
    (models.BigAutoField, _exactly(int)),
    (models.AutoField, _exactly(int)),
    (models.SmallAutoField, _exactly(int)),
    (models.IntegerField, _exactly(int)),  # with its small, big and positive kinds
    (models.UUIDField, _exactly(uuid.UUID)),
    # Before DateField, its base: a naive datetime is made aware by the field.
    (models.DateTimeField, _AsIs(types=frozenset({datetime.datetime}), test=_is_aware, column_test=_are_aware)),
    (models.DateField, _exactly(datetime.date)),  # a DateField turns a datetime into its date
    # The field refuses NaN and infinity.
    (models.DecimalField, _AsIs(types=frozenset({Decimal}), test=Decimal.is_finite, column_test=_are_finite)),
)
_PREPARATION = ("get_db_prep_save", "get_db_prep_value", "get_prep_value", "to_python")


def _stored_as_is(field: models.Field) -> _AsIs:
    """Which of this field's values PostgreSQL can take as they are; none when unsure (always prepare)."""
    if field.is_relation:
        if not isinstance(field, models.ForeignKey):
            return _NEVER
        if type(field).get_db_prep_save is not models.ForeignKey.get_db_prep_save:
            return _NEVER
        return _stored_as_is(field.target_field)
    for base, as_is in _STORED_AS_IS_ON_POSTGRESQL:
        if isinstance(field, base):
            # A subclass that prepares values its own way (a custom field) is always prepared.
            same = all(getattr(type(field), name) is getattr(base, name) for name in _PREPARATION)
            return as_is if same else _NEVER
    return _NEVER


def insert_rows(
    model: type[models.Model], rows: Sequence[Mapping[str, Any]], *, fields: Collection[str], using: str | None = None
) -> int:
    """Insert ``rows`` (each a mapping of some of ``fields`` to values) as new rows of ``model``; the count.

    ``fields`` names the keys rows may carry (a field's name or attname; a foreign key takes the related
    id, or an instance). A field a row leaves out gets its default, as ``model(**row)`` would. Raises
    ``ValueError`` for a key that is not one of ``fields`` or not a column of the model.
    """
    if not rows:
        return 0
    keys = _row_keys(model, fields)
    allowed = set(keys)
    for number, row in enumerate(rows, start=1):
        if not allowed.issuperset(row):
            unknown = ", ".join(sorted(set(row) - allowed))
            raise ValueError(f"Row {number} for {model.__name__} has key(s) not in fields: {unknown}")
    alias = using or router.db_for_write(model)
    connection = connections[alias]
    # COPY cannot write a database-computed default (db_default), and a pre_save other than a date field's
    # (a file field's) needs a real instance: such a model goes through the ORM.
    copyable = not any(
        field.has_db_default() or (_runs_pre_save(field) and not isinstance(field, _DATE_KINDS))
        for field in _columns(model)
    )
    if connection.vendor == "postgresql" and is_psycopg3 and copyable:
        _copy(model, rows, keys=keys, connection=connection)
    else:
        objects = (model(**row) for row in rows)
        model._base_manager.using(alias).bulk_create(list(objects), batch_size=FALLBACK_BATCH_SIZE)
    return len(rows)


_MISSING = object()


def _column(field: models.Field, names: tuple[str, ...], rows: Sequence[Mapping[str, Any]], connection: Any) -> Any:
    """One column's database values for all the rows (a list), or, when every row has the same, a repeat."""
    get_default = field.get_default
    if not names and not _runs_pre_save(field):
        if not (field.has_default() and callable(field.default)):
            return itertools.repeat(field.get_db_prep_save(get_default(), connection), len(rows))
        values = [get_default() for _ in rows]  # as model(**row) does: a callable default (a UUID) per row
    else:
        try:  # most often every row gives the column: read it at C speed
            values = list(map(operator.itemgetter(names[0]), rows)) if len(names) == 1 else []
        except KeyError:
            values = []
        if not values:
            values = [next((row[name] for name in names if name in row), _MISSING) for row in rows]
            values = [get_default() if value is _MISSING else value for value in values]
        if field.is_relation:
            values = [value.pk if isinstance(value, models.Model) else value for value in values]
        if _runs_pre_save(field):
            holder, attname, pre_save = _Holder(), field.attname, field.pre_save
            saved = []
            for value in values:
                setattr(holder, attname, value)
                saved.append(pre_save(holder, True))  # type: ignore[arg-type]
            values = saved
    return _stored_as_is(field).prepared(values, field.get_db_prep_save, connection)


def _prepared(
    model: type[models.Model], rows: Sequence[Mapping[str, Any]], *, keys: dict[str, str], connection: Any
) -> Iterable[tuple[Any, ...]]:
    """Each row as a tuple of database values, in the order of ``_columns(model)``, for PostgreSQL."""
    columns = [
        _column(field, tuple(key for key, attname in keys.items() if attname == field.attname), rows, connection)
        for field in _columns(model)
    ]
    return zip(*columns, strict=True)


def _copy(
    model: type[models.Model], rows: Sequence[Mapping[str, Any]], *, keys: dict[str, str], connection: Any
) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in _columns(model))
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    # Errors come back as psycopg's own; wrap them as Django's (IntegrityError etc.) as a query would be.
    with connection.wrap_database_errors, connection.cursor() as cursor, cursor.copy(statement) as copy:
        for values in _prepared(model, rows, keys=keys, connection=connection):
            copy.write_row(values)

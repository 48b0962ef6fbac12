"""The asset register: every instrument, piece of equipment and music technology the hub owns.

An asset is archived (status ``retired``) and never deleted: the capital grant's spending and an
asset's loans and repairs keep pointing at it.
"""

import uuid

from django.db import models
from django.db.models import Q

from tutti.accounts.tenancy import HubScopedQuerySet


class Condition(models.TextChoices):
    """The state of an asset as the store (or a returning borrower) finds it."""

    NEW = "new", "New"
    GOOD = "good", "Good"
    FAIR = "fair", "Fair: usable, signs of wear"
    POOR = "poor", "Poor: needs attention"
    UNUSABLE = "unusable", "Unusable"


class AssetQuerySet(HubScopedQuerySet["Asset"]):
    def in_fleet(self) -> "AssetQuerySet":
        """Every asset not retired: what the hub can lend, has lent or is repairing."""
        return self.exclude(status=Asset.Status.RETIRED)

    def bought_with_capital(self, year: int) -> "AssetQuerySet":
        return self.filter(funding=Asset.Funding.CAPITAL_GRANT, capital_year=year)


class Asset(models.Model):
    """One instrument, piece of equipment or music technology the hub owns, identified by its asset tag.

    ``status`` is kept by the services: a loan makes it reserved or on loan, a repair in repair, and
    retiring archives it. ``location`` is where it lives when nobody has it (a store, a school, a tutor).
    """

    class Kind(models.TextChoices):
        INSTRUMENT = "instrument", "Instrument"
        EQUIPMENT = "equipment", "Equipment"
        TECHNOLOGY = "technology", "Music technology"

    class Status(models.TextChoices):
        AVAILABLE = "available", "Available"
        RESERVED = "reserved", "Reserved"
        ON_LOAN = "on_loan", "On loan"
        IN_REPAIR = "in_repair", "In repair"
        RETIRED = "retired", "Retired"

    class LocationKind(models.TextChoices):
        STORE = "store", "A store"
        SCHOOL = "school", "A school"
        TUTOR = "tutor", "A tutor"

    class Funding(models.TextChoices):
        CAPITAL_GRANT = "capital_grant", "Capital grant"
        OTHER_GRANT = "other_grant", "Another grant"
        DONATION = "donation", "Donation"
        HUB_FUNDS = "hub_funds", "Hub funds"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="assets")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    asset_tag = models.CharField(max_length=30, help_text="The label on the asset, unique in the hub.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    instrument = models.ForeignKey(
        "programmes.Instrument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assets",
        help_text="The instrument type (its family comes with it); required for an instrument.",
    )
    item = models.CharField(
        "What it is", max_length=100, blank=True, help_text="For equipment or technology: a music stand, an amplifier."
    )
    size = models.CharField(max_length=30, blank=True, help_text="For example 3/4, 1/2, junior.")
    make = models.CharField(max_length=100, blank=True)
    model = models.CharField(max_length=100, blank=True)
    serial_number = models.CharField(max_length=100, blank=True)
    adaptive = models.BooleanField("Adaptive or SEND-specific", default=False)
    adaptive_purpose = models.TextField("What it is for", blank=True)
    condition = models.CharField(max_length=10, choices=Condition.choices, default=Condition.GOOD)
    location_kind = models.CharField("Kept at", max_length=10, choices=LocationKind.choices, default="store")
    store_name = models.CharField("Store", max_length=100, blank=True)
    school = models.ForeignKey(
        "schools.School", on_delete=models.PROTECT, null=True, blank=True, related_name="kept_assets"
    )
    tutor = models.ForeignKey(
        "programmes.StaffMember", on_delete=models.PROTECT, null=True, blank=True, related_name="kept_assets"
    )
    purchased_on = models.DateField("Purchase date", null=True, blank=True)
    cost_pence = models.PositiveIntegerField("Cost", null=True, blank=True)
    funding = models.CharField("Funding source", max_length=14, choices=Funding.choices)
    capital_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The capital grant's academic year (its start year: 2024 for 2024/25)."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AVAILABLE, editable=False)
    retired_on = models.DateField(null=True, blank=True, editable=False)
    retired_reason = models.CharField(max_length=200, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssetQuerySet.as_manager()

    class Meta:
        ordering = ["asset_tag"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "asset_tag"], name="instruments_asset_tag_unique_in_hub"),
            models.CheckConstraint(condition=~Q(asset_tag=""), name="instruments_asset_has_tag"),
            models.CheckConstraint(
                condition=~Q(kind="instrument") | Q(instrument__isnull=False), name="instruments_instrument_has_type"
            ),
            models.CheckConstraint(
                condition=Q(instrument__isnull=False) | ~Q(item=""), name="instruments_asset_says_what_it_is"
            ),
            models.CheckConstraint(
                condition=Q(adaptive=False) | ~Q(adaptive_purpose=""), name="instruments_adaptive_purpose_given"
            ),
            models.CheckConstraint(
                condition=(Q(funding="capital_grant") & Q(capital_year__isnull=False))
                | (~Q(funding="capital_grant") & Q(capital_year__isnull=True)),
                name="instruments_capital_year_only_for_capital",
            ),
            models.CheckConstraint(
                condition=(Q(location_kind="store") & ~Q(store_name="") & Q(school__isnull=True, tutor__isnull=True))
                | (Q(location_kind="school") & Q(school__isnull=False, tutor__isnull=True) & Q(store_name=""))
                | (Q(location_kind="tutor") & Q(tutor__isnull=False, school__isnull=True) & Q(store_name="")),
                name="instruments_location_names_one_place",
            ),
            models.CheckConstraint(
                condition=(Q(status="retired") & Q(retired_on__isnull=False))
                | (~Q(status="retired") & Q(retired_on__isnull=True)),
                name="instruments_retired_on_only_when_retired",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["available", "reserved", "on_loan", "in_repair", "retired"]),
                name="instruments_asset_status_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.asset_tag}: {self.description}"

    @property
    def type_label(self) -> str:
        """The instrument type, or what the equipment is: the row label of the utilisation figures."""
        return self.instrument.name if self.instrument_id and self.instrument else self.item

    @property
    def description(self) -> str:
        parts = [self.type_label, self.size, " ".join(part for part in (self.make, self.model) if part)]
        return ", ".join(part for part in parts if part)

    @property
    def location(self) -> str:
        if self.location_kind == self.LocationKind.SCHOOL and self.school_id:
            return str(self.school.name) if self.school else ""
        if self.location_kind == self.LocationKind.TUTOR and self.tutor_id:
            return str(self.tutor)
        return self.store_name

    @property
    def spending_category(self) -> str:
        """How the capital tracker counts it: SEND-specific when adaptive, else by its kind."""
        return SEND_SPECIFIC if self.adaptive else self.kind


SEND_SPECIFIC = "send"
SPENDING_CATEGORIES = (
    (Asset.Kind.INSTRUMENT.value, "Instruments"),
    (Asset.Kind.EQUIPMENT.value, "Equipment"),
    (Asset.Kind.TECHNOLOGY.value, "Music technology"),
    (SEND_SPECIFIC, "SEND-specific"),
)

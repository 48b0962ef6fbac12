"""The national Music Hub network: who leads which area, which local authorities it covers, and its funding.

A hub is its area, not its lead: lead organisations are appointed to an area for a period and can change.
"""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from tutti.core import academic_year

ONS_LA_CODE = RegexValidator(
    r"^E(06|08|09|10)\d{6}$",
    "An English upper-tier local authority code: E06, E08, E09 or E10 and six digits.",
)
ONS_REGION_CODE = RegexValidator(r"^E12\d{6}$", "An English region code: E12 and six digits.")


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Verification(models.TextChoices):
    """How far the published sources confirm a hub area's row (see the seed data's README)."""

    CONFIRMED = "yes", "Confirmed by sources"
    PARTIAL = "partial", "Partly confirmed"
    INFERRED = "inferred", "Inferred, not confirmed by a source"


class Region(models.Model):
    """One of England's nine regions (ONS E12 code)."""

    code = models.CharField(max_length=9, unique=True, validators=[ONS_REGION_CODE])
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class HubAreaQuerySet(models.QuerySet["HubArea"]):
    def with_local_authorities(self, *, boundaries: bool = False) -> "HubAreaQuerySet":
        """Prefetch the areas' local authorities; their boundaries (about 300 KB in all) only for a map."""
        authorities = LocalAuthority.objects.select_related("region")
        if not boundaries:
            authorities = authorities.defer("boundary_svg")
        return self.prefetch_related(models.Prefetch("local_authorities", queryset=authorities))


class HubArea(TimestampedModel):
    """A Music Hub area: the part of England one hub serves, made of whole upper-tier local authorities."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    verification = models.CharField(max_length=10, choices=Verification.choices, default=Verification.CONFIRMED)
    sources = models.TextField(blank=True, help_text="Addresses of the sources for this area, one per line.")

    objects = HubAreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def source_list(self) -> list[str]:
        return [line for line in self.sources.splitlines() if line.strip()]


class LocalAuthority(models.Model):
    """An upper-tier local authority (county, unitary, metropolitan district, London borough, City of London)."""

    class Kind(models.TextChoices):
        COUNTY = "county", "County council"
        UNITARY = "unitary", "Unitary authority"
        METROPOLITAN = "metropolitan", "Metropolitan district"
        LONDON_BOROUGH = "london_borough", "London borough"

    ons_code = models.CharField("ONS code", max_length=9, unique=True, validators=[ONS_LA_CODE])
    dfe_code = models.PositiveSmallIntegerField(
        "DfE LA code",
        null=True,
        blank=True,
        unique=True,
        validators=[MinValueValidator(100), MaxValueValidator(999)],
        help_text="The three-digit number GIAS calls 'LA (code)', for example 919 for Hertfordshire.",
    )
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="local_authorities")
    hub_area = models.ForeignKey(
        HubArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="local_authorities",
        help_text="Each local authority sits in exactly one hub area.",
    )
    boundary_svg = models.TextField(
        blank=True,
        help_text="The boundary as an SVG path in the map's projected coordinates (tutti.network.geography).",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return f"{self.name} ({self.ons_code})"


class LeadOrganisation(TimestampedModel):
    """A Hub Lead Organisation (HLO): the body that holds the grant and reports to Arts Council England."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        COMBINED_AUTHORITY = "combined_authority", "Combined authority"
        CHARITY = "charity", "Charity or trust"
        COMPANY = "company", "Company"
        CONSORTIUM = "consortium", "Consortium"
        UNKNOWN = "unknown", "Not published in this data"

    name = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.UNKNOWN)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LeadAppointmentQuerySet(models.QuerySet["LeadAppointment"]):
    def current(self) -> "LeadAppointmentQuerySet":
        return self.filter(ends_on__isnull=True)


class LeadAppointment(TimestampedModel):
    """A lead organisation's appointment to a hub area, from a start date to an end date (open while current)."""

    hub_area = models.ForeignKey(HubArea, on_delete=models.CASCADE, related_name="appointments")
    organisation = models.ForeignKey(LeadOrganisation, on_delete=models.PROTECT, related_name="appointments")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    objects = LeadAppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["hub_area", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gt=models.F("starts_on")),
                name="appointment_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["hub_area"], condition=Q(ends_on__isnull=True), name="one_current_lead_per_area"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} leads {self.hub_area} from {self.starts_on}"


class FundingAllocation(TimestampedModel):
    """A DfE grant to a hub area for one academic year, paid through Arts Council England.

    `COMBINED` holds a published total where the revenue/capital split was not published; an area
    has either the split streams or a combined figure for a year, never both (the importer checks).
    """

    class Stream(models.TextChoices):
        REVENUE = "revenue", "Core revenue grant"
        CAPITAL = "capital", "Capital grant"
        COMBINED = "combined", "Total (split not published)"

    hub_area = models.ForeignKey(HubArea, on_delete=models.CASCADE, related_name="allocations")
    academic_year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2012), MaxValueValidator(2100)],
        help_text="The year the academic year starts in: 2024 for 2024/25.",
    )
    stream = models.CharField(max_length=10, choices=Stream.choices)
    amount_pence = models.PositiveBigIntegerField()
    source = models.TextField(blank=True, help_text="Where the figure was published, one address per line.")

    class Meta:
        ordering = ["hub_area", "academic_year", "stream"]
        constraints = [
            models.UniqueConstraint(
                fields=["hub_area", "academic_year", "stream"], name="one_allocation_per_area_year_stream"
            ),
            models.CheckConstraint(condition=Q(amount_pence__gte=0), name="allocation_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.hub_area} {academic_year.label(self.academic_year)} {self.get_stream_display()}"


class Aim(models.Model):
    """One of the three aims of the National Plan for Music Education (2022)."""

    number = models.PositiveSmallIntegerField(unique=True, validators=[MinValueValidator(1), MaxValueValidator(3)])
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Aim {self.number}: {self.summary}"


class StrategicFunction(models.Model):
    """One of the five strategic functions every hub works through; partner roles and budgets map to these."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100, unique=True)
    summary = models.TextField()
    position = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class NetworkRevision(models.Model):
    """A counter of changes to the national data, one row; public pages are cached per revision.

    Every service that changes the network's public data bumps it in the same transaction, so a
    cached page can never outlive the data it shows, in any process.
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="network_revision_single_row")]

    def __str__(self) -> str:
        return f"Network revision {self.number}"

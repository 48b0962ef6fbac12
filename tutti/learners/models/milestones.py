"""Progression milestones on a learner's timeline: exams, ensemble levels, performances, awards, pathways."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from tutti.accounts.tenancy import HubScopedQuerySet


class MilestoneQuerySet(HubScopedQuerySet["Milestone"]):
    pass


class Milestone(models.Model):
    """One step in a learner's musical progression, dated, with the details its kind needs.

    A graded exam has a board, an instrument, a grade (1 to 8) and a result; an ensemble level change
    has the level reached; a pathway step names the pathway. Constraints keep each kind complete.
    """

    class Kind(models.TextChoices):
        GRADED_EXAM = "graded_exam", "Graded exam"
        ENSEMBLE_LEVEL = "ensemble_level", "Ensemble level change"
        PERFORMANCE = "performance", "Performance"
        AWARD = "award", "Award"
        PATHWAY = "pathway", "Pathway step"

    class ExamBoard(models.TextChoices):
        ABRSM = "abrsm", "ABRSM"
        TRINITY = "trinity", "Trinity College London"
        LCM = "lcm", "LCM (University of West London)"
        RSL = "rsl", "RSL Awards (Rockschool)"
        MTB = "mtb", "MTB"
        OTHER = "other", "Another board"

    class Result(models.TextChoices):
        DISTINCTION = "distinction", "Distinction"
        MERIT = "merit", "Merit"
        PASS = "pass", "Pass"
        NOT_PASSED = "not_passed", "Not passed"

    class EnsembleLevel(models.TextChoices):
        BEGINNER = "beginner", "Beginner"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"
        COUNTY = "county", "County or area"

    class Pathway(models.TextChoices):
        JUNIOR_CONSERVATOIRE = "junior_conservatoire", "Junior conservatoire"
        NATIONAL_YOUTH_ENSEMBLE = "national_youth_ensemble", "National youth ensemble"
        MUSIC_COLLEGE = "music_college", "Music college or conservatoire"
        APPRENTICESHIP = "apprenticeship", "Apprenticeship"
        EMPLOYMENT = "employment", "Employment in music"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="milestones")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    achieved_on = models.DateField()
    title = models.CharField(
        max_length=200, blank=True, help_text="What it was: the concert, the award, the ensemble or the place."
    )
    exam_board = models.CharField(max_length=10, choices=ExamBoard.choices, blank=True)
    instrument = models.CharField(max_length=100, blank=True)
    grade = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    result = models.CharField(max_length=20, choices=Result.choices, blank=True)
    ensemble_level = models.CharField(max_length=20, choices=EnsembleLevel.choices, blank=True)
    pathway = models.CharField(max_length=30, choices=Pathway.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["-achieved_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="graded_exam")
                | (~Q(exam_board="") & ~Q(instrument="") & Q(grade__gte=1, grade__lte=8) & ~Q(result="")),
                name="milestone_exam_has_board_instrument_grade_result",
            ),
            models.CheckConstraint(
                condition=~Q(kind="ensemble_level") | ~Q(ensemble_level=""),
                name="milestone_ensemble_change_has_level",
            ),
            models.CheckConstraint(
                condition=~Q(kind="pathway") | ~Q(pathway=""), name="milestone_pathway_step_names_pathway"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.achieved_on:%d/%m/%Y}"

    @property
    def summary(self) -> str:
        """One line a person reads on the timeline."""
        if self.kind == self.Kind.GRADED_EXAM:
            return f"{self.get_exam_board_display()} {self.instrument} grade {self.grade}: {self.get_result_display()}"
        if self.kind == self.Kind.ENSEMBLE_LEVEL:
            return f"Moved to {self.get_ensemble_level_display().lower()} level" + (
                f": {self.title}" if self.title else ""
            )
        if self.kind == self.Kind.PATHWAY:
            return self.get_pathway_display() + (f": {self.title}" if self.title else "")
        return self.title or self.get_kind_display()

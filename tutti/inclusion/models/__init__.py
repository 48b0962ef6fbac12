"""Fee remission: each year's scheme and its rules, families' applications and evidence, and awards."""

from tutti.inclusion.models.applications import EvidenceFile, RemissionApplication, RemissionAward
from tutti.inclusion.models.schemes import LASTING_CRITERIA, Criterion, RemissionRule, RemissionScheme

__all__ = [
    "LASTING_CRITERIA",
    "Criterion",
    "EvidenceFile",
    "RemissionApplication",
    "RemissionAward",
    "RemissionRule",
    "RemissionScheme",
]

"""Learners: children and young people, their guardians and consents, and their progression milestones."""

from tutti.learners.models.choices import Answer, Ethnicity, Gender, LookedAfter, Send, YearGroup
from tutti.learners.models.family import Consent, ConsentIsAppendOnly, Guardian
from tutti.learners.models.learner import POSTCODE_DISTRICT, Learner, ReferenceSeries
from tutti.learners.models.milestones import Milestone

__all__ = [
    "POSTCODE_DISTRICT",
    "Answer",
    "Consent",
    "ConsentIsAppendOnly",
    "Ethnicity",
    "Gender",
    "Guardian",
    "Learner",
    "LookedAfter",
    "Milestone",
    "ReferenceSeries",
    "Send",
    "YearGroup",
]

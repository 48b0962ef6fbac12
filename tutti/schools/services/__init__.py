"""Writes of the Schools function. Each is keyword-only and atomic; a hub's records are audited."""

from tutti.schools.services.engagement import engagement_record
from tutti.schools.services.register import (
    RegisterImportResult,
    school_register_import,
    school_register_import_file,
    school_register_import_for_hub,
)
from tutti.schools.services.survey import NewSurveyLink, survey_answer, survey_link_create

__all__ = [
    "NewSurveyLink",
    "RegisterImportResult",
    "engagement_record",
    "school_register_import",
    "school_register_import_file",
    "school_register_import_for_hub",
    "survey_answer",
    "survey_link_create",
]

"""Writes of the Schools function. Each is keyword-only, atomic and, for a hub's records, audited."""

from tutti.schools.services.register import (
    RegisterImportResult,
    school_register_import,
    school_register_import_file,
)

__all__ = [
    "RegisterImportResult",
    "school_register_import",
    "school_register_import_file",
]

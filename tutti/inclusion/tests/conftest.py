"""Evidence goes to a temporary private folder in every inclusion test, never the tree's var/."""

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def evidence_root(tmp_path: Path, settings: Any) -> Path:
    root = tmp_path / "evidence"
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root

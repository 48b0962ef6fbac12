import pytest


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path) -> None:
    """Photos and documents go to a folder of the test's own, never the demo's var/media."""
    settings.MEDIA_ROOT = tmp_path

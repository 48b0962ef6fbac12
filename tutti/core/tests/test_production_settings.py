"""The production defaults are safe: Django's deployment check passes with no warning."""

import os
import subprocess
import sys

from django.conf import settings

# What the test run sets for itself (the browser tests allow the ORM beside Playwright's event loop).
TEST_ONLY_VARIABLES = {"DEBUG", "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in TEST_ONLY_VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "tutti.settings"
    env["TUTTI_ENV_FILE"] = os.devnull  # a production machine has no demo settings file, even where make demo ran
    return env


def test_deploy_check_passes_with_production_settings():
    env = production_environment()
    env.update(
        SECRET_KEY="x7-production-like-key-for-the-deploy-check-" + "q9w8e7r6t5y4u3i2o1p0" * 2,
        ALLOWED_HOSTS="tutti.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = production_environment()
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr

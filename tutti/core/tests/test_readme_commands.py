"""Every `.venv/bin/python …` line the README prints runs as printed: on the demo's machine (with the
settings file `make demo` writes) and, for the production block, with the environment it sets.

The lines that start servers (`make demo`, gunicorn) and `make test` itself are what this suite runs in.
"""

import os
import subprocess
from pathlib import Path

from django.conf import settings

README = Path(settings.BASE_DIR) / "README.md"
PRODUCTION = "Running in production (PostgreSQL)"


def readme_commands() -> list[tuple[str, str]]:
    """(section heading, command line) for each line of the README's sh blocks calling the project's Python."""
    section, in_block, found = "", False, []
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line.removeprefix("## ")
        elif line.startswith("```"):
            in_block = not in_block and line.strip() == "```sh"
        elif in_block and line.startswith(".venv/bin/python"):
            found.append((section, line))
    return found


def run(command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - the README's own lines, run as a reader would paste them
        ["/bin/sh", "-c", command], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )


def clean_environment(tmp_path: Path, *, name: str) -> dict[str, str]:
    """This machine's environment without the test run's settings, on a database of the test's own."""
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / name}.sqlite3"
    env["TUTTI_ENV_FILE"] = str(tmp_path / f"{name}.env")
    return env


def assert_ran(command: str, result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, f"{command!r} failed as printed:\n{result.stdout}\n{result.stderr}"


def test_the_readme_prints_commands_in_each_section_this_test_reads() -> None:
    sections = {section for section, _ in readme_commands()}
    assert {"Demo sign-ins", "Loading data", PRODUCTION} <= sections


def test_each_command_the_readme_prints_runs_as_printed_on_the_demo_machine(tmp_path: Path) -> None:
    env = clean_environment(tmp_path, name="demo")
    # What `make demo` writes before it migrates (the Makefile's recipe, in Python).
    Path(env["TUTTI_ENV_FILE"]).write_text("DEBUG=1\nSECRET_KEY=readme-test-key\n", encoding="utf-8")
    assert_ran("migrate", run(".venv/bin/python manage.py migrate --no-input", env))
    commands = [command for section, command in readme_commands() if section != PRODUCTION]
    for _ in range(2):  # and again: a second run of each changes nothing, and fails on nothing
        for command in commands:
            assert_ran(command, run(command, env))


def test_the_production_commands_run_as_printed_with_the_environment_they_set(tmp_path: Path) -> None:
    env = clean_environment(tmp_path, name="production")  # no demo settings file: production never has one
    env.update(SECRET_KEY="readme-test-key", ALLOWED_HOSTS="tutti.example", STATIC_ROOT=str(tmp_path / "static"))
    for section, command in readme_commands():
        if section == PRODUCTION:
            assert_ran(command, run(command, env))
    assert (tmp_path / "static" / "staticfiles.json").is_file()


def test_without_the_demo_settings_file_the_commands_say_what_is_missing(tmp_path: Path) -> None:
    env = clean_environment(tmp_path, name="bare")
    result = run(".venv/bin/python manage.py check", env)
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment (DEBUG is off)" in result.stderr

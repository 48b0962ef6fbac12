#!/usr/bin/env python
"""Django's command-line utility for Tutti."""

import os
import sys
from pathlib import Path

# `make demo` writes the demo machine's settings here (DEBUG on, a generated key), so that the commands the
# README prints run as printed there. Production sets its environment itself and never has this file.
DEMO_ENV_FILE = Path(__file__).resolve().parent / "var" / "demo.env"


def read_env_file(path: Path) -> None:
    """NAME=value lines become environment defaults; the real environment always wins."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        name, equals, value = line.partition("=")
        if equals and not name.lstrip().startswith("#"):
            os.environ.setdefault(name.strip(), value.strip())


def main() -> None:
    read_env_file(Path(os.environ.get("TUTTI_ENV_FILE", DEMO_ENV_FILE)))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tutti.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

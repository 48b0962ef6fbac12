"""manage.py import_gias FILE [--full]: DfE's Get Information About Schools establishment extract."""

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tutti.network.importing.problems import ImportRejectedError
from tutti.network.importing.tabular import UnreadableFileError
from tutti.network.management.commands.import_hub_allocations import rejection_message
from tutti.schools.services import school_register_import_file


class Command(BaseCommand):
    help = (
        "Import the GIAS establishment extract (edubasealldata*.csv, Windows-1252) into the national schools "
        "register. Every row is checked first; nothing is written if any is wrong. Running it again changes nothing."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="the .csv extract as downloaded from GIAS")
        parser.add_argument(
            "--full",
            action="store_true",
            help="the file is the whole national extract: open schools missing from it are marked closed",
        )

    def handle(self, *args: Any, file: Path, full: bool, **options: Any) -> None:
        try:
            result = school_register_import_file(path=file, full_extract=full)
        except UnreadableFileError as error:
            raise CommandError(str(error)) from None
        except ImportRejectedError as error:
            raise CommandError(rejection_message(file, error)) from None
        self.stdout.write(f"Imported {file.name}.")
        for line in result.report_lines():
            self.stdout.write(line)

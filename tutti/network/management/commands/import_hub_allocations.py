"""manage.py import_hub_allocations FILE [--year 2024/25]: ACE's hub areas and funding allocations."""

import argparse
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tutti.core import academic_year as academic_years
from tutti.network.importing.problems import ImportRejectedError
from tutti.network.importing.tabular import UnreadableFileError
from tutti.network.services import hub_allocations_import_file


def academic_year_argument(text: str) -> int:
    try:
        return academic_years.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def rejection_message(path: Path, error: ImportRejectedError) -> str:
    """Every problem, one per line, so a person can fix the whole file in one pass."""
    count = len(error.problems)
    heading = f"{path.name}: nothing was imported, {count} problem{'s' if count != 1 else ''} to fix:"
    return "\n".join([heading, *(f"  {problem}" for problem in error.problems)])


class Command(BaseCommand):
    help = (
        "Import Arts Council England's spreadsheet of Music Hub areas, lead organisations, local authorities "
        "and funding allocations (XLSX or CSV). Every row is checked first; nothing is written if any is wrong."
    )

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="the .xlsx or .csv file")
        parser.add_argument(
            "--year",
            type=academic_year_argument,
            help="the academic year of the allocations, e.g. 2024/25 "
            "(otherwise read from a header such as 'Revenue 2024/25')",
        )

    def handle(self, *args: Any, file: Path, year: int | None, **options: Any) -> None:
        try:
            result = hub_allocations_import_file(path=file, academic_year=year)
        except UnreadableFileError as error:
            raise CommandError(str(error)) from None
        except ImportRejectedError as error:
            raise CommandError(rejection_message(file, error)) from None
        self.stdout.write(f"Imported {file.name} for {academic_years.label(result.academic_year)}.")
        for line in result.report_lines():
            self.stdout.write(line)

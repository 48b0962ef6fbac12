"""manage.py load_network_seed: England's regions, local authorities, boundaries and the 2024 hub areas."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tutti.network.importing.problems import ImportRejectedError
from tutti.network.importing.tabular import UnreadableFileError
from tutti.network.management.commands.import_hub_allocations import rejection_message
from tutti.network.services import network_seed_load


class Command(BaseCommand):
    help = (
        "Load the seed data shipped in NETWORK_SEED_DIR (see its README for sources and licences): ONS regions "
        "and upper-tier local authorities with boundaries, then the 43 hub areas with 2024/25 funding. "
        "Safe to run again: unchanged data is not rewritten."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        seed_dir = Path(settings.NETWORK_SEED_DIR)
        try:
            authorities, hubs = network_seed_load(seed_dir=seed_dir)
        except (UnreadableFileError, OSError) as error:
            raise CommandError(str(error)) from None
        except ImportRejectedError as error:
            raise CommandError(rejection_message(seed_dir, error)) from None
        for line in [*authorities.report_lines(), *hubs.report_lines()]:
            self.stdout.write(line)

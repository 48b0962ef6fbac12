"""Load the postcode district centres shipped in tutti/opportunities/seed/ (see its README for the source)."""

import csv
from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "seed" / "postcode_district_centroids.csv"


def load(apps, schema_editor):
    district = apps.get_model("opportunities", "PostcodeDistrict")
    with SEED.open(newline="", encoding="utf-8") as rows:
        district.objects.bulk_create(
            [
                district(district=row["district"], latitude=float(row["lat"]), longitude=float(row["lon"]))
                for row in csv.DictReader(rows)
            ],
            ignore_conflicts=True,
        )


def unload(apps, schema_editor):
    apps.get_model("opportunities", "PostcodeDistrict").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]

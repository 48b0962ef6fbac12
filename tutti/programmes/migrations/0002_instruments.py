"""The reference list of instruments (and voice) that tutors teach and activities are for."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

INSTRUMENTS = {
    "strings": ["Violin", "Viola", "Cello", "Double bass", "Harp"],
    "woodwind": ["Recorder", "Flute", "Clarinet", "Oboe", "Bassoon", "Saxophone", "Fife"],
    "brass": ["Trumpet", "Cornet", "Horn", "Trombone", "Baritone", "Euphonium", "Tuba", "pBuzz"],
    "percussion": ["Drum kit", "Orchestral percussion", "Samba", "Djembe", "Steel pans"],
    "keyboard": ["Piano", "Keyboard", "Organ"],
    "guitar": ["Classical guitar", "Electric guitar", "Bass guitar", "Ukulele"],
    "voice": ["Voice"],
    "technology": ["Music technology", "Adaptive instrument"],
}


def add_instruments(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    instrument = apps.get_model("programmes", "Instrument")
    for family, names in INSTRUMENTS.items():
        for name in names:
            instrument.objects.get_or_create(name=name, defaults={"family": family})


def remove_instruments(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    names = [name for names in INSTRUMENTS.values() for name in names]
    apps.get_model("programmes", "Instrument").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(add_instruments, remove_instruments)]

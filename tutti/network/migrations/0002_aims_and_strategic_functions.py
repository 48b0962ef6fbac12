"""Reference data every later module links to: the NPME's three aims and the hubs' five strategic functions."""

from django.db import migrations

AIMS = [
    (1, "Support schools and other education settings to deliver high-quality music education."),
    (2, "Support young people to develop their musical interests and talent further, including into employment."),
    (3, "Support all children and young people to engage with a range of musical opportunities in and out of school."),
]

FUNCTIONS = [
    (
        "partnerships",
        "Partnerships",
        "Build local infrastructure with schools, early years, community and youth music organisations and "
        "industry, and capture the offer in the Local Plan for Music Education.",
    ),
    (
        "schools",
        "Schools",
        "Support every state-funded school: curriculum support, specialist tuition, instruments, ensembles "
        "and progression routes.",
    ),
    (
        "progression",
        "Progression and musical development",
        "Routes into advanced, national and specialist opportunities, higher education and employment.",
    ),
    (
        "inclusion",
        "Inclusion",
        "Every child can take part whatever their circumstances, background, location or special "
        "educational needs and disabilities.",
    ),
    (
        "sustainability",
        "Sustainability",
        "A trained workforce, DfE funding used to lever other income, published plans and impact data, "
        "and environmental responsibility.",
    ),
]


def create(apps, schema_editor):
    Aim = apps.get_model("network", "Aim")
    StrategicFunction = apps.get_model("network", "StrategicFunction")
    for number, summary in AIMS:
        Aim.objects.update_or_create(number=number, defaults={"summary": summary})
    for position, (slug, name, summary) in enumerate(FUNCTIONS, start=1):
        StrategicFunction.objects.update_or_create(
            slug=slug, defaults={"name": name, "summary": summary, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]

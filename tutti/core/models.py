"""What the whole project shares in the database: the record that a demo part was loaded."""

from django.db import models


class DemoLoad(models.Model):
    """One part of the invented demo (``teaching``, ``partners``…) loaded into one hub, by slug.

    A second run of a demo command asks this table, not the data it loaded: people change, rename,
    archive and import around the demo in between, so no loaded row is a stable sign that it ran.
    """

    part = models.CharField(max_length=40)
    hub_slug = models.SlugField(max_length=100)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["part", "hub_slug"]
        constraints = [models.UniqueConstraint(fields=["part", "hub_slug"], name="demo_load_once_per_part_and_hub")]

    def __str__(self) -> str:
        return f"{self.part} demo in {self.hub_slug}"

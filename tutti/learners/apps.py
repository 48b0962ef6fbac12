from django.apps import AppConfig


class LearnersConfig(AppConfig):
    """Children and young people (minimal personal data), their guardians and consents, and their progression."""

    name = "tutti.learners"

"""The one refusal every finance service raises: its message says what is wrong, in words a person reads."""


class FinanceRefused(ValueError):
    """The change cannot be made; nothing has been written. `field` names the form field it is about."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

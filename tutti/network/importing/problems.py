"""What an import found wrong (or worth a second look), row by row."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One reason a row (or the header, line 1) cannot be imported, with the spreadsheet line it is on."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ImportRejectedError(Exception):
    """Raised by an import service when its rows are not valid; nothing has been written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))

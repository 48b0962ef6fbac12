"""Reading a list page as a person would: its filter controls, its rows' links and its page links."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

BARE_DASHES = "---------"


@dataclass
class Control:
    """One control of a form: the tag (select or input), its type, and a select's option labels."""

    tag: str
    type: str = ""
    options: list[str] = field(default_factory=list)


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.controls: dict[str, Control] = {}
        self.links: list[tuple[str, str]] = []
        self._select: Control | None = None
        self._option: list[str] | None = None
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "select":
            self._select = self.controls.setdefault(found.get("name", ""), Control("select"))
        elif tag == "option":
            self._option = []
        elif tag in {"input", "textarea"} and found.get("type") not in {"hidden", "submit"}:
            self.controls[found.get("name", "")] = Control(tag, found.get("type", "text"))
        elif tag == "a":
            self._link = (found.get("href", ""), [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "option" and self._select is not None and self._option is not None:
            self._select.options.append(" ".join("".join(self._option).split()))
            self._option = None
        elif tag == "select":
            self._select = None
        elif tag == "a" and self._link is not None:
            self.links.append((" ".join("".join(self._link[1]).split()), self._link[0]))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option.append(data)
        if self._link is not None:
            self._link[1].append(data)


def form_controls(html: str) -> dict[str, Control]:
    """Every named control on the page, by name."""
    reader = _FormReader()
    reader.feed(html)
    return reader.controls


def links(html: str) -> dict[str, str]:
    """Every link on the page, by its text (the last one wins when two share a text)."""
    reader = _FormReader()
    reader.feed(html)
    return dict(reader.links)


def assert_filter_controls(html: str, *, selects: dict[str, str], text: tuple[str, ...] = ()) -> None:
    """Each named filter is a select starting with the plain first choice given, offering no choice twice,
    and each text filter is a text box."""
    controls = form_controls(html)
    for name, first in selects.items():
        control = controls.get(name)
        assert control is not None, f"no {name!r} filter on the page"
        assert control.tag == "select", f"the {name!r} filter is a {control.tag} {control.type}, not a select"
        assert control.options[0] == first, f"the {name!r} filter starts with {control.options[0]!r}, not {first!r}"
        assert BARE_DASHES not in control.options, f"the {name!r} filter offers {BARE_DASHES!r}"
        repeated = {option for option in control.options if control.options.count(option) > 1}
        assert not repeated, f"the {name!r} filter offers {sorted(repeated)} more than once"
    for name in text:
        control = controls.get(name)
        assert control is not None, f"no {name!r} filter on the page"
        assert control.tag == "input", f"the {name!r} filter is a {control.tag}, not a text box"
        assert control.type in {"text", "search"}, f"the {name!r} filter is an input of type {control.type!r}"

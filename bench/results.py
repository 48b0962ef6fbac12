"""bench/RESULTS.md holds one section per benchmark; each run replaces its own section and keeps the rest."""

from pathlib import Path


def write_section(path: Path, heading: str, section: str) -> None:
    """Replace the section that starts with `heading` (a `# ` line) with `section`, or add it at the end."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(heading + "\n")
    if start == -1:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + section
    else:
        following = text.find("\n# ", start + len(heading))
        rest = text[following + 1 :] if following != -1 else ""
        text = text[:start] + section + ("\n" + rest if rest else "")
    path.write_text(text, encoding="utf-8")

"""Browser tests: Debian's Chromium driven by Playwright, with axe-core from npm injected into each page.

Every page a browser test opens goes through `open_page`, which checks the title, runs axe-core at
WCAG 2.2 AA and fails on any error in the browser's console (a script that broke, or something the
Content Security Policy blocked), so no page is looked at without being checked.
"""

import json
import shutil
from pathlib import Path

from django.conf import settings
from playwright.sync_api import ConsoleMessage, Page

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def axe_violations(page: Page) -> list[dict]:
    # Evaluated through the DevTools protocol, not a <script> tag: our CSP rightly blocks inline scripts.
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return result["violations"]


def console_errors(page: Page) -> list[str]:
    """The errors the page's console has shown so far; the first call starts listening."""
    listening: list[str] | None = getattr(page, "_tutti_console_errors", None)
    if listening is not None:
        return listening
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # A page a test opens on purpose for its 404 or 400 is logged as a failed "resource" at its own
        # address; the test checks that status itself. Any other failed load (a style sheet, a script) counts.
        if message.type != "error":
            return
        opened_page_status = message.text.startswith("Failed to load resource") and message.location["url"] == page.url
        if not opened_page_status:
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    setattr(page, "_tutti_console_errors", errors)  # noqa: B010 - Playwright's Page has no attribute for it
    return errors


def assert_no_console_errors(page: Page) -> None:
    errors = console_errors(page)
    assert not errors, f"the browser's console showed errors on {page.url}:\n" + "\n".join(errors)


def assert_accessible(page: Page) -> None:
    assert_no_console_errors(page)
    violations = axe_violations(page)
    summary = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
    ]
    assert not violations, f"axe-core found WCAG 2.2 AA violations on {page.url}:\n{json.dumps(summary, indent=2)}"


def open_page(page: Page, url: str, *, title_contains: str) -> Page:
    console_errors(page)
    response = page.goto(url)
    assert response is not None, f"{url} gave no response"
    assert response.ok, f"{url} answered {response.status}"
    assert title_contains in page.title(), f"{url} has title {page.title()!r}"
    assert_accessible(page)
    return page

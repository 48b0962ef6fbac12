"""One way for every list page to show a page of its rows, the total, and links that keep its filters.

A list view hands its rows (a filter set's queryset, or a list already built) to ``list_page``; the
template shows ``listing.rows``, the total, ``core/lists/pagination.html`` and ``core/lists/empty.html``.
Counting and slicing a queryset are two queries however many rows there are, so a list's query count
stays fixed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50
# Query-string keys that choose how a list is shown, not which rows it holds.
NOT_FILTERS = frozenset({"page", "sort"})
# Page numbers shown either side of the current one before the rest collapse to an ellipsis.
NEIGHBOURS = 2


@dataclass(frozen=True)
class PageLink:
    """One item of the GOV.UK pagination list: a page number and its address, or an ellipsis (number None)."""

    number: int | None
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class ListPage:
    """A page of a list's rows, with what its template needs to link to the other pages."""

    page: Page
    rows: list[Any]  # the page's rows, fetched once: the view and the template may both read them
    query: str  # the query string without the page number: filters and sort, for page and download links
    filtering: bool  # whether any filter is set, so an empty list can say "none match" or "none yet"

    @property
    def total(self) -> int:
        return self.page.paginator.count

    def href(self, number: int) -> str:
        return f"?{self.query}&page={number}" if self.query else f"?page={number}"

    @property
    def previous_href(self) -> str:
        return self.href(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_href(self) -> str:
        return self.href(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def links(self) -> list[PageLink]:
        """The first and last pages, the current page and its neighbours, with ellipses for the gaps."""
        current, last = self.page.number, self.page.paginator.num_pages
        wanted = {1, last, *range(current - NEIGHBOURS, current + NEIGHBOURS + 1)}
        links: list[PageLink] = []
        for number in sorted(n for n in wanted if 1 <= n <= last):
            if links and links[-1].number is not None and number - links[-1].number > 1:
                links.append(PageLink(number=None))
            links.append(PageLink(number=number, href=self.href(number), current=number == current))
        return links


def list_page(request: HttpRequest, rows: "QuerySet[Any] | Sequence[Any]", *, per_page: int = PAGE_SIZE) -> ListPage:
    """The page of ``rows`` the query string asks for (``?page=``); a page past the end shows the last one."""
    page = Paginator(rows, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    filtering = any(value for key, values in query.lists() if key not in NOT_FILTERS for value in values)
    return ListPage(page=page, rows=list(page.object_list), query=query.urlencode(), filtering=filtering)

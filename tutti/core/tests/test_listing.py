from django.test import RequestFactory

from tutti.core.listing import list_page

ROWS = list(range(1, 501))  # 500 rows: ten pages of 50


def _listing(query: str):
    return list_page(RequestFactory().get(f"/list/?{query}"), ROWS)


def test_a_page_holds_fifty_rows_and_knows_the_total() -> None:
    listing = _listing("page=2")

    assert list(listing.rows) == list(range(51, 101))
    assert listing.total == 500


def test_page_links_keep_the_filters_and_the_sort_but_not_the_page() -> None:
    listing = _listing("status=active&sort=-name&page=3")

    assert listing.query == "status=active&sort=-name"
    assert listing.next_href == "?status=active&sort=-name&page=4"
    assert listing.previous_href == "?status=active&sort=-name&page=2"


def test_page_links_show_the_ends_and_the_neighbours_with_ellipses_between() -> None:
    numbers = [link.number for link in _listing("page=5").links]

    assert numbers == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert [link.current for link in _listing("page=5").links if link.number == 5] == [True]


def test_the_first_page_has_no_previous_link_and_the_last_no_next() -> None:
    assert _listing("").previous_href == ""
    assert _listing("page=10").next_href == ""


def test_a_page_past_the_end_or_not_a_number_shows_a_real_page() -> None:
    assert _listing("page=99").page.number == 10
    assert _listing("page=abc").page.number == 1


def test_only_a_filter_with_a_value_counts_as_filtering() -> None:
    assert not _listing("").filtering
    assert not _listing("sort=-name&page=2").filtering
    assert not _listing("status=&q=").filtering
    assert _listing("status=active").filtering

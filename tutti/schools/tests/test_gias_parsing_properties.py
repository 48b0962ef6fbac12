"""Property-based tests of the GIAS parser: what goes into a Windows-1252 extract comes back out, and any
bad cell is reported on its own line. No database: the parser only reads."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tutti.network.importing.problems import ImportRejectedError
from tutti.schools.gias import parsing
from tutti.schools.gias.parsing import AuthorityLookup
from tutti.schools.gias.reading import decode_extract, parse_csv_text
from tutti.schools.tests.gias_files import csv_text, school_row

AUTHORITIES = AuthorityLookup(by_ons_code={"E08000009": 1}, by_dfe_code={358: 1})
TODAY = datetime.date(2025, 1, 1)

# Names as GIAS could hold them: any Windows-1252 text, with commas, quotes and accents, never blank.
cp1252_text = st.text(
    alphabet=st.characters(codec="cp1252", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60
).filter(lambda text: text.strip() == text and text != "")
days = st.dates(min_value=datetime.date(1850, 1, 1), max_value=datetime.date(2024, 12, 31))
percentages = st.decimals(min_value=0, max_value=100, places=1)


def parse(text: str) -> list[parsing.SchoolRecord]:
    table = parse_csv_text(decode_extract(text.encode("cp1252"), name="extract.csv"), name="extract.csv")
    return parsing.parse_extract(table, authorities=AUTHORITIES, today=TODAY)


@settings(max_examples=60, deadline=None)
@given(
    urns=st.lists(st.integers(min_value=100_000, max_value=999_999), min_size=1, max_size=8, unique=True),
    name=cp1252_text,
    opened=days,
    fsm=percentages,
)
def test_a_written_extract_reads_back_the_same(urns: list[int], name: str, opened: datetime.date, fsm: Decimal) -> None:
    rows = [
        school_row(urn, **{parsing.NAME: name, parsing.OPEN_DATE: opened.strftime("%d-%m-%Y"), parsing.FSM: str(fsm)})
        for urn in urns
    ]
    records = parse(csv_text(rows))

    assert [record.urn for record in records] == urns
    assert [record.line for record in records] == list(range(2, len(urns) + 2))
    for record in records:
        assert record.fields["name"] == name
        assert record.fields["opened_on"] == opened
        assert record.fields["percent_fsm"] == fsm
        assert record.fields["local_authority_id"] == 1


@settings(max_examples=60, deadline=None)
@given(
    bad_date=st.text(alphabet="0123456789-/. ", min_size=1, max_size=12).filter(
        lambda text: _not_a_gias_date(text.strip())
    ),
    position=st.integers(min_value=0, max_value=4),
)
def test_a_bad_date_is_reported_on_its_own_line(bad_date: str, position: int) -> None:
    rows = [school_row(urn) for urn in range(1, 6)]
    rows[position][parsing.CLOSE_DATE] = bad_date

    with pytest.raises(ImportRejectedError) as caught:
        parse(csv_text(rows))

    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (position + 2, parsing.CLOSE_DATE)


def _not_a_gias_date(text: str) -> bool:
    if text == "":
        return False
    try:
        datetime.datetime.strptime(text, "%d-%m-%Y")
    except ValueError:
        return True
    return False


@settings(max_examples=40, deadline=None)
@given(
    count=st.integers(min_value=2, max_value=10),
    data=st.data(),
)
def test_a_repeated_urn_names_both_lines(count: int, data: st.DataObject) -> None:
    first = data.draw(st.integers(min_value=0, max_value=count - 2))
    second = data.draw(st.integers(min_value=first + 1, max_value=count - 1))
    rows = [school_row(urn) for urn in range(1, count + 1)]
    rows[second][parsing.URN] = rows[first][parsing.URN]

    with pytest.raises(ImportRejectedError) as caught:
        parse(csv_text(rows))

    assert [str(problem) for problem in caught.value.problems] == [
        f"line {second + 2}, URN: URN {first + 1} is also on line {first + 2}"
    ]


@settings(max_examples=60, deadline=None)
@given(name=cp1252_text)
def test_a_utf8_copy_with_its_byte_order_mark_reads_as_the_windows_1252_original(name: str) -> None:
    text = csv_text([school_row(100_001, **{parsing.NAME: name})])
    original = decode_extract(text.encode("cp1252"), name="a.csv")
    resaved = decode_extract(text.encode("utf-8-sig"), name="b.csv")
    assert original == resaved

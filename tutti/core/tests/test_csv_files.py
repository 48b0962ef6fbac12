import codecs

from tutti.core.csv_files import csv_text


def test_a_csv_starts_with_the_utf8_byte_order_mark_so_excel_reads_pounds_as_pounds() -> None:
    data = csv_text(["Fee"], [["£12"]]).encode("utf-8")

    assert data.startswith(codecs.BOM_UTF8)
    assert data == codecs.BOM_UTF8 + "Fee\r\n£12\r\n".encode()


def test_a_missing_value_is_a_blank_cell_not_the_word_none() -> None:
    assert csv_text(["Revenue", "Capital"], [[None, 5]]).removeprefix("\ufeff") == "Revenue,Capital\r\n,5\r\n"

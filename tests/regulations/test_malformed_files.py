"""A malformed rule file — ours or a province's — fails when it loads, naming the file and
the place (version, row, field) and what was expected; never a bare KeyError/TypeError."""

# ruff: noqa: E501  (one malformed file per line reads best as a table)

from __future__ import annotations

from pathlib import Path

import pytest

from vn_skt.errors import InvalidValue
from vn_skt.regulations import Registry, load_table

GOOD_VERSION = """
[[versions]]
effective_from = 2025-01-01
source = "Quyết định số 01/QĐ-UBND"
status = "U"
rows = { monthly = { amount = 2_000_000 } }
"""
HEAD = 'name = "base_salary"\nrow_type = "vn_skt.regulations.rows:BaseSalary"\n'

MALFORMED = {
    "no name": ('row_type = "vn_skt.regulations.rows:BaseSalary"\n' + GOOD_VERSION, "'name'"),
    "name not text": ("name = 5\n" + GOOD_VERSION, "field 'name' is 5"),
    "old columns list": (HEAD + "[columns]\namount = 'int'\n" + GOOD_VERSION, "[columns]"),
    "row type without a class": ('name = "t"\nrow_type = "vn_skt.regulations.rows"\n', "module:Class"),
    "row type not importable": ('name = "t"\nrow_type = "no_such_pkg.mod:Row"\n', "cannot be imported"),
    "row type not a class": ('name = "t"\nrow_type = "vn_skt.regulations:lookup"\n', "not a class"),
    "row type not attrs": ('name = "t"\nrow_type = "datetime:date"\n', "not an attrs class"),
    "no row type": ('name = "t"\n' + GOOD_VERSION, "no row_type"),
    "versions not a list": (HEAD + "versions = 3\n", "field 'versions' is 3"),
    "version not a table": (HEAD + "versions = [3]\n", "version #1: expected a table"),
    "unknown version field": (HEAD + GOOD_VERSION + "colour = 'red'\n", "unknown field(s) ['colour']"),
    "missing source": (HEAD + GOOD_VERSION.replace('source = "Quyết định số 01/QĐ-UBND"\n', ""), "'source' is missing"),
    "bad status": (HEAD + GOOD_VERSION.replace('"U"', '"maybe"'), "status 'maybe'"),
    "rows not a table": (HEAD + GOOD_VERSION.replace("rows = { monthly = { amount = 2_000_000 } }", "rows = 5"), "rows must map"),
    "patch not a bool": (HEAD + GOOD_VERSION + "patch = 'yes'\n", "patch is 'yes'"),
    "date not a date": (HEAD + GOOD_VERSION.replace("2025-01-01", '"01/01/2025"'), "expected YYYY-MM-DD"),
    "end before start": (HEAD + GOOD_VERSION + "effective_to = 2024-12-31\n", "is before"),
    "amount as text": (HEAD + GOOD_VERSION.replace("2_000_000", '"2 triệu"'), "row 'monthly', field 'amount'"),
    "amount as float": (HEAD + GOOD_VERSION.replace("2_000_000", "2.5e6"), "(float); expected a whole number"),
    "unknown column": (HEAD + GOOD_VERSION.replace("amount = 2_000_000", "amount = 1, bonus = 2"), "unknown column(s) ['bonus']"),
    "missing column": (HEAD + GOOD_VERSION.replace("amount = 2_000_000", ""), "required field 'amount' is missing"),
    "overlapping versions": (HEAD + GOOD_VERSION + "effective_to = 2025-12-31\n" + GOOD_VERSION.replace("2025-01-01", "2025-06-01"), "overlap"),
    "not TOML": ("name = [", "not valid TOML"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MALFORMED.values(), ids=list(MALFORMED))
def test_a_malformed_file_names_the_file_and_the_place(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "quy-dinh-tinh.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidValue) as caught:
        load_table(path)
    message = str(caught.value)
    assert message.startswith(str(path)), message
    assert expected in message, message


def test_a_provinces_file_for_a_shipped_table_is_checked_against_its_row_type(
    tmp_path: Path,
) -> None:
    path = tmp_path / "chi-hoi-dong.toml"
    path.write_text(
        'name = "council_fees"\n[[versions]]\neffective_from = 2026-01-01\nsource = "NQ 05"\n'
        'status = "U"\nrows = { ACCEPTANCE = { chair = 1_500_000, member = "1,2 triệu", '
        "written_review = 800_000 } }\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidValue, match=r"row 'ACCEPTANCE', field 'member': '1,2 triệu'"):
        Registry().register_file(path)


def test_a_file_naming_another_row_type_for_a_shipped_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sai-kieu.toml"
    path.write_text(
        'name = "base_salary"\nrow_type = "vn_skt.regulations.rows:CouncilFee"\n' + GOOD_VERSION,
        encoding="utf-8",
    )
    with pytest.raises(InvalidValue, match="differs from this table's"):
        Registry().register_file(path)

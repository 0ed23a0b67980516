"""A user's own file changes the answer: one row (a TOML patch version) or a whole
version (their CSV); malformed files fail at load naming the file, the row and the field."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from vn_skt.errors import InvalidValue
from vn_skt.metrology import (
    Instrument,
    Verification,
    due_dates,
    instrument_type,
    load_group2_csv,
    render_list,
    valid_until,
)
from vn_skt.regulations import Status, register_file, register_version

SHIPPED = Path(__file__).resolve().parents[2] / "src/vn_skt/regulations/data/metrology"
HEADER = "item_no,name_vi,measuring_range_or_condition,cycle_months,controls,source,status\n"
VERIFIED = date(2026, 5, 20)

PATCH = """\
name = "metrology_group2"

[[versions]]
effective_from = 2026-04-15
source = "Quyết định số 12/QĐ-SKHCN (bản ký TT 04/2026, Sở đối chiếu)"
status = "V"
patch = true

[versions.rows."Cân ô tô"]
item = 10
name = "Cân ô tô"
cycle_months = 12
controls = ["pattern_approval", "initial", "periodic", "after_repair"]
status = "V"
"""


def truck() -> Instrument:
    return Instrument(
        serial="CÔ-1",
        type="Cân ô tô",
        verifications=[Verification(verified_on=VERIFIED, passed=True)],
    )


def test_shipped_2026_list_gives_the_truck_scale_24_months() -> None:
    assert valid_until("Cân ô tô", VERIFIED) == date(2028, 5, 19)
    assert truck().valid_until(on=date(2026, 6, 1)) == date(2028, 5, 19)


def test_one_row_from_a_patch_file(tmp_path: Path) -> None:
    path = tmp_path / "so-khcn.toml"
    path.write_text(PATCH, encoding="utf-8")
    register_file(path)
    kind = instrument_type("Cân ô tô", on=VERIFIED)
    assert kind.cycle_months == 12 and kind.status is Status.V and kind.verified
    assert "rows Cân ô tô: Quyết định số 12/QĐ-SKHCN" in kind.source
    assert kind.controls is not None and len(kind.controls) == 4
    assert valid_until("Cân ô tô", VERIFIED) == date(2027, 5, 19)
    assert truck().valid_until(on=date(2026, 6, 1)) == date(2027, 5, 19)
    frame = pl.DataFrame({"type": ["Cân ô tô"], "verified_on": [VERIFIED], "passed": [True]})
    assert due_dates(frame, on=date(2026, 6, 1))["valid_until"].to_list() == [date(2027, 5, 19)]
    # the other rows keep the shipped answer; other lists are untouched
    assert instrument_type("Cân treo móc cẩu", on=VERIFIED).cycle_months == 24
    assert valid_until("Cân ô tô", date(2025, 5, 20)) == date(2026, 5, 19)
    assert "Mục 10. Cân ô tô: 12 tháng [V]" in render_list(on=VERIFIED)


def test_a_whole_version_from_a_csv_file(tmp_path: Path) -> None:
    mine = tmp_path / "danh-muc-2026.csv"
    text = (SHIPPED / "group2-2026-04-15.csv").read_text(encoding="utf-8")
    text = text.replace("10,Cân ô tô,,24,", "10,Cân ô tô,,12,")
    text = text.replace(",U\n", ",V\n")
    mine.write_text(text, encoding="utf-8")
    version = load_group2_csv(
        mine, effective_from=date(2026, 4, 15), source="Thông tư 04/2026/TT-BKHCN (bản ký)"
    )
    assert version.status is Status.V and version.origin == str(mine)
    register_version(version)
    assert valid_until("Cân ô tô", VERIFIED) == date(2027, 5, 19)
    assert instrument_type("Cân ô tô", on=VERIFIED).status is Status.V
    assert valid_until("Cân ô tô", date(2026, 4, 14)) == date(2027, 4, 13)  # 2024 list still


def test_a_whole_version_from_a_toml_naming_its_csv(tmp_path: Path) -> None:
    shutil.copy(SHIPPED / "group2-2026-04-15.csv", tmp_path / "list.csv")
    text = (
        (tmp_path / "list.csv")
        .read_text(encoding="utf-8")
        .replace("10,Cân ô tô,,24,", "10,Cân ô tô,,12,")
    )
    (tmp_path / "list.csv").write_text(text, encoding="utf-8")
    (tmp_path / "list.toml").write_text(
        'name = "metrology_group2"\n\n[[versions]]\neffective_from = 2026-04-15\n'
        'source = "Thông tư 04/2026/TT-BKHCN (bản của Sở)"\nrows_csv = "list.csv"\n',
        encoding="utf-8",
    )
    register_file(tmp_path / "list.toml")
    assert valid_until("Cân ô tô", VERIFIED) == date(2027, 5, 19)
    assert instrument_type("Cân ô tô", on=VERIFIED).status is Status.U  # the rows say U


# -- malformed user files fail at load, naming the file, the row and the field ---------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "10,Cân ô tô,,12 tháng,,QĐ 1,V",
            r"line 2, field 'cycle_months': '12 tháng' is not a whole number",
        ),
        ("mười,Cân ô tô,,12,,QĐ 1,V", r"line 2, field 'item_no': 'mười' is not a whole number"),
        (
            "10,Cân ô tô,,12,periodik,QĐ 1,V",
            r"line 2 \('Cân ô tô'\), field 'controls'\[0\]: \['periodik'\] is not valid",
        ),
        ("10,Cân ô tô,,12,,QĐ 1,X", r"line 2 \('Cân ô tô'\), field 'status': 'X' is not valid"),
        ("10,Cân ô tô,,12,,QĐ 1,", r"line 2, field 'status': blank"),
        ("10,Cân ô tô,,0,,QĐ 1,V", r"line 2 \('Cân ô tô'\): cycle_months is 0"),
        (
            "10,Cân ô tô,,12,initial,QĐ 1,V",
            r"line 2 \('Cân ô tô'\): cycle_months is 12 but controls",
        ),
        ("10,,,12,,QĐ 1,V", r"line 2 \(''\): name is blank"),
        ("10,Cân ô tô,,12,,QĐ 1", r"line 2: 7 cells expected"),
        (
            "10,Cân ô tô,,12,,QĐ 1,V\n10,cân ô tô,,12,,QĐ 1,V",
            r"line 3: a second row 'cân ô tô' \(the first is on line 2\)",
        ),
    ],
)
def test_a_malformed_csv_names_file_line_and_field(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match=message) as caught:
        load_group2_csv(path, effective_from=date(2026, 4, 15))
    assert str(caught.value).startswith(f"{path}, line ")


def test_a_csv_with_wrong_columns(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("item,name,cycle\n10,Cân ô tô,12\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match=r"cols.csv, line 1: columns .*missing \['item_no'"):
        load_group2_csv(path, effective_from=date(2026, 4, 15))
    with pytest.raises(InvalidValue, match="cannot read"):
        load_group2_csv(tmp_path / "none.csv", effective_from=date(2026, 4, 15))
    (tmp_path / "empty.csv").write_text(HEADER, encoding="utf-8")
    with pytest.raises(InvalidValue, match="no rows"):
        load_group2_csv(tmp_path / "empty.csv", effective_from=date(2026, 4, 15))
    with pytest.raises(InvalidValue, match="effective_from"):
        load_group2_csv(path, effective_from="2026-04-15")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            'item = 10\nname = "Cân ô tô"\ncycle_months = "12"\n',
            r"row 'Cân ô tô', field 'cycle_months': '12' is not valid",
        ),
        (
            'name = "Cân ô tô"\ncycle_months = 12\n',
            r"row 'Cân ô tô': required field 'item' is missing",
        ),
        (
            'item = 10\nname = "Cân ô tô"\ncycle = 12\n',
            r"row 'Cân ô tô': unknown column\(s\) \['cycle'\]",
        ),
        (
            'item = 10\nname = "Cân ô tô"\ncycle_months = 12\ncontrols = ["initial"]\n',
            r"row 'Cân ô tô': cycle_months is 12 but controls",
        ),
    ],
)
def test_a_malformed_patch_names_file_version_row_and_field(
    tmp_path: Path, row: str, message: str
) -> None:
    path = tmp_path / "patch.toml"
    head = PATCH.split('[versions.rows."Cân ô tô"]', maxsplit=1)[0]
    path.write_text(head + '[versions.rows."Cân ô tô"]\n' + row, encoding="utf-8")
    with pytest.raises(InvalidValue, match=message) as caught:
        register_file(path)
    assert str(path) in str(caught.value) and "version" in str(caught.value)


def test_a_patch_row_under_another_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "patch.toml"
    path.write_text(
        PATCH.replace('[versions.rows."Cân ô tô"]', '[versions.rows."cân ô tô"]'), encoding="utf-8"
    )
    register_file(path)
    with pytest.raises(InvalidValue, match="a patch row must use the key of the row it replaces"):
        instrument_type("Cân ô tô", on=VERIFIED)


def test_a_toml_naming_a_csv_is_checked(tmp_path: Path) -> None:
    toml = tmp_path / "list.toml"
    base = (
        'name = "metrology_group2"\n\n[[versions]]\neffective_from = 2026-04-15\nsource = "QĐ 1"\n'
    )
    toml.write_text(base + 'rows_csv = "missing.csv"\n', encoding="utf-8")
    with pytest.raises(InvalidValue, match=r"list.toml: .*rows_csv 'missing.csv': no such file"):
        register_file(toml)
    (tmp_path / "u.csv").write_text(HEADER + "10,Cân ô tô,,12,,QĐ 1,U\n", encoding="utf-8")
    toml.write_text(base + 'status = "V"\nrows_csv = "u.csv"\n', encoding="utf-8")
    with pytest.raises(InvalidValue, match=r"status 'V' claims more than its rows in u.csv"):
        register_file(toml)
    toml.write_text(base + 'rows_csv = "u.csv"\nrows = {}\n', encoding="utf-8")
    with pytest.raises(InvalidValue, match="either rows or rows_csv"):
        register_file(toml)
    (tmp_path / "bad.csv").write_text(HEADER + "10,Cân ô tô,,x,,QĐ 1,U\n", encoding="utf-8")
    toml.write_text(base + 'rows_csv = "bad.csv"\n', encoding="utf-8")
    with pytest.raises(InvalidValue, match=r"list.toml: .*bad.csv, line 2, field 'cycle_months'"):
        register_file(toml)


def test_rows_csv_needs_a_row_type_that_reads_csv(tmp_path: Path) -> None:
    from vn_skt.regulations import load_table

    (tmp_path / "x.csv").write_text("amount\n1\n", encoding="utf-8")
    (tmp_path / "salary.toml").write_text(
        'name = "mine"\nrow_type = "vn_skt.regulations.rows:BaseSalary"\n\n[[versions]]\n'
        'effective_from = 2026-01-01\nsource = "QĐ 1"\nstatus = "U"\nrows_csv = "x.csv"\n',
        encoding="utf-8",
    )
    with pytest.raises(InvalidValue, match="rows of type BaseSalary cannot be read from a CSV"):
        load_table(tmp_path / "salary.toml")

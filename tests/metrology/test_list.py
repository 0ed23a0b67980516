"""The group-2 list by version: the shipped data, the day before and the day each list
starts, and the report grouping."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.metrology import Control, catalogue, field_of, fields, instrument_type
from vn_skt.regulations import Status, lookup, table

DATA = Path(__file__).resolve().parents[2] / "src/vn_skt/regulations/data/metrology"
SHARED = Path(__file__).resolve().parents[3] / "shared/data/metrology"
STARTS = {
    "group2-2020-01-01.csv": date(2020, 1, 1),
    "group2-2024-10-15.csv": date(2024, 10, 15),
    "group2-2026-04-15.csv": date(2026, 4, 15),
}


def rows_of(file: str) -> list[dict[str, str]]:
    with (DATA / file).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


ALL_ROWS = [(file, row) for file in STARTS for row in rows_of(file)]


# -- the data ----------------------------------------------------------------------------


@pytest.mark.parametrize("file", [*STARTS, "README.md"])
def test_the_shipped_files_are_the_shared_ones(file: str) -> None:
    if not SHARED.exists():
        pytest.skip("the shared data folder is not next to this checkout")
    assert (DATA / file).read_bytes() == (SHARED / file).read_bytes()


def test_three_versions_no_gap() -> None:
    versions = table("metrology_group2").versions
    assert [(v.effective_from, v.effective_to) for v in versions] == [
        (date(2020, 1, 1), date(2024, 10, 14)),
        (date(2024, 10, 15), date(2026, 4, 14)),
        (date(2026, 4, 15), None),
    ]
    assert [len(v.rows) for v in versions] == [86, 88, 90]


@pytest.mark.parametrize("file", list(STARTS))
def test_a_version_is_as_verified_as_its_weakest_row(file: str) -> None:
    version = lookup("metrology_group2", on=STARTS[file])
    assert version.status is Status.weakest(row["status"] for row in rows_of(file))
    assert {Status(r["status"]) for r in rows_of(file)} == {
        row.status for row in version.rows.values()
    }


@pytest.mark.parametrize(
    ("file", "row"), ALL_ROWS, ids=[f"{f[6:16]}-{r['name_vi'][:40]}" for f, r in ALL_ROWS]
)
def test_every_row_as_shipped(file: str, row: dict[str, str]) -> None:
    on = STARTS[file]
    kind = instrument_type(row["name_vi"], on=on, range=row["measuring_range_or_condition"] or None)
    assert kind.name == row["name_vi"] and kind.item == int(row["item_no"])
    assert kind.range == (row["measuring_range_or_condition"] or None)
    assert kind.cycle_months == (int(row["cycle_months"]) if row["cycle_months"] else None)
    if row["controls"]:
        assert kind.controls == tuple(Control(c) for c in row["controls"].split(";"))
    else:
        assert kind.controls is None  # not known: None, never "all False"
    assert kind.source == row["source"] and kind.status is Status(row["status"])
    assert kind.verified == (row["status"] != "U")
    assert kind.field  # every item of every version is grouped
    assert kind.effective_from == on
    assert instrument_type(kind.full_name, on=on) == kind  # the full name finds the row


@pytest.mark.parametrize("file", list(STARTS))
def test_catalogue_has_every_row_once_in_list_order(file: str) -> None:
    names = [(k.name, k.range) for k in catalogue(on=STARTS[file])]
    expected = [(r["name_vi"], r["measuring_range_or_condition"] or None) for r in rows_of(file)]
    assert names == expected


# -- the day before and the day each list starts ----------------------------------------------


def test_before_the_earliest_list() -> None:
    with pytest.raises(RegulationNotFound, match=r"31/12/2019.*earliest.*01/01/2020.*07/2019"):
        instrument_type("Cân ô tô", on=date(2019, 12, 31))
    with pytest.raises(RegulationNotFound, match="earliest"):
        catalogue(on=date(2019, 12, 31))
    first = instrument_type("Cân ô tô", on=date(2020, 1, 1))
    assert first.cycle_months == 12 and first.status is Status.V
    assert "07/2019" in first.source


def test_2024_boundary_ev_chargers_appear() -> None:
    name = "Thiết bị đo điện năng xoay chiều sạc pin xe ô tô điện"
    with pytest.raises(RegulationNotFound, match=r"14/10/2024: not yet listed.*from 15/10/2024"):
        instrument_type(name, on=date(2024, 10, 14))
    charger = instrument_type(name, on=date(2024, 10, 15))
    assert (charger.item, charger.cycle_months, charger.controls) == (69, 36, None)
    assert charger.status is Status.U and charger.field == "điện – điện từ"


def test_2024_boundary_induction_meter_removed() -> None:
    name = "Công tơ điện xoay chiều 1 pha kiểu cảm ứng"
    assert instrument_type(name, on=date(2024, 10, 14)).cycle_months == 60
    with pytest.raises(
        RegulationNotFound,
        match=r"15/10/2024: removed from 15/10/2024 \(it was on the list until 14/10/2024\); "
        r"listed again from 15/04/2026",
    ):
        instrument_type(name, on=date(2024, 10, 15))
    again = instrument_type(name, on=date(2026, 4, 15))  # the 2026 copy lists it (U)
    assert again.cycle_months == 60 and again.status is Status.U


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("Cân ô tô", 12, 24),
        ("Cân treo móc cẩu", 12, 24),
        ("Cân phân tích", 12, 24),
        ("Cân kỹ thuật", 12, 24),
        ("PTĐ thủy chuẩn", 12, 24),
        ("Toàn đạc điện tử", 12, 24),
        ("Đồng hồ đo nước lạnh có cơ cấu điện tử", 36, 60),
        ("Đồng hồ đo nước lạnh cơ khí", 60, 60),
        ("Nhiệt kế y học thủy tinh-thủy ngân có cơ cấu cực đại", None, 6),
    ],
)
def test_2026_boundary_cycles(name: str, before: int | None, after: int | None) -> None:
    assert instrument_type(name, on=date(2026, 4, 14)).cycle_months == before
    assert instrument_type(name, on=date(2026, 4, 15)).cycle_months == after


@pytest.mark.parametrize(
    "name", ["PTĐ điện tim", "Phương tiện đo điện não", "PTĐ định vị bằng vệ tinh"]
)
def test_2026_boundary_items_dropped(name: str) -> None:
    assert instrument_type(name, on=date(2026, 4, 14)).cycle_months in (12, 24)
    with pytest.raises(RegulationNotFound, match=r"removed from 15/04/2026"):
        instrument_type(name, on=date(2026, 4, 15))


@pytest.mark.parametrize(
    ("name", "item", "cycle"),
    [
        ("Xi téc đường sắt", 27, 60),
        ("Thước đo độ sâu", 68, 12),
        ("Phương tiện đo độ liền (độ rắn) của bê tông", 50, 24),
        ("PTĐ độ đầm (chặt) của đất", 51, 24),
    ],
)
def test_2026_boundary_items_added(name: str, item: int, cycle: int) -> None:
    with pytest.raises(RegulationNotFound, match=r"not yet listed.*from 15/04/2026"):
        instrument_type(name, on=date(2026, 4, 14))
    kind = instrument_type(name, on=date(2026, 4, 15))
    assert (kind.item, kind.cycle_months) == (item, cycle)


def test_the_row_span_is_the_list_span() -> None:
    kind = instrument_type("Cân ô tô", on=date(2025, 1, 1))
    assert (kind.effective_from, kind.effective_to) == (date(2024, 10, 15), date(2026, 4, 14))
    assert kind.covers(date(2026, 4, 14)) and not kind.covers(date(2026, 4, 15))


@pytest.mark.parametrize("bad", [None, "2025-01-01", 20250101])
def test_a_governing_date_is_required(bad: object) -> None:
    with pytest.raises(InvalidValue, match=r"expected a datetime\.date"):
        instrument_type("Cân ô tô", on=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        catalogue(on=bad)  # type: ignore[arg-type]


def test_a_datetime_is_refused() -> None:
    from datetime import datetime

    with pytest.raises(InvalidValue, match=r"is a datetime.*use \.date\(\)"):
        instrument_type("Cân ô tô", on=datetime(2026, 5, 1, 8))  # type: ignore[arg-type]


# -- the report grouping (not legal data) ------------------------------------------------------


def test_the_grouping_is_its_own_table_marked_u() -> None:
    grouping = table("metrology_fields")
    assert grouping.status is Status.U and all(
        "không phải quy định" in v.source for v in grouping.versions
    )


@pytest.mark.parametrize("file", list(STARTS))
def test_every_item_of_every_list_is_grouped(file: str) -> None:
    on = STARTS[file]
    for row in rows_of(file):
        assert field_of(int(row["item_no"]), on=on) in fields(on=on)


def test_the_grouping_follows_item_numbers_that_changed_meaning() -> None:
    assert field_of(50, on=date(2026, 4, 14)) == "điện – điện từ"  # ECG
    assert field_of(50, on=date(2026, 4, 15)) == "lực – mô men"  # concrete hardness
    assert field_of(999, on=date(2026, 4, 15)) is None
    with pytest.raises(InvalidValue, match="item"):
        field_of("10", on=date(2026, 4, 15))  # type: ignore[arg-type]

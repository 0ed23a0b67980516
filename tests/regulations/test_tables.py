from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.regulations import (
    Registry,
    Status,
    Table,
    Version,
    base_salary,
    latest,
    load_table,
    lookup,
    table,
    table_from_dict,
)
from vn_skt.regulations.rows import BaseSalary
from vn_skt.testing.strategies import versions


@attrs.frozen
class Amount:
    amount: int


@attrs.frozen
class MaybeAmount:
    amount: int | None = None


def version(start: date, end: date | None, amount: int = 1, *, name: str = "t") -> Version:
    return Version(
        name, start, end, "Quyết định số 01/QĐ-UBND", Status.V, {"r": {"amount": amount}}
    )


# -- the shipped base salary table (REGULATIONS.md §3) --------------------------------


@pytest.mark.parametrize(
    ("on", "amount", "source"),
    [
        (date(2013, 7, 1), 1_150_000, "66/2013"),
        (date(2016, 5, 1), 1_210_000, "47/2016"),
        (date(2017, 7, 1), 1_300_000, "47/2017"),
        (date(2018, 7, 1), 1_390_000, "72/2018"),
        (date(2019, 7, 1), 1_490_000, "38/2019"),
        (date(2023, 6, 30), 1_490_000, "38/2019"),
        (date(2023, 7, 1), 1_800_000, "24/2023"),
        (date(2024, 6, 30), 1_800_000, "24/2023"),
        (date(2024, 7, 1), 2_340_000, "73/2024"),
        (date(2026, 6, 30), 2_340_000, "73/2024"),
        (date(2026, 7, 1), 2_530_000, "161/2026"),
    ],
)
def test_base_salary_history(on: date, amount: int, source: str) -> None:
    assert base_salary(on) == amount
    assert source in lookup("base_salary", on=on).source


def test_statuses_follow_regulations_md() -> None:
    statuses = {v.effective_from.year: v.status for v in table("base_salary").versions}
    assert statuses[2013] is Status.U and statuses[2018] is Status.U
    assert statuses[2019] is Status.V and statuses[2023] is Status.V
    assert statuses[2024] is Status.V2 and statuses[2026] is Status.V2


def test_before_the_table_is_not_found() -> None:
    with pytest.raises(RegulationNotFound, match="2013-07-01"):
        base_salary(date(2013, 6, 30))


def test_latest_is_explicit_tooling() -> None:
    assert latest("base_salary").effective_from == date(2026, 7, 1)


@pytest.mark.parametrize("on", [None, "2025-01-01", 20250101, datetime(2025, 1, 1, 8, 0)])
def test_lookup_needs_a_governing_date(on: object) -> None:
    with pytest.raises(InvalidValue, match=r"datetime\.date") as caught:
        lookup("base_salary", on=on)  # type: ignore[arg-type]
    assert repr(on) in str(caught.value)


def test_lookup_takes_the_date_by_keyword_only() -> None:
    with pytest.raises(TypeError):
        lookup("base_salary", date(2025, 1, 1))  # type: ignore[misc]


def test_unknown_table_names_the_known_ones() -> None:
    with pytest.raises(RegulationNotFound, match="base_salary"):
        lookup("no_such_table", on=date(2025, 1, 1))


def test_repr_names_the_source() -> None:
    assert "Nghị định 73/2024/NĐ-CP" in repr(lookup("base_salary", on=date(2025, 1, 1)))
    assert "8 versions" in repr(table("base_salary"))


def test_rows_are_typed_and_read_only() -> None:
    v = lookup("base_salary", on=date(2025, 1, 1))
    assert v.row("monthly") == BaseSalary(amount=2_340_000)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        v.row("monthly").amount = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        v.rows["monthly"] = BaseSalary(1)  # type: ignore[index]


def test_missing_row_suggests() -> None:
    with pytest.raises(RegulationNotFound, match="did you mean 'monthly'"):
        lookup("base_salary", on=date(2025, 1, 1)).row("montly")


# -- load-time checks ------------------------------------------------------------------


def build(*vs: Version, row_type: type = Amount) -> Table:
    return Table.build("t", description="", row_type=row_type, versions=vs)


def test_overlap_is_refused() -> None:
    with pytest.raises(InvalidValue, match="overlap"):
        build(version(date(2020, 1, 1), date(2020, 12, 31)), version(date(2020, 6, 1), None))


def test_gap_is_refused() -> None:
    with pytest.raises(InvalidValue, match="gap"):
        build(version(date(2020, 1, 1), date(2020, 12, 31)), version(date(2021, 1, 2), None))


def test_open_version_must_be_last() -> None:
    with pytest.raises(InvalidValue, match="open-ended"):
        build(version(date(2020, 1, 1), None), version(date(2021, 1, 1), None))


def test_row_shape_is_checked() -> None:
    bad = Version("t", date(2020, 1, 1), None, "QĐ", Status.V, {"r": {"amount": "many"}})
    with pytest.raises(InvalidValue, match="row 'r', field 'amount': 'many' is not valid"):
        build(bad)
    extra = Version("t", date(2020, 1, 1), None, "QĐ", Status.V, {"r": {"amount": 1, "x": 2}})
    with pytest.raises(InvalidValue, match="unknown column"):
        build(extra)
    with pytest.raises(InvalidValue, match="missing"):
        build(Version("t", date(2020, 1, 1), None, "QĐ", Status.V, {"r": {}}))
    as_bool = Version("t", date(2020, 1, 1), None, "QĐ", Status.V, {"r": {"amount": True}})
    with pytest.raises(InvalidValue, match="expected a valid integer"):
        build(as_bool)


def test_optional_column() -> None:
    ok = Version("t", date(2020, 1, 1), None, "QĐ", Status.V, {"r": {}})
    assert build(ok, row_type=MaybeAmount).latest.row("r") == MaybeAmount(None)


def test_required_fields() -> None:
    with pytest.raises(InvalidValue, match="source is empty"):
        Version("t", date(2020, 1, 1), None, " ", Status.V, {"r": {"amount": 1}})
    with pytest.raises(InvalidValue, match="before"):
        version(date(2020, 1, 2), date(2020, 1, 1))
    data = {
        "name": "t",
        "row_type": "vn_skt.regulations.rows:BaseSalary",
        "versions": [{"effective_from": "2020-01-01", "status": "V", "rows": {}}],
    }
    with pytest.raises(InvalidValue, match="'source' is missing"):
        table_from_dict(data)
    data["versions"][0].update(source="x", status="maybe")  # type: ignore[index]
    with pytest.raises(InvalidValue, match="status 'maybe'"):
        table_from_dict(data)


def test_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("name = [", encoding="utf-8")
    with pytest.raises(InvalidValue, match="not valid TOML"):
        load_table(path)
    with pytest.raises(InvalidValue, match="cannot read"):
        load_table(tmp_path / "absent.toml")


# -- registration ----------------------------------------------------------------------

PROVINCE_FILE = """
name = "base_salary"
[[versions]]
effective_from = 2025-01-01
effective_to = 2025-12-31
source = "Quyết định số 12/QĐ-UBND (thử nghiệm)"
status = "U"
rows = { monthly = { amount = 3_000_000 } }
"""


def test_province_file_takes_precedence_only_where_it_covers(tmp_path: Path) -> None:
    path = tmp_path / "province.toml"
    path.write_text(PROVINCE_FILE, encoding="utf-8")
    reg = Registry()
    reg.register_file(path)
    found = reg.lookup("base_salary", on=date(2025, 6, 1))
    assert found.row("monthly").amount == 3_000_000
    assert found.origin == str(path)
    assert str(path) in repr(found)
    assert reg.lookup("base_salary", on=date(2024, 12, 31)).row("monthly").amount == 2_340_000
    assert reg.lookup("base_salary", on=date(2026, 1, 1)).row("monthly").amount == 2_340_000
    reg.unregister("base_salary")
    assert reg.lookup("base_salary", on=date(2025, 6, 1)).row("monthly").amount == 2_340_000


def test_user_table_with_new_name() -> None:
    reg = Registry()
    reg.register_table(build(version(date(2020, 1, 1), None, 5)))
    assert reg.lookup("t", on=date(2024, 1, 1)).row("r").amount == 5
    assert "t" in reg.names()


def test_user_versions_must_not_overlap_each_other() -> None:
    reg = Registry()
    reg.register_version(
        version(date(2025, 1, 1), date(2025, 6, 30), name="base_salary").__class__(
            "base_salary",
            date(2025, 1, 1),
            date(2025, 6, 30),
            "QĐ",
            Status.U,
            {"monthly": {"amount": 1}},
        )
    )
    with pytest.raises(InvalidValue, match="overlap"):
        reg.register_version(
            Version(
                "base_salary", date(2025, 6, 1), None, "QĐ", Status.U, {"monthly": {"amount": 2}}
            )
        )


def test_user_version_must_have_the_tables_columns() -> None:
    with pytest.raises(InvalidValue, match="unknown column"):
        Registry().register_version(
            Version(
                "base_salary",
                date(2025, 1, 1),
                None,
                "QĐ",
                Status.U,
                {"monthly": {"amount": 1, "bonus": 2}},
            )
        )


def test_latest_prefers_a_later_user_version() -> None:
    reg = Registry()
    reg.register_version(
        Version("base_salary", date(2030, 1, 1), None, "QĐ", Status.U, {"monthly": {"amount": 9}})
    )
    assert reg.latest("base_salary").row("monthly").amount == 9


def test_versions_lists_the_users_first_where_they_overlap_and_clear_user() -> None:
    reg = Registry()
    user = Version(
        "base_salary",
        date(2024, 7, 1),
        date(2024, 12, 31),
        "QĐ",
        Status.U,
        {"monthly": {"amount": 1}},
    )
    reg.register_version(user)
    listed = reg.versions("base_salary")
    assert len(listed) == len(reg.table("base_salary").versions) + 1
    same_start = [v for v in listed if v.effective_from == date(2024, 7, 1)]
    assert same_start[0] == user and same_start[1].source == "Nghị định 73/2024/NĐ-CP"
    reg.register_table(
        Table.build(
            "mine",
            description="",
            row_type=Amount,
            versions=[version(date(2020, 1, 1), None, name="mine")],
        )
    )
    reg.clear_user()
    assert "mine" not in reg.names()
    assert reg.lookup("base_salary", on=date(2024, 8, 1)).row("monthly").amount == 2_340_000


def test_lookup_refuses_a_non_date() -> None:
    with pytest.raises(InvalidValue, match=r"datetime\.date"):
        Registry().lookup("base_salary", on="2025-01-01")  # type: ignore[arg-type]


def test_registry_without_shipped_tables() -> None:
    reg = Registry(shipped=False)
    assert reg.names() == []
    with pytest.raises(RegulationNotFound, match="known tables: none"):
        reg.lookup("base_salary", on=date(2025, 1, 1))


# -- properties ------------------------------------------------------------------------


@st.composite
def contiguous_tables(draw: st.DrawFn) -> Table:
    start = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)))
    lengths = draw(st.lists(st.integers(min_value=0, max_value=2000), min_size=0, max_size=6))
    open_end = draw(st.booleans())
    versions_: list[Version] = []
    for i, length in enumerate(lengths):
        end = start + timedelta(days=length)
        versions_.append(version(start, end, i))
        start = end + timedelta(days=1)
    versions_.append(version(start, None if open_end else start + timedelta(days=30), 99))
    return build(*versions_)


@given(contiguous_tables(), st.data())
def test_any_date_in_the_span_finds_exactly_one_version(tbl: Table, data: st.DataObject) -> None:
    first = tbl.versions[0].effective_from
    last = tbl.versions[-1].effective_to or first + timedelta(days=20000)
    on = data.draw(st.dates(min_value=first, max_value=last))
    covering = [v for v in tbl.versions if v.covers(on)]
    assert len(covering) == 1
    assert tbl.version_on(on) is covering[0]


@given(contiguous_tables(), st.dates(min_value=date(1900, 1, 1), max_value=date(1989, 12, 31)))
def test_before_the_span_finds_nothing(tbl: Table, on: date) -> None:
    assert tbl.version_on(on) is None


@given(
    versions(table="base_salary").map(
        lambda v: Version(
            "base_salary",
            v.effective_from,
            v.effective_to,
            v.source,
            v.status,
            {"monthly": v.rows["row"]},
        )
    ),
    st.dates(min_value=date(2013, 7, 1), max_value=date(2100, 12, 31)),
)
def test_registering_a_version_never_breaks_lookup_of_others(user: Version, on: date) -> None:
    reg = Registry()
    shipped = reg.lookup("base_salary", on=on)
    reg.register_version(user)
    found = reg.lookup("base_salary", on=on)
    assert found == (user if user.covers(on) else shipped)


@given(st.from_type(Version))
def test_from_type_finds_our_strategy(v: Version) -> None:
    assert isinstance(v, Version) and v.source

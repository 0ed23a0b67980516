"""Names as users type them: official form and abbreviation, case, NFC/NFD, tone
placement; the names accepted before; names the list splits; junk."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.metrology import canonical_name, catalogue, instrument_type
from vn_skt.metrology._instrument_types import segments
from vn_skt.metrology._names import ALIASES, load_aliases, name_key

FORMER = [
    line
    for line in (Path(__file__).parent / "data/former-names.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("#")
]
REMOVED_IN_2024 = "Công tơ điện xoay chiều 1 pha kiểu cảm ứng"
Y2025 = date(2025, 6, 1)


def short(name: str) -> str:
    return name.split(" (", maxsplit=1)[0]


# -- every name accepted before keeps resolving --------------------------------------------------


@pytest.mark.parametrize("name", FORMER)
def test_every_former_name_resolves_in_2025(name: str) -> None:
    if name == REMOVED_IN_2024:  # not on the 2024 list: a clear "removed", not a guess
        with pytest.raises(RegulationNotFound, match="removed from 15/10/2024"):
            instrument_type(name, on=Y2025)
        assert instrument_type(name, on=date(2023, 6, 1)).cycle_months == 60
        return
    kind = instrument_type(name, on=Y2025)
    assert instrument_type(short(name), on=Y2025) == kind  # the qualifier is optional
    assert (
        canonical_name(name) == kind.full_name
        or instrument_type(canonical_name(name), on=Y2025) == kind
    )


@pytest.mark.parametrize("name", FORMER)
def test_every_former_name_keeps_its_2020_cycle_before_2026(name: str) -> None:
    before = instrument_type(name, on=date(2020, 1, 1))
    assert before.item and before.status.value == "V"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Huyết áp kế",
            "Huyết áp kế gồm: huyết áp kế thủy ngân; huyết áp kế lò xo; huyết áp kế điện tử",
        ),
        ("áp kế", "Áp kế: áp kế lò xo; áp kế điện tử; baromet"),
        ("CÂN BÀN", "Cân bàn; cân đĩa; cân treo dọc thép-lá đề"),
        (
            unicodedata.normalize("NFD", "Đồng hồ đo nước lạnh cơ khí"),
            "Đồng hồ đo nước lạnh cơ khí",
        ),
        ("  taximet ", "Taximet"),
        ("PTĐ nồng độ cồn trong hơi thở", "Phương tiện đo nồng độ cồn trong hơi thở"),
        ("phương tiện đo NỒNG ĐỘ cồn trong hơi thở", "Phương tiện đo nồng độ cồn trong hơi thở"),
        ("PT thử độ bền kéo nén", "Phương tiện thử độ bền kéo nén"),
        ("Cân tàu hoả tĩnh", "Cân tàu hỏa tĩnh"),  # old tone placement
        ("CÂN TÀU HOẢ TĨNH", "Cân tàu hỏa tĩnh"),
        (
            "Nhiệt kế y học thủy tinh - thủy ngân có cơ cấu cực đại",
            "Nhiệt kế y học thủy tinh- thủy ngân có cơ cấu cực đại",
        ),
        (
            "Phương tiện đo độ phân cực xác định hàm lượng đường",
            "Phương tiện đo độ phân cực xác định hàm lượng đường (độ Pol)",
        ),
    ],
)
def test_spellings(name: str, expected: str) -> None:
    assert instrument_type(name, on=Y2025).name == expected


def test_abbreviation_both_ways() -> None:
    for kind in catalogue(on=date(2026, 5, 1)):
        if kind.name.startswith("Phương tiện đo "):
            abbreviated = "PTĐ " + kind.name.removeprefix("Phương tiện đo ")
            assert instrument_type(abbreviated, on=date(2026, 5, 1), range=kind.range) == kind


def test_renamed_in_2026_resolves_on_both_sides() -> None:
    old, new = "Cân kiểm tra tải trọng xe cơ giới", "Cân đo tải trọng xe cơ giới"
    assert instrument_type(old, on=date(2026, 4, 15)).name == new
    assert instrument_type(new, on=date(2026, 4, 14)).name == old


# -- the aliases file --------------------------------------------------------------------------


def test_every_alias_names_an_instrument_of_some_list() -> None:
    for group in ALIASES.groups:
        for name in group:
            assert any(instrument_type_or_none(name, s.start) is not None for s in segments()), name
        assert any(instrument_type_or_none(group[0], s.start) is not None for s in segments()), (
            f"the first name of {group} is on no list"
        )


def instrument_type_or_none(name: str, on: date) -> object:
    try:
        return instrument_type(name, on=on)
    except RegulationNotFound:
        return None


def test_a_former_combined_row_stands_for_rows_that_agree() -> None:
    # "PTĐ hàm lượng bụi trong khí thải / trong không khí" picks the first of item 38's two
    # rows: harmless only while both rows have the same cycle in every list.
    for name in [n for n in FORMER if " / " in n]:
        for segment in segments():
            kind = instrument_type(name, on=segment.start)
            same_item = [k for k in catalogue(on=segment.start) if k.item == kind.item]
            assert {k.cycle_months for k in same_item} == {kind.cycle_months}


def test_every_split_choice_is_a_row_of_some_list() -> None:
    for split in ALIASES.splits:
        for label, target in split.choices:
            assert any(instrument_type_or_none(target, s.start) for s in segments()), target
            found = [
                instrument_type(split.name, on=s.start, range=label)
                for s in segments()
                if instrument_type_or_none(target, s.start)
            ]
            assert found, (split.name, label)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[alias]]\nnames = ['Cân bàn']\n", r"alias #1: expected names = \[two or more"),
        (
            "[[alias]]\nnames = ['A', 'B']\n[[alias]]\nnames = ['a', 'C']\n",
            r"alias #2: 'a' is already in alias #1",
        ),
        ("[aliases]\n", r"unknown section\(s\) \['aliases'\]"),
        ("[[split]]\nname = 'X'\nchoices = { a = 'A' }\n", r"split #1: expected name"),
        ("[abbreviations]\n'PTĐ' = 1\n", r"\[abbreviations\]: expected"),
        ("[[alias]\n", "not valid TOML"),
    ],
)
def test_a_malformed_aliases_file_names_the_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidValue, match=message) as caught:
        load_aliases(path)
    assert str(path) in str(caught.value)


def test_name_keys() -> None:
    assert name_key("PTĐ độ ồn") == name_key("Phương tiện đo độ ồn") == name_key("ptđ  ĐỘ ỒN")
    assert name_key("Qmax < 16 m³/h") == name_key("Qmax<16 m3/h")


# -- a name the list splits needs the range ------------------------------------------------------


def test_gas_meters_need_the_range() -> None:
    with pytest.raises(
        RegulationNotFound,
        match=r"several rows.*'Qmax < 16 m3/h' \(.*60 months\).*'Qmax ≥ 16 m3/h'.*36 months",
    ):
        instrument_type("Đồng hồ đo khí dân dụng", on=Y2025)
    small = instrument_type("Đồng hồ đo khí dân dụng", on=Y2025, range="Qmax < 16 m³/h")
    assert (
        small.cycle_months == 60 and small.full_name == "Đồng hồ đo khí dân dụng (Qmax < 16 m3/h)"
    )
    assert instrument_type("Đồng hồ đo khí dân dụng (Qmax<16 m3/h)", on=Y2025) == small
    # the 2026 list words the ranges differently; the former range still finds its row
    later = instrument_type("Đồng hồ đo khí dân dụng", on=date(2026, 5, 1), range="Qmax < 16 m3/h")
    assert later.range == "lưu lượng nhỏ hơn 16 m³/h" and later.cycle_months == 60
    with pytest.raises(RegulationNotFound, match=r"range 'Qmax = 16' .* not one of the choices"):
        instrument_type("Đồng hồ đo khí dân dụng", on=Y2025, range="Qmax = 16")
    with pytest.raises(RegulationNotFound, match=r"not split by range.*leave it out"):
        instrument_type("Cân ô tô", on=Y2025, range="Qmax < 16 m3/h")


def test_ev_chargers_need_the_range() -> None:
    with pytest.raises(
        RegulationNotFound, match=r"'xoay chiều, xe ô tô điện' \(.*36 months\)"
    ) as caught:
        instrument_type("Thiết bị đo điện năng sạc pin xe điện", on=Y2025)
    assert "'một chiều, xe ô tô điện'" in str(caught.value)
    dc = instrument_type(
        "Thiết bị đo điện năng sạc pin xe điện", on=Y2025, range="Một chiều, xe ô tô điện"
    )
    assert dc.name == "Thiết bị đo điện năng một chiều sạc pin xe ô tô điện"
    with pytest.raises(RegulationNotFound, match="not yet listed"):
        instrument_type("Thiết bị đo điện năng sạc pin xe điện", on=date(2024, 10, 14))


def test_records_need_the_range_too() -> None:
    from pydantic import ValidationError

    from vn_skt.metrology import Instrument

    with pytest.raises(ValidationError, match="several rows"):
        Instrument(serial="K-1", type="Đồng hồ đo khí dân dụng")


# -- unknown names and junk ---------------------------------------------------------------------


def test_unknown_name_suggests() -> None:
    with pytest.raises(RegulationNotFound, match="did you mean 'Cân bàn'"):
        instrument_type("Cân bànn", on=Y2025)
    with pytest.raises(RegulationNotFound, match="no instrument named 'Máy đo tốc độ tên lửa'"):
        instrument_type("Máy đo tốc độ tên lửa", on=Y2025)
    with pytest.raises(RegulationNotFound, match="no instrument named"):
        canonical_name("Máy đo tốc độ tên lửa")


@pytest.mark.parametrize("bad", [None, 12, "Cân ô tô".encode(), ["Cân ô tô"]])
def test_a_name_must_be_text(bad: object) -> None:
    with pytest.raises(InvalidValue, match="expected an instrument name"):
        instrument_type(bad, on=Y2025)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match="range"):
        instrument_type("Cân ô tô", on=Y2025, range=1)  # type: ignore[arg-type]


JUNK = st.text(max_size=60) | st.sampled_from(
    [
        "",
        " ",
        "PTĐ",
        "PTĐ ",
        "()",
        "Cân",
        "(Qmax < 16 m3/h)",
        "Đồng hồ",
        "Công tơ",
        "\u0301",
        "ptđ ptđ",
    ]
)


@given(JUNK, st.none() | JUNK, st.sampled_from([s.start for s in segments()] + [date(2030, 1, 1)]))
def test_junk_names_raise_regulation_not_found_or_resolve(
    text: str, range_: str | None, on: date
) -> None:
    try:
        kind = instrument_type(text, on=on, range=range_)
    except RegulationNotFound as exc:
        assert str(exc)
    else:
        assert kind.name and kind.covers(on)

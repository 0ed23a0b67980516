from __future__ import annotations

from datetime import date, datetime

import pytest

from vn_skt.errors import InvalidValue, RegulationNotFound
from vn_skt.provinces import MERGER_DATE, province, provinces, successor

BEFORE, AFTER = date(2025, 6, 30), date(2025, 7, 1)


def test_counts() -> None:
    assert len(provinces(on=BEFORE)) == 63
    assert len(provinces(on=AFTER)) == 34
    assert sum(p.is_city for p in provinces(on=AFTER)) == 6  # 28 provinces, 6 cities
    assert MERGER_DATE == AFTER


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("Bắc Kạn", "Tỉnh Thái Nguyên", "19"),
        ("Thái Nguyên", "Tỉnh Thái Nguyên", "19"),
        ("Bắc Giang", "Tỉnh Bắc Ninh", "24"),
        ("bắc ninh", "Tỉnh Bắc Ninh", "24"),
        ("Thái Bình", "Tỉnh Hưng Yên", "33"),
        ("Hưng Yên", "Tỉnh Hưng Yên", "33"),
        ("Cao Bằng", "Tỉnh Cao Bằng", "04"),
        ("Tỉnh Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh", "79"),
    ],
)
def test_regulations_md_examples(old: str, new: str, code: str) -> None:
    after = successor(old, on=AFTER)
    assert (after.name, after.code) == (new, code)
    assert successor(old, on=BEFORE).exists_on(BEFORE)


@pytest.mark.parametrize(
    "query",
    [
        "thái nguyên",
        "TỈNH THÁI NGUYÊN",
        "Tỉnh  Thái Nguyên",
        "19",
        19,
        "Thai\u0301i Nguye\u0302n".replace("Thai\u0301i", "Tha\u0301i"),
    ],
)
def test_lookup_any_form(query: object) -> None:
    assert province(query, on=AFTER).code == "19"  # type: ignore[arg-type]


def test_city_prefixes() -> None:
    assert province("TP. Hồ Chí Minh", on=AFTER).code == "79"
    assert province("thành phố hà nội", on=AFTER).code == "01"
    assert province("Hà Nội", on=BEFORE).code == "01"


def test_old_name_after_the_merger_says_what_to_do() -> None:
    with pytest.raises(RegulationNotFound, match="successor"):
        province("Bắc Kạn", on=AFTER)
    with pytest.raises(RegulationNotFound):
        province("Tỉnh Không Có", on=AFTER)
    with pytest.raises(RegulationNotFound):
        successor("Tỉnh Không Có", on=BEFORE)


def test_every_old_province_maps_to_one_new() -> None:
    for old in provinces(on=BEFORE):
        new = successor(old.code, on=AFTER)
        assert new.exists_on(AFTER) and not old.exists_on(AFTER)


def test_the_merger_day_is_the_boundary() -> None:
    assert province("Bắc Kạn", on=BEFORE).code == "06"
    with pytest.raises(RegulationNotFound, match="on 2025-07-01"):
        province("Bắc Kạn", on=AFTER)
    assert province("Thái Nguyên", on=BEFORE).valid_to == BEFORE  # the old unit, same name
    assert province("Thái Nguyên", on=AFTER).valid_from == AFTER  # the merged one
    assert successor("Bắc Kạn", on=BEFORE).name == "Tỉnh Bắc Kạn"
    assert successor("Bắc Kạn", on=AFTER).name == "Tỉnh Thái Nguyên"


def test_a_code_means_what_it_meant_that_day() -> None:
    # Bắc Giang (24) and Bắc Ninh (27) merged into Bắc Ninh, which took code 24.
    assert province("24", on=BEFORE).short_name == "Bắc Giang"
    assert province("24", on=AFTER).short_name == "Bắc Ninh"
    assert province(27, on=BEFORE).short_name == "Bắc Ninh"
    with pytest.raises(RegulationNotFound):
        province(27, on=AFTER)


@pytest.mark.parametrize(
    "call", [provinces, lambda on: province("19", on=on), lambda on: successor("19", on=on)]
)
@pytest.mark.parametrize("bad", [None, datetime(2025, 7, 1, 8), "2025-07-01", 20250701])
def test_the_date_is_required_and_a_date(call: object, bad: object) -> None:
    with pytest.raises(InvalidValue):
        call(on=bad)  # type: ignore[operator]


def test_no_default_date() -> None:
    with pytest.raises(TypeError):
        provinces()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        province("19")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        successor("19")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        province("19", AFTER)  # type: ignore[misc]


@pytest.mark.parametrize("bad", [None, True, 19.0, ["19"]])
def test_a_query_is_a_name_or_a_code(bad: object) -> None:
    with pytest.raises(InvalidValue):
        province(bad, on=AFTER)  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        successor(bad, on=AFTER)  # type: ignore[arg-type]

from __future__ import annotations

from datetime import date

import pytest

from vn_skt.errors import RegulationNotFound
from vn_skt.provinces import MERGER_DATE, province, provinces, successor

BEFORE, AFTER = date(2025, 6, 30), date(2025, 7, 1)


def test_counts() -> None:
    assert len(provinces(on=BEFORE)) == 63
    assert len(provinces(on=AFTER)) == 34 and len(provinces()) == 34
    assert sum(p.is_city for p in provinces()) == 6  # 28 provinces, 6 cities
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
    assert province(query).code == "19"  # type: ignore[arg-type]


def test_city_prefixes() -> None:
    assert province("TP. Hồ Chí Minh").code == "79"
    assert province("thành phố hà nội").code == "01"
    assert province("Hà Nội", on=BEFORE).code == "01"


def test_old_name_after_the_merger_says_what_to_do() -> None:
    with pytest.raises(RegulationNotFound, match="successor"):
        province("Bắc Kạn")
    with pytest.raises(RegulationNotFound):
        province("Tỉnh Không Có")
    with pytest.raises(RegulationNotFound):
        successor("Tỉnh Không Có", on=BEFORE)


def test_every_old_province_maps_to_one_new() -> None:
    for old in provinces(on=BEFORE):
        new = successor(old.code, on=AFTER)
        assert new.exists_on(AFTER) and not old.exists_on(AFTER)

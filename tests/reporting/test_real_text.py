"""The audit and the reference finder held to published passages (tests/reporting/
real_text.py): every hand-checkable claim checked, no false alarm on consistent text,
every single changed figure caught, references found exactly."""

from __future__ import annotations

import pytest

from vn_skt.reporting import audit_text

from .real_text import ALL_PASSAGES, Passage, measure


def test_the_set_cites_its_sources() -> None:
    assert all(p.source and p.title for p in ALL_PASSAGES)
    assert len({p.source for p in ALL_PASSAGES}) >= 15


def test_figures_on_the_real_text_set() -> None:
    figures = measure()
    assert figures.claims and figures.checked / figures.claims >= 0.9
    assert figures.false_alarms == 0
    assert figures.changes and figures.caught / figures.changes >= 0.9
    assert figures.refs_f1 >= 0.98


@pytest.mark.parametrize("passage", ALL_PASSAGES, ids=lambda p: p.title[:40])
def test_no_false_alarm_on_published_text(passage: Passage) -> None:
    alarms = [f for f in audit_text(passage.text) if f.ok is False]
    if passage.consistent:
        assert alarms == []
    else:  # the published text's own slip ("54 + 13 = 67, not 71") is reported
        assert len(alarms) == len(passage.claims)


def test_the_set_is_large_enough() -> None:
    figures = measure()
    assert figures.passages >= 40 and figures.documents >= 15
    assert figures.slips_found == figures.slips

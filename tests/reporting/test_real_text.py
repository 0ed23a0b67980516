"""The audit and the reference finder held to published passages (tests/reporting/
real_text.py): every hand-checkable claim checked, no false alarm on consistent text,
every single changed figure caught, references found exactly."""

from __future__ import annotations

import pytest

from vn_skt.reporting import audit_text

from .real_text import PASSAGES, Passage, measure


def test_the_set_cites_its_sources() -> None:
    assert all(p.source and p.title for p in PASSAGES)
    assert len({p.source for p in PASSAGES}) >= 15


def test_figures_on_the_real_text_set() -> None:
    figures = measure()
    assert figures.claims and figures.checked / figures.claims >= 0.9
    assert figures.false_alarms == 0
    assert figures.changes and figures.caught / figures.changes >= 0.9
    assert figures.refs_f1 >= 0.98


@pytest.mark.parametrize("passage", PASSAGES, ids=lambda p: p.title[:40])
def test_no_false_alarm_on_published_text(passage: Passage) -> None:
    assert [f for f in audit_text(passage.text) if f.ok is False] == []

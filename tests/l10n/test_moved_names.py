"""Names that left vn_skt.l10n (issue #20): the old imports still work, with a warning
naming the new home; the old module paths are gone."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings

import pytest

import vn_skt
from vn_skt import l10n

MOVED = {
    "Period": "vn_skt.calendar",
    "PeriodKind": "vn_skt.calendar",
    "is_working_day": "vn_skt.calendar",
    "add_working_days": "vn_skt.calendar",
    "working_days_between": "vn_skt.calendar",
    "day_off_reason": "vn_skt.calendar",
    "DocumentRef": "vn_skt.documents",
    "find_document_refs": "vn_skt.documents",
    "document_kind": "vn_skt.documents",
}
GONE = {
    "vn_skt.l10n.periods": "vn_skt.calendar",
    "vn_skt.l10n.workdays": "vn_skt.calendar",
    "vn_skt.l10n.docrefs": "vn_skt.documents",
    "vn_skt.l10n.dates": "vn_skt.l10n",
    "vn_skt.l10n.formatting": "vn_skt.l10n",
    "vn_skt.l10n.parsing": "vn_skt.l10n",
    "vn_skt.l10n.words": "vn_skt.l10n",
    "vn_skt.l10n.text": "vn_skt.l10n",
    "vn_skt.l10n.labels": "vn_skt.l10n",
    "vn_skt.l10n.tables": "vn_skt.l10n",
    "vn_skt.regulations.salary": "vn_skt.regulations",
}


@pytest.mark.parametrize(("name", "home"), sorted(MOVED.items()))
def test_an_old_name_gives_the_new_object_and_warns(name: str, home: str) -> None:
    with pytest.warns(DeprecationWarning, match=rf"vn_skt\.l10n\.{name} is deprecated: .*{home}"):
        value = getattr(l10n, name)
    assert value is getattr(importlib.import_module(home), name)
    assert name in importlib.import_module(home).__all__
    assert name not in l10n.__all__


def test_the_api_md_import_statements_keep_working() -> None:
    with pytest.warns(DeprecationWarning, match="from vn_skt.calendar import Period"):
        from vn_skt.l10n import Period  # type: ignore[attr-defined]
    with pytest.warns(DeprecationWarning, match="from vn_skt.documents import DocumentRef"):
        from vn_skt.l10n import DocumentRef  # type: ignore[attr-defined]
    assert str(Period.parse("Quý 3/2025")) == "quý III/2025"
    assert DocumentRef.parse("30/2020/NĐ-CP").kind == "Nghị định"


def test_the_warning_points_at_the_caller() -> None:
    with pytest.warns(DeprecationWarning, match="is_working_day") as caught:
        l10n.is_working_day  # noqa: B018
    assert caught[0].filename == __file__


def test_the_top_level_names_come_from_the_new_homes_without_warning() -> None:
    from vn_skt import calendar, documents

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert vn_skt.Period is calendar.Period
        assert vn_skt.is_working_day is calendar.is_working_day
        assert vn_skt.add_working_days is calendar.add_working_days
        assert vn_skt.working_days_between is calendar.working_days_between
        assert vn_skt.DocumentRef is documents.DocumentRef
        assert vn_skt.find_document_refs is documents.find_document_refs


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        l10n.no_such_name  # noqa: B018


@pytest.mark.parametrize("module", sorted(GONE))
def test_the_old_module_paths_are_gone(module: str) -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module(module)


def test_l10n_does_not_load_the_layer_above_it() -> None:
    code = (
        "import sys, vn_skt.l10n; "
        "print(sorted(m for m in ('vn_skt.calendar', 'vn_skt.documents') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

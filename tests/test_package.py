"""The package as users meet it: lazy imports, the public names, the entry points."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import vn_skt

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves() -> None:
    for name in vn_skt.__all__:
        assert getattr(vn_skt, name) is not None, name
    assert set(vn_skt.__all__) <= set(dir(vn_skt))


def test_unknown_name_is_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        vn_skt.no_such_name  # noqa: B018


def test_import_is_lazy() -> None:
    code = (
        "import sys, vn_skt; "
        "heavy = [m for m in ('pydantic', 'babel', 'holidays', 'attrs', 'vn_skt.l10n') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_heavy_optional_modules_load_on_first_use_only() -> None:
    code = (
        "import sys, vn_skt.l10n, vn_skt.tasks, vn_skt.metrology, vn_skt.reporting; "
        "heavy = [m for m in ('holidays', 'polars', 'pandas', 'matplotlib', 'hypothesis') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_matches_metadata() -> None:
    assert vn_skt.__version__ == importlib.metadata.version("vn-skt")


def test_hypothesis_entry_point_is_declared() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    assert any(p.value.startswith("vn_skt.testing") for p in points)


def test_py_typed_ships() -> None:
    assert (ROOT / "src" / "vn_skt" / "py.typed").exists()


def test_sources_are_utf8_nfc() -> None:
    for path in [
        *ROOT.glob("src/**/*.py"),
        *ROOT.glob("src/**/*.toml"),
        *ROOT.glob("docs/**/*.md"),
    ]:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path

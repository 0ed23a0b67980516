"""vn-skt demo/report --docx/--xlsx."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from vn_skt.cli import main

pytest.importorskip("docx")
pytest.importorskip("xlsxwriter")

CSV = Path(__file__).resolve().parents[2] / "examples" / "data" / "tasks.csv"


def test_demo_writes_word_and_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path, xlsx_path = tmp_path / "demo.docx", tmp_path / "demo.xlsx"
    out = io.StringIO()
    status = main(["demo", "--docx", str(docx_path), "--xlsx", str(xlsx_path)], out=out)
    assert status == 0
    assert "BÁO CÁO KẾT QUẢ" in out.getvalue()  # the text report is still printed
    assert docx_path.stat().st_size > 10_000 and xlsx_path.stat().st_size > 5_000
    assert f"đã ghi {docx_path}" in capsys.readouterr().err


def test_report_of_a_csv_writes_excel(tmp_path: Path) -> None:
    target = tmp_path / "phu-luc.xlsx"
    status = main(["report", str(CSV), "--year", "2025", "--xlsx", str(target)], out=io.StringIO())
    assert status in (0, 1)  # 1: the sample CSV has rows with problems, listed on stderr
    assert target.exists()


def test_an_unwritable_path_is_a_users_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-dir" / "x.docx"
    assert main(["demo", "--docx", str(target)], out=io.StringIO()) == 2
    assert "không ghi được tệp" in capsys.readouterr().err


def test_a_missing_extra_is_named_as_such(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    assert main(["demo", "--docx", str(tmp_path / "x.docx")], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "thiếu gói tùy chọn / missing extra" in err and 'vn-skt[docx]' in err

"""`vn-skt report` shows how far a load is on standard error — only when it is a terminal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from vn_skt.cli import main

HEAD = (
    "Mã số;Tên nhiệm vụ;Loại nhiệm vụ;Cấp quản lý;Lĩnh vực;Chủ nhiệm;Tổ chức chủ trì;"
    "Thời gian bắt đầu;Thời gian kết thúc;Kinh phí NSNN năm 2025\n"
)
ROW = "NV.{i};T;Đề tài;Cấp tỉnh;Khoa học xã hội;X;Y;01/2025;12/2025;100000000\n"


def sheet(tmp_path: Path, rows: int) -> Path:
    path = tmp_path / "tasks.csv"
    path.write_text(HEAD + "".join(ROW.format(i=i) for i in range(rows)), encoding="utf-8")
    return path


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_extra_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sheet(tmp_path, 10)
    assert main(["report", str(path), "--year", "2025"], out=io.StringIO()) == 0
    assert capsys.readouterr().err == "Đọc 10 dòng: 10 hợp lệ, 0 lỗi, 0 bị bỏ qua\n"


def test_a_pipe_gets_no_progress(tmp_path: Path) -> None:
    path = sheet(tmp_path, 5000)
    done = subprocess.run(
        [sys.executable, "-m", "vn_skt", "report", str(path), "--year", "2025"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Năm 2025 thực hiện" in done.stdout
    assert done.stderr == "Đọc 5.000 dòng: 5.000 hợp lệ, 0 lỗi, 0 bị bỏ qua\n"
    assert "…" not in done.stderr and "\r" not in done.stderr


def test_a_terminal_sees_rows_read_up_to_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = sheet(tmp_path, 5000)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["report", str(path), "--year", "2025"], out=io.StringIO()) == 0
    shown = terminal.getvalue()
    assert shown.startswith("… đọc ")
    counts = [line.split(" dòng")[0] for line in shown.split("\r… ")[1:]]
    assert counts[-1] == "5.001/5.001" and len(counts) >= 2
    assert "(100%)\n" in shown

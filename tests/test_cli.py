from __future__ import annotations

import io
import subprocess
import sys

import pytest

from vn_skt.cli import main
from vn_skt.l10n import format_money, money_in_words
from vn_skt.regulations import base_salary


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_demo_prints_true_figures() -> None:
    status, text = run("demo", "--on", "03/03/2025")
    assert status == 0
    from datetime import date

    amount = base_salary(date(2025, 3, 3))
    assert f"Mức lương cơ sở: {format_money(amount)}/tháng" in text
    assert money_in_words(amount) in text
    assert "Nghị định 73/2024/NĐ-CP" in text
    assert "ngày 03 tháng 3 năm 2025" in text
    assert "Kỳ báo cáo hiện tại: quý I/2025; kỳ trước: quý IV/2024" in text
    assert "Hôm nay là ngày làm việc." in text
    assert "Hạn 15 ngày làm việc kể từ hôm nay: Thứ hai, 24/03/2025" in text


def test_demo_beyond_the_known_schedule_says_so() -> None:
    status, text = run("demo", "--on", "04/01/2027")
    assert status == 0
    assert "chưa có lịch nghỉ chính thức sau 31/12/2026" in text


def test_demo_runs_as_installed_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vn_skt", "demo"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Mức lương cơ sở" in done.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("words", "105"), "một trăm linh năm"),
        (("words", "18.460.000.000", "--money"), "Mười tám tỷ bốn trăm sáu mươi triệu đồng"),
        (("words", "1015", "--south"), "một ngàn không trăm mười lăm"),
        (("format", "number", "12418"), "12.418"),
        (("format", "number", "1234.5"), "1.234,5"),
        (("format", "count", "3"), "03"),
        (("format", "percent", "0.41666", "--decimals", "1"), "41,7%"),
        (("format", "money", "18460000000", "--unit", "tỷ", "--decimals", "3"), "18,460 tỷ đồng"),
        (("format", "money", "18,46 tỷ"), "18.460.000.000 đồng"),
        (("format", "date", "2025-02-09", "--style", "document"), "ngày 09 tháng 02 năm 2025"),
    ],
)
def test_quick_commands(argv: tuple[str, ...], expected: str) -> None:
    status, text = run(*argv)
    assert status == 0
    assert text.strip() == expected


@pytest.mark.parametrize(
    "argv",
    [
        ("format", "number", "1.2.3"),
        ("words", "1,5"),
        ("format", "money", "1,5"),
        ("format", "date", "31/02/2025"),
        ("format", "count", "-1"),
    ],
)
def test_user_mistakes_exit_2_without_traceback(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run(*argv)
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("vn-skt ")
    assert "Traceback" not in err


def test_bad_date_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        run("demo", "--on", "hôm qua")
    assert info.value.code == 2

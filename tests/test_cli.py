from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from vn_skt.calendar import Period
from vn_skt.cli import main
from vn_skt.councils import CouncilKind
from vn_skt.data import sample_province
from vn_skt.ip_titles import TitlePortfolio
from vn_skt.l10n import format_count, format_money, format_percent
from vn_skt.metrology import CampaignSummary
from vn_skt.reporting import audit_text
from vn_skt.tasks import Portfolio, ProgressState, Regime, portfolio_progress

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


# -- demo: every figure is the library's own -----------------------------------------------


def test_demo_figures_are_the_librarys() -> None:
    status, text = run("demo")
    assert status == 0
    data = sample_province()
    year = data.latest_year()
    assert year == 2025 and f"NĂM {year}" in text
    summary = Portfolio(data.tasks, grouping=data.field_groups).year(year)
    assert str(summary) in text
    assert format_money(summary.state_budget, unit="tỷ", decimals=3) in text
    period = Period.year(year)
    granted = TitlePortfolio(data.titles).granted_in(period)
    assert f"Được cấp {format_count(sum(granted.values()))} văn bằng bảo hộ" in text
    campaign = CampaignSummary.from_verifications(
        [v for i in data.instruments for v in i.verifications if period.contains(v.verified_on)],
        plan=data.plans[year].verifications_by_field,
    )
    assert str(campaign) in text
    assert "tỉnh hư cấu" in text
    # tasks of both regimes, named where it matters; progress and funding released
    new = Counter(t.regime for t in summary.new)
    assert new[Regime.LEGACY] and new[Regime.STI_2025]
    assert (
        f"{format_count(len(summary.new))} nhiệm vụ mở mới, trong đó: tuyển chọn, giao trực "
        f"tiếp {format_count(new[Regime.LEGACY])} nhiệm vụ (theo Luật KH&CN 2013); xét tài "
        f"trợ, đặt hàng {format_count(new[Regime.STI_2025])} nhiệm vụ"
    ) in text
    progress = portfolio_progress(data.tasks, on=date(year, 12, 31))
    assert progress.sentence() in text
    on_time = f"{format_count(progress.on_schedule)}/{format_count(progress.running)}"
    assert f"{on_time} nhiệm vụ đảm bảo tiến độ" in text
    overdue = Portfolio(data.tasks).overdue(on=date(year, 12, 31))
    assert progress.count(ProgressState.OVERDUE) == len(overdue)  # the two sentences agree
    reviews = [m for m in data.meetings if m.council.kind is CouncilKind.FUNDING_REVIEW]
    assert len(reviews) == new[Regime.STI_2025]
    for meeting in reviews:
        assert meeting.council.task is not None and meeting.council.task.regime is Regime.STI_2025
        assert f"Xét tài trợ, đặt hàng \u201c{meeting.council.subject}\u201d" in text
    assert "đủ điều kiện họp (06/07 thành viên có mặt)" in text
    spent = format_percent(progress.spent, progress.allocation, decimals=1)
    assert f"giải ngân đạt {spent} kế hoạch năm" in text
    # the report passes its own audit, and says so
    assert all(f.ok is not False for f in audit_text(text))
    assert re.search(r"Soát số liệu: \d+ khẳng định, tất cả khớp\.", text)


def test_demo_json_and_another_year() -> None:
    status, text = run("demo", "--json", "--year", "2024")
    assert status == 0
    figures = json.loads(text)
    assert figures["year"] == 2024
    assert figures["new_tasks_by_regime"] == {"legacy": figures["tasks"]["new"]}
    assert figures["progress"]["on"] == "2024-12-31"
    assert figures["tasks"]["carried_over"] + figures["tasks"]["new"] == figures["tasks"]["total"]


def test_demo_runs_as_installed_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vn_skt", "demo"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG KHOA HỌC VÀ CÔNG NGHỆ" in done.stdout


# -- report ---------------------------------------------------------------------------------


def test_report_from_csv_lists_bad_rows_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run(
        "report",
        str(EXAMPLES / "data" / "tasks.csv"),
        "--year",
        "2025",
        "--province",
        "thái nguyên",
    )
    assert status == 1
    assert "Tỉnh Thái Nguyên" in text
    assert "Năm 2025 thực hiện 06 nhiệm vụ KH&CN" in text
    err = capsys.readouterr().err
    assert "dòng 9" in err and "Traceback" not in err


def test_report_from_json(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(sample_province().model_dump_json(), encoding="utf-8")
    status, text = run("report", str(path), "--year", "2025")
    assert status == 0
    assert text == run("demo", "--year", "2025")[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "không phải JSON hợp lệ"),
        ('{"province": 5}', "dữ liệu không hợp lệ"),
        (None, "không tìm thấy tệp"),
    ],
)
def test_report_bad_files_exit_2(
    tmp_path: Path, content: str | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "data.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    status, _ = run("report", str(path))
    assert status == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# -- audit ------------------------------------------------------------------------------------


def test_audit_text_and_json(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Thẩm định 163/440 hồ sơ (đạt 38%).\nKiểm định 250/600 PTĐ (đạt 42%).\n", encoding="utf-8"
    )
    status, text = run("audit", str(path))
    assert status == 1
    assert "[SAI ] dòng 1: 163/440 hồ sơ (đạt 38%" in text
    assert "[ĐÚNG] dòng 2" in text
    status, text = run("audit", str(path), "--json")
    rows = json.loads(text)
    assert status == 1 and [r["ok"] for r in rows] == [False, True]
    path.write_text("Kiểm định 250/600 PTĐ (đạt 42%), tăng 8,5% so với cùng kỳ.", encoding="utf-8")
    status, text = run("audit", str(path), "--all")
    assert status == 0 and "[?   ]" in text


def test_audit_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Đạt 07/07 nhiệm vụ."))
    status, text = run("audit", "-")
    assert status == 0 and "0 khẳng định" in text


# -- quick commands --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("words", "105"), "một trăm linh năm"),
        (("words", "18.460.000.000", "--money"), "Mười tám tỷ bốn trăm sáu mươi triệu đồng"),
        (("words", "1015", "--south"), "một ngàn không trăm mười lăm"),
        (("format", "number", "12418"), "12.418"),
        (("format", "number", "1.234,5"), "1.234,5"),
        (("format", "number", "12.418"), "12.418"),
        (("format", "count", "3"), "03"),
        (("format", "percent", "41,666", "--decimals", "1"), "41,7%"),
        (("format", "percent", "41,67"), "41,67%"),
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
        ("audit", "/no/such/file"),
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


def test_bad_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        run("demo", "--year", "năm ngoái")
    assert info.value.code == 2


# -- rules: what the library relies on ------------------------------------------------------


def test_rules_lists_every_table_and_marks_the_version_in_force() -> None:
    from datetime import date

    from vn_skt.regulations import lookup, tables

    status, text = run("rules", "--on", "01/08/2026")
    assert status == 0
    lines = text.splitlines()
    assert lines[0] == "Ngày áp dụng: 01/08/2026"
    for name in tables():
        assert f"\n{name} — " in text
    marked = [line for line in lines if line.startswith(" ▶")]
    assert len(marked) == len(tables())  # every shipped table covers 01/08/2026
    salary = lookup("base_salary", on=date(2026, 8, 1)).source
    assert [line for line in marked if salary in line]
    assert not [line for line in marked if "66/2013" in line]


def test_rules_without_on_uses_today_and_says_so() -> None:
    from datetime import date

    from vn_skt.l10n import format_date

    status, text = run("rules", "council_fees")
    assert status == 0
    assert text.splitlines()[0] == f"Ngày áp dụng: {format_date(date.today())}"


def test_rules_counts_unverified_rows() -> None:
    status, text = run("rules", "council_rules", "--on", "2026-05-01")
    assert status == 0
    assert "5 dòng, 5 chưa kiểm chứng" in text
    assert "FUNDING_REVIEW [U]" in text


def test_rules_metrology_prints_the_list_in_force_in_vietnamese() -> None:
    status, text = run("rules", "metrology", "--on", "2026-05-01")
    assert status == 0
    assert "Cân ô tô: 24 tháng [U]" in text
    status, before = run("rules", "metrology", "--on", "2026-04-14")
    assert status == 0
    assert "Cân ô tô: 12 tháng" in before


def test_rules_of_an_unknown_table_or_date_is_a_clear_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("rules", "no_such_table")[0] == 2
    assert "no regulation table named 'no_such_table'" in capsys.readouterr().err
    assert run("rules", "base_salary", "--on", "2010-01-01")[0] == 2
    assert "2013-07-01" in capsys.readouterr().err


def test_the_report_says_when_its_metrology_rests_on_unverified_rows() -> None:
    status, text = run("demo", "--year", "2025")
    assert status == 0
    data = sample_province()
    campaign = CampaignSummary.from_verifications(
        [
            v
            for i in data.instruments
            for v in i.verifications
            if Period.year(2025).contains(v.verified_on)
        ]
    )
    assert campaign.unverified > 0 and campaign.rule_status.value == "U"
    assert f"chu kỳ kiểm định của {format_count(campaign.unverified)} lượt" in text
    status, raw = run("demo", "--year", "2025", "--json")
    figures = json.loads(raw)
    assert figures["verifications"]["unverified"] == campaign.unverified
    assert figures["verifications"]["rule_status"] == "U"


def test_a_meeting_under_unverified_rules_says_which_rules_it_followed() -> None:
    from datetime import date

    from vn_skt.councils import Council, Meeting, Member
    from vn_skt.reporting import AnnualData, annual_report

    roles = ["Chủ tịch", "Phó Chủ tịch", "Ủy viên phản biện", "Ủy viên phản biện",
             "Ủy viên thư ký khoa học"] + ["Ủy viên"] * 4  # fmt: skip
    members = [Member(name=f"Thành viên {i}", role=r) for i, r in enumerate(roles)]
    council = Council(kind="Đánh giá nghiệm thu", members=members, subject="Đề tài thử")
    names = [m.name for m in members]
    meeting = Meeting(council=council, present=tuple(names), minutes_date=date(2025, 11, 5),
                      votes=dict.fromkeys(names, "Đạt"))  # fmt: skip
    text = annual_report(AnnualData(province="Tỉnh Thử", meetings=(meeting,)), 2025)
    line = next(line for line in text.splitlines() if "Đề tài thử" in line)
    assert "xếp loại Đạt" in line and "(theo Thông tư 11/2014/TT-BKHCN" in line
    assert "chưa kiểm chứng" in line


def test_an_ambiguous_number_is_an_error_showing_both_readings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _ = run("format", "number", "1.5")
    assert status == 2
    assert "'1.5' đọc được hai cách: 15 (dấu chấm phân nhóm) hay 1,5" in capsys.readouterr().err


def test_report_refuses_empty_files_and_says_how_many_rows_were_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert run("report", str(empty), "--year", "2025")[0] == 2
    assert "tệp rỗng" in capsys.readouterr().err
    head = "Mã số;Tên nhiệm vụ;Loại nhiệm vụ;Cấp quản lý;Lĩnh vực;Chủ nhiệm;Tổ chức chủ trì;"
    head += "Thời gian bắt đầu;Thời gian kết thúc;Kinh phí NSNN năm 2025 (triệu đồng)"
    only_header = tmp_path / "header.csv"
    only_header.write_text(head + "\n", encoding="utf-8")
    assert run("report", str(only_header))[0] == 2
    good = "A;T;Đề tài;Cấp tỉnh;Khoa học xã hội;X;Y;01/2025;12/2025;100"
    bad = good.replace("A;", "B;").replace("Cấp tỉnh", "Cấp xã")
    sheet = tmp_path / "tasks"  # no extension: read by content
    sheet.write_text("\n".join([head, good, bad, bad.replace("B;", "C;")]), encoding="utf-8")
    status, text = run("report", str(sheet), "--year", "2025")
    assert status == 1 and text.startswith("2 dòng lỗi không được tính")
    assert "Đọc 3 dòng: 1 hợp lệ, 2 lỗi, 0 bị bỏ qua" in capsys.readouterr().err
    assert run("report", str(sheet), "--year", "2025", "--keep-going")[0] == 0
    assert run("report", str(sheet), "--year", "2031")[0] == 2


def test_an_unknown_province_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("vietnamadminunits")
    path = tmp_path / "data.json"
    path.write_text(sample_province().model_dump_json(), encoding="utf-8")
    assert run("report", str(path), "--province", "Atlantis")[0] == 2
    assert "không biết tỉnh 'Atlantis'" in capsys.readouterr().err
    status, text = run("report", str(path), "--province", "Hà Nội", "--year", "2025")
    assert status == 0 and text


# -- never a traceback (issue #17) ----------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("format", "number", "1e5000"),
        ("format", "number", "1", "--decimals", "5000"),
        ("format", "number", "1", "--decimals", "100000000"),
        ("format", "number", "a\x00b"),
        ("words", "1" + "0" * 9000),
        ("audit", "bad\x00path"),
    ],
)
def test_hostile_arguments_give_one_bilingual_line(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status, _ = run(*argv)
    except SystemExit as stop:  # argparse refusing an option value: a usage error
        status = int(stop.code or 0)
    assert status == 2
    err = capsys.readouterr().err
    assert ("Traceback" not in err and " / " in err) or "usage:" in err


@pytest.mark.parametrize("raw", [b"\xff\xfe bad", b"ok \x00 nul", "Đạt 1/2 (50%)".encode("utf-16")])
def test_audit_refuses_non_utf8_and_nul(
    raw: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(raw)
    assert run("audit", str(path))[0] == 2

    class Stdin:
        buffer = io.BytesIO(raw)

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert run("audit", "-")[0] == 2
    err = capsys.readouterr().err
    assert ("Traceback" not in err and "UTF-8" in err) or "NUL" in err


def test_audit_counts_unicode_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Dòng một.\u2028Thẩm định 163/440 hồ sơ (đạt 38%).", encoding="utf-8")
    status, text = run("audit", str(path))
    assert status == 1 and "dòng 2" in text

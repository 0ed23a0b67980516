"""Lệnh vn-skt — the ``vn-skt`` command.

- ``vn-skt demo [--year Y]`` — the sample (fictional) province's annual report;
- ``vn-skt report FILE [--year Y] [--province P] [--json]`` — the same for your data (JSON
  in the :class:`~vn_skt.reporting.AnnualData` form, or a CSV of tasks with
  Vietnamese headers);
- ``vn-skt audit FILE [--json]`` — check the arithmetic of a report's text;
- ``vn-skt words N``, ``vn-skt format KIND VALUE`` — quick formatting;
- ``vn-skt rules [TABLE] [--on D]`` — the rule tables vn-skt applies: their versions,
  sources and unverified rows; with a table, the version in force on ``D`` (default:
  today, printed) row by row (``metrology`` prints the group-2 list in Vietnamese).

Exit status: 0 done; 1 the data has a problem (a wrong claim, invalid rows, listed on
standard error); 2 the command itself could not run (bad arguments, unreadable file).
A user's mistake gives a message, never a traceback. Only this module reads the clock.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from vn_skt import __version__
from vn_skt.errors import VnSktError

__all__ = ["main"]

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
_BIG = 1_000_000  # characters: above this, say what is going on


class _UserError(Exception):
    """A problem with what the user gave us: reported in one line, exit status 2."""


def _date_arg(text: str) -> date:
    from vn_skt.l10n import parse_date

    try:
        return parse_date(text)
    except VnSktError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _progress(message: str) -> None:
    if sys.stderr.isatty():
        print(f"… {message}", file=sys.stderr, flush=True)


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _UserError(f"không tìm thấy tệp {path!r}") from None
    except UnicodeDecodeError:
        raise _UserError(f"tệp {path!r} không phải văn bản UTF-8") from None
    except OSError as exc:
        raise _UserError(f"không đọc được tệp {path!r}: {exc.strerror}") from None


def _print_report(data: Any, year: int | None, as_json: bool, out: TextIO) -> None:
    from vn_skt.reporting import annual_report, audit_summary, report_figures

    year = year or data.latest_year()
    if as_json:
        json.dump(report_figures(data, year), out, ensure_ascii=False, indent=2)
        print(file=out)
        return
    text = annual_report(data, year)
    print(text, file=out)
    print("", file=out)
    print(audit_summary(text), file=out)


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from vn_skt.data import sample_province

    data = sample_province()
    _print_report(data, args.year, args.json, out)
    _write_outputs(args, data, args.year)
    return EXIT_OK


def _write_outputs(args: argparse.Namespace, data: Any, year: int | None) -> None:
    """--docx / --xlsx: the report as a Word document, its appendix tables as Excel."""
    if not (args.docx or args.xlsx):
        return
    from vn_skt.outputs import write_docx, write_xlsx

    year = year or data.latest_year()
    for path, write in ((args.docx, write_docx), (args.xlsx, write_xlsx)):
        if path:
            try:
                write(data, year, path)
            except OSError as exc:
                raise _UserError(f"không ghi được tệp {path!r}: {exc.strerror}") from None
            print(f"vn-skt: đã ghi {path}", file=sys.stderr)


def _load_data(path: str, province: str | None) -> tuple[Any, list[str]]:
    from pydantic import ValidationError

    from vn_skt.reporting import AnnualData
    from vn_skt.tasks import read_tasks_csv

    if path.lower().endswith(".csv"):
        result = read_tasks_csv(io.StringIO(_read_text(path)))
        problems = [str(e) for e in result.errors] + list(result.warnings)
        return AnnualData(province=_province(province), tasks=result.tasks), problems
    text = _read_text(path)
    _progress(f"đọc {len(text):,} ký tự từ {path}")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _UserError(
            f"{path}: không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}): {exc.msg}"
        ) from None
    if isinstance(raw, dict) and province:
        raw["province"] = _province(province)
    try:
        return AnnualData.model_validate(raw), []
    except ValidationError as exc:
        lines = [f"  {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:20]]
        more = f"\n  … và {exc.error_count() - 20} lỗi khác" if exc.error_count() > 20 else ""
        raise _UserError(f"{path}: dữ liệu không hợp lệ:\n" + "\n".join(lines) + more) from None


def _province(name: str | None) -> str:
    if not name:
        return "(chưa ghi tỉnh)"
    try:
        from vn_skt.provinces import province

        return province(name, on=date.today()).name  # today's units: the CLI reads the clock
    except VnSktError:
        return name  # the data package is optional; an unknown name is kept as given


def _report(args: argparse.Namespace, out: TextIO) -> int:
    data, problems = _load_data(args.file, args.province)
    for problem in problems:
        print(f"vn-skt report: {problem}", file=sys.stderr)
    _print_report(data, args.year, args.json, out)
    _write_outputs(args, data, args.year)
    return EXIT_DATA if problems else EXIT_OK


def _audit(args: argparse.Namespace, out: TextIO) -> int:
    from vn_skt.reporting import FindingKind, audit_text

    text = _read_text(args.file)
    if len(text) > _BIG:
        _progress(f"soát {len(text) / 1e6:.1f} triệu ký tự")
    findings = audit_text(text)
    if args.json:
        rows = [
            {
                "ok": f.ok,
                "kind": f.kind.value,
                "start": f.span[0],
                "end": f.span[1],
                "text": text[f.span[0] : f.span[1]],
                "stated": str(f.stated),
                "computed": None if f.computed is None else str(f.computed),
                "message": f.message,
            }
            for f in findings
        ]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        print(file=out)
    else:
        for f in findings:
            if f.kind is FindingKind.PERCENT and not args.all:
                continue
            line = text.count("\n", 0, f.span[0]) + 1
            mark = {True: "ĐÚNG", False: "SAI ", None: "?   "}[f.ok]
            print(f"[{mark}] dòng {line}: {text[f.span[0] : f.span[1]]} — {f.message}", file=out)
        wrong = sum(f.ok is False for f in findings)
        checked = sum(f.ok is not None for f in findings)
        print(
            f"Tổng cộng: {checked} khẳng định đã kiểm tra, {wrong} sai, "
            f"{len(findings) - checked} không đủ căn cứ.",
            file=out,
        )
    return EXIT_DATA if any(f.ok is False for f in findings) else EXIT_OK


def _words(args: argparse.Namespace, out: TextIO) -> int:
    from vn_skt.l10n import Variant, money_in_words, parse_number, to_words

    value = parse_number(args.number)
    if not isinstance(value, int):
        raise _UserError(f"{args.number!r} không phải số nguyên")
    variant: Variant = "south" if args.south else "north"
    text = (
        money_in_words(value, variant=variant) if args.money else to_words(value, variant=variant)
    )
    print(text, file=out)
    return EXIT_OK


def _format(args: argparse.Namespace, out: TextIO) -> int:
    from decimal import Decimal

    from vn_skt import l10n

    kind: str = args.kind
    if kind == "date":
        print(l10n.format_date(l10n.parse_date(args.value), args.style), file=out)
        return EXIT_OK
    raw = args.value.strip()
    try:  # accept machine input (1234.5) as well as Vietnamese (1.234,5)
        value: int | Decimal = int(raw) if raw.lstrip("-").isdigit() else Decimal(raw)
        if isinstance(value, Decimal) and not value.is_finite():
            raise ValueError(raw)
    except (ValueError, ArithmeticError):
        value = l10n.parse_money(raw) if kind == "money" else l10n.parse_number(raw)
    if kind == "number":
        text = l10n.format_number(value, args.decimals)
    elif kind == "percent":
        decimals = 0 if args.decimals is None else args.decimals
        text = l10n.format_percent(value, decimals=decimals)
    elif not isinstance(value, int):
        raise _UserError(f"{raw!r} không phải số nguyên")
    elif kind == "count":
        text = l10n.format_count(value)
    else:
        text = l10n.format_money(value, unit=args.unit, decimals=args.decimals)
    print(text, file=out)
    return EXIT_OK


_TABLE_ALIASES = {"metrology": "metrology_group2", "councils": "council_rules"}


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    from vn_skt import regulations
    from vn_skt.l10n import format_date

    on: date = args.on or date.today()
    print(f"Ngày áp dụng: {format_date(on)}", file=out)
    if args.table is None:
        for name in regulations.tables():
            _print_table_summary(name, on, out)
        print(
            "(▶ phiên bản có hiệu lực vào ngày áp dụng; U: chưa kiểm chứng, V2: kiểm chứng "
            "qua nguồn thứ cấp, V: đã kiểm chứng trên văn bản)",
            file=out,
        )
        return EXIT_OK
    name = _TABLE_ALIASES.get(args.table, args.table)
    version = regulations.lookup(name, on=on)
    if name == "metrology_group2":
        from vn_skt.metrology import render_list

        for line in render_list(on=on):
            print(line, file=out)
        return EXIT_OK
    print(f"Bảng {name}: {version.source}", file=out)
    print(
        f"Hiệu lực {_span(version)}; mức kiểm chứng {version.status.value} "
        f"({version.status.label}); {len(version.rows)} dòng, "
        f"{len(version.unverified)} chưa kiểm chứng",
        file=out,
    )
    if version.note:
        print(f"Ghi chú: {version.note}", file=out)
    for key, row in version.rows.items():
        mark = " [U]" if version.row_status(key).value == "U" else ""
        print(f"  {key}{mark}: {_row_text(row)}", file=out)
    return EXIT_OK


def _span(version: Any) -> str:
    from vn_skt.l10n import format_date

    start = format_date(version.effective_from)
    end = format_date(version.effective_to) if version.effective_to else "nay"
    return f"từ {start} đến {end}"


def _row_text(row: Any) -> str:
    import attrs

    values = attrs.asdict(row, recurse=False)
    parts = []
    for field, value in values.items():
        if value is None or value == () or field in {"status"}:
            continue
        shown = ", ".join(str(v) for v in value) if isinstance(value, tuple) else value
        parts.append(f"{field}={shown}")
    return "; ".join(parts)


def _print_table_summary(name: str, on: date, out: TextIO) -> None:
    from vn_skt import regulations

    table = regulations.table(name)
    print(f"\n{name} — {table.description}", file=out)
    for version in regulations.default_registry.versions(name):
        mark = "▶" if version.covers(on) else " "
        unverified = len(version.unverified)
        origin = "" if version.origin == "vn-skt" else f" [của người dùng: {version.origin}]"
        print(
            f" {mark} {version.effective_from.isoformat()}.."
            f"{version.effective_to.isoformat() if version.effective_to else '':10} "
            f"{version.status.value:2} {version.source} ({len(version.rows)} dòng, "
            f"{unverified} chưa kiểm chứng){origin}",
            file=out,
        )


def _output_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--docx", metavar="FILE", default=None, help="also write the report as Word (extra docx)"
    )
    command.add_argument(
        "--xlsx", metavar="FILE", default=None, help="also write the appendix tables as Excel"
    )


def build_parser() -> argparse.ArgumentParser:
    """Bộ đọc tham số — the argument parser of ``vn-skt``."""
    parser = argparse.ArgumentParser(
        prog="vn-skt",
        description="Vietnamese S&T administration: annual reports, report audits, formatting.",
    )
    parser.add_argument("--version", action="version", version=f"vn-skt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="the sample (fictional) province's annual report")
    demo.add_argument("--year", type=int, default=None, help="default: the latest in the data")
    demo.add_argument("--json", action="store_true", help="the figures as JSON")
    _output_options(demo)
    demo.set_defaults(run=_demo)

    report = commands.add_parser("report", help="the annual report of your data (JSON or CSV)")
    report.add_argument("file", help="JSON (AnnualData) or a CSV of tasks with Vietnamese headers")
    report.add_argument("--year", type=int, default=None, help="default: the latest in the data")
    report.add_argument("--province", default=None, help="the province's name or code")
    report.add_argument("--json", action="store_true", help="the figures as JSON")
    _output_options(report)
    report.set_defaults(run=_report)

    audit = commands.add_parser("audit", help="check the arithmetic of a report's text")
    audit.add_argument("file", help="a UTF-8 text file, or - for standard input")
    audit.add_argument("--json", action="store_true", help="findings as JSON")
    audit.add_argument("--all", action="store_true", help="also list percentages with no base")
    audit.set_defaults(run=_audit)

    words = commands.add_parser("words", help="a whole number in Vietnamese words")
    words.add_argument("number", help="e.g. 105 or 18.460.000.000")
    words.add_argument("--money", action="store_true", help="write it as an amount of đồng")
    words.add_argument("--south", action="store_true", help="southern variant (ngàn, lẻ)")
    words.set_defaults(run=_words)

    fmt = commands.add_parser("format", help="write a number, amount, percent or date")
    fmt.add_argument("kind", choices=["number", "count", "percent", "money", "date"])
    fmt.add_argument("value", help="e.g. 12418, 0.4167 (percent: a ratio), 18460000000, 2025-02-09")
    fmt.add_argument("--decimals", type=int, default=None)
    fmt.add_argument("--unit", default="đồng", choices=["đồng", "nghìn", "triệu", "tỷ", "auto"])
    fmt.add_argument(
        "--style", default="numeric", choices=["numeric", "document", "inline", "weekday"]
    )
    fmt.set_defaults(run=_format)

    rules = commands.add_parser("rules", help="the rule tables applied, their sources and status")
    rules.add_argument(
        "table", nargs="?", default=None, help="a table name, or 'metrology' (the group-2 list)"
    )
    rules.add_argument(
        "--on", type=_date_arg, default=None, help="the governing date (default: today)"
    )
    rules.set_defaults(run=_rules)
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Chạy lệnh — run ``vn-skt`` with ``argv``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args, out or sys.stdout)
    except (_UserError, VnSktError) as exc:
        print(f"vn-skt {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    except BrokenPipeError:  # "vn-skt demo | head": the reader left; not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    return status

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
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from vn_skt import __version__
from vn_skt.errors import MissingExtra, VnSktError

__all__ = ["main"]

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
_BIG = 1_000_000  # characters: above this, say what is going on


class _UserError(Exception):
    """A problem with what the user gave us: reported in one line, exit status 2.

    The message is Vietnamese, then `` / `` and the English: ``_UserError(vi, en)``.
    """

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi if en is None else f"{vi} / {en}")


_MAX_DECIMALS = 100  # places after the comma a report can show; more is a typo


def _date_arg(text: str) -> date:
    from vn_skt.l10n import parse_date

    try:
        return parse_date(text)
    except VnSktError as exc:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ / not a date: {exc}") from None


def _decimals_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= _MAX_DECIMALS:
        raise argparse.ArgumentTypeError(
            f"số chữ số thập phân phải từ 0 đến {_MAX_DECIMALS} / decimals must be an integer "
            f"0..{_MAX_DECIMALS}: {text[:40]!r}"
        )
    return value


def _progress(message: str) -> Callable[[int, int], None] | None:
    """Tiến độ — say what is going on, on standard error, and only when it is a terminal (never in
    a pipe, a log or a test's capture). Returns the ``progress(done, total)`` callback
    the loaders accept, showing "… 12.288/200.000 dòng (6%)" on one line; None when
    standard error is not a terminal."""
    if not sys.stderr.isatty():
        return None
    print(f"… {message}", file=sys.stderr, flush=True)

    def rows(done: int, total: int) -> None:
        share = f" ({done * 100 // total}%)" if total else ""
        end = "\n" if done >= total else ""
        text = f"{done:,}/{total:,}".replace(",", ".")
        print(f"\r… {text} dòng{share}", end=end, file=sys.stderr, flush=True)

    return rows


def _decoded(raw: bytes, vi: str, en: str) -> str:
    """``raw`` as UTF-8 text (a BOM dropped); invalid bytes and NUL are clear errors.
    ``vi``/``en`` name the source in each language."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _UserError(
            f"{vi} không phải văn bản UTF-8 (byte {exc.start})",
            f"{en} is not UTF-8 text (byte {exc.start})",
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise _UserError(f"{vi} chứa ký tự NUL ở vị trí {nul}", f"{en} contains a NUL at {nul}")
    return text


def _read_text(path: str) -> str:
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        raw = (
            sys.stdin.read().encode("utf-8", "surrogateescape")  # a caller's text stream
            if stream is None
            else stream.read()
        )
        return _decoded(raw, "đầu vào chuẩn", "standard input")
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise _UserError(f"không tìm thấy tệp {path!r}", f"file not found: {path!r}") from None
    except OSError as exc:
        raise _UserError(
            f"không đọc được tệp {path!r}: {exc.strerror}", f"cannot read {path!r}"
        ) from None
    return _decoded(raw, f"tệp {path!r}", f"file {path!r}")


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
    if args.year is not None and not any(t.is_running_in(args.year) for t in data.tasks):
        raise _UserError(
            f"dữ liệu mẫu không có nhiệm vụ nào thực hiện trong năm {args.year}",
            f"the sample data has no task running in {args.year}",
        )
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
                raise _UserError(
                    f"không ghi được tệp {path!r}: {exc.strerror}",
                    f"cannot write {path!r}: {exc.strerror}",
                ) from None
            print(f"vn-skt: đã ghi {path}", file=sys.stderr)


def _file_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise _UserError(f"không tìm thấy tệp {path!r}", f"file not found: {path!r}") from None
    except OSError as exc:
        raise _UserError(
            f"không đọc được tệp {path!r}: {exc.strerror}", f"cannot read {path!r}: {exc.strerror}"
        ) from None


def _load_data(path: str, province: str | None) -> tuple[Any, Any]:
    """The data of a file (recognised by content: JSON AnnualData, or a table of tasks in
    CSV/.xlsx/JSON), and the LoadResult of the table (None for AnnualData)."""
    from pydantic import ValidationError

    from vn_skt.reporting import AnnualData
    from vn_skt.tasks import read_tasks

    raw_bytes = _file_bytes(path)
    if not raw_bytes.strip(b"\xef\xbb\xbf \t\r\n"):
        raise _UserError(f"{path}: tệp rỗng, không có nhiệm vụ nào", f"{path}: the file is empty")
    rows = _progress(f"đọc {len(raw_bytes):,} byte từ {path}".replace(",", "."))
    head = raw_bytes.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head != b"{":  # a table of tasks: CSV, .xlsx or a JSON list
        try:
            result = read_tasks(raw_bytes, progress=rows)
        except VnSktError as exc:
            raise _UserError(f"{path}: {exc}") from None
        return AnnualData(province=_province(province), tasks=result.tasks), result
    try:
        raw = json.loads(raw_bytes.decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _UserError(
            f"{path}: không phải JSON hợp lệ: {exc}", f"{path}: not valid JSON"
        ) from None
    except RecursionError:
        raise _UserError(
            f"{path}: JSON lồng quá sâu", f"{path}: JSON nested too deeply"
        ) from None
    if isinstance(raw, dict) and province:
        raw["province"] = _province(province)
    try:
        return AnnualData.model_validate(raw), None
    except ValidationError as exc:
        lines = [f"  {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:20]]
        more = f"\n  … và {exc.error_count() - 20} lỗi khác" if exc.error_count() > 20 else ""
        raise _UserError(
            f"{path}: dữ liệu không hợp lệ:\n" + "\n".join(lines) + more, "invalid data (above)"
        ) from None


def _province(name: str | None) -> str:
    if not name:
        return "(chưa ghi tỉnh)"
    try:
        from vn_skt.provinces import province
    except (ImportError, VnSktError):  # pragma: no cover - the data extra is optional
        return name
    try:
        return province(name, on=date.today()).name  # today's units: the CLI reads the clock
    except MissingExtra:
        return name  # the data package is optional; without it the name is kept as given
    except VnSktError as exc:
        raise _UserError(f"không biết tỉnh {name!r}: {exc}", f"unknown province {name!r}") from None


def _report(args: argparse.Namespace, out: TextIO) -> int:
    data, result = _load_data(args.file, args.province)
    if result is not None:
        print(result.summary(), file=sys.stderr)
        for issue in result.issues:
            print(f"vn-skt report: {issue}", file=sys.stderr)
        if not result.tasks:
            raise _UserError(
                f"{args.file}: không có nhiệm vụ hợp lệ nào — không lập báo cáo",
                f"{args.file}: no valid task — no report",
            )
    if not data.tasks:
        raise _UserError(
            f"{args.file}: không có nhiệm vụ nào — không lập báo cáo",
            f"{args.file}: no task — no report",
        )
    if args.year is not None and not any(t.is_running_in(args.year) for t in data.tasks):
        raise _UserError(
            f"{args.file}: không có nhiệm vụ nào thực hiện trong năm {args.year}",
            f"{args.file}: no task running in {args.year}",
        )
    invalid = result.invalid if result is not None else 0
    if invalid and not args.json:
        print(
            f"{invalid} dòng lỗi không được tính ({invalid} rows in error are left out)\n", file=out
        )
    _print_report(data, args.year, args.json, out)
    _write_outputs(args, data, args.year)
    if invalid and not args.keep_going:
        return EXIT_DATA
    return EXIT_OK


_CERTAINTY = {"medium": " (đọc không có từ nối, độ tin cậy vừa / read without a marker)"}
_LINE_BREAKS = frozenset("\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")


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
                "reason": f.reason.value,
                "certainty": f.certainty.value,
                "figures": [str(x) for x in f.figures],
                "sentence": [f.sentence[0], f.sentence[1]],
            }
            for f in findings
        ]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        print(file=out)
    else:
        from bisect import bisect_right

        breaks = [i for i, ch in enumerate(text) if ch in _LINE_BREAKS]
        for f in findings:
            if f.kind is FindingKind.PERCENT and not args.all:
                continue
            line = bisect_right(breaks, f.span[0] - 1) + 1
            mark = {True: "ĐÚNG", False: "SAI ", None: "?   "}[f.ok]
            sure = _CERTAINTY.get(f.certainty.value, "")
            print(
                f"[{mark}] dòng {line}: {text[f.span[0] : f.span[1]]} — {f.message}{sure}",
                file=out,
            )
        wrong = sum(f.ok is False for f in findings)
        checked = sum(f.ok is not None for f in findings)
        print(
            f"Tổng cộng: {checked} khẳng định đã kiểm tra, {wrong} sai, "
            f"{len(findings) - checked} không đủ căn cứ. / In all: {checked} claims checked, "
            f"{wrong} wrong, {len(findings) - checked} not checked.",
            file=out,
        )
    return EXIT_DATA if any(f.ok is False for f in findings) else EXIT_OK


def _words(args: argparse.Namespace, out: TextIO) -> int:
    from vn_skt.l10n import Variant, money_in_words, parse_number, to_words

    value = parse_number(args.number)
    if not isinstance(value, int):
        raise _UserError(
            f"{args.number!r} không phải số nguyên", f"{args.number!r} is not a whole number"
        )
    variant: Variant = "south" if args.south else "north"
    text = (
        money_in_words(value, variant=variant) if args.money else to_words(value, variant=variant)
    )
    print(text, file=out)
    return EXIT_OK


def _vietnamese_number(raw: str, *, money: bool = False) -> Any:
    """A number read the Vietnamese way (12.418 is twelve thousand...); an ambiguous one
    ("1.5") is an error showing both readings."""
    from vn_skt import l10n
    from vn_skt.errors import ParseError

    text = raw.removesuffix("%").strip()
    try:
        return l10n.parse_money(text) if money else l10n.parse_number(text)
    except ParseError as exc:
        if exc.reason == "ambiguous_separator":
            grouped = text.replace(".", "")
            decimal = text.replace(".", ",")
            raise _UserError(
                f"{raw!r} đọc được hai cách: {grouped} (dấu chấm phân nhóm) hay {decimal} "
                f"(dấu thập phân) — hãy viết {grouped} hoặc {decimal}",
                f"{raw!r} reads two ways: {grouped} (the dot groups thousands) or {decimal} "
                f"(a decimal mark) — write one of them",
            ) from None
        raise


def _format(args: argparse.Namespace, out: TextIO) -> int:
    from decimal import Decimal

    from vn_skt import l10n

    kind: str = args.kind
    if kind == "date":
        print(l10n.format_date(l10n.parse_date(args.value), args.style), file=out)
        return EXIT_OK
    raw = args.value.strip()
    value: int | Decimal = _vietnamese_number(raw, money=kind == "money")
    if kind == "number":
        text = l10n.format_number(value, args.decimals)
    elif kind == "percent":
        decimals = 2 if args.decimals is None else args.decimals  # "41,67" is 41,67 %
        text = l10n.format_percent(Decimal(value) / 100, decimals=decimals)
    elif not isinstance(value, int):
        raise _UserError(f"{raw!r} không phải số nguyên", f"{raw!r} is not a whole number")
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

    report = commands.add_parser(
        "report", help="the annual report of your data (JSON, CSV or .xlsx)"
    )
    report.add_argument(
        "file", help="JSON (AnnualData), or a CSV/.xlsx of tasks with Vietnamese headers"
    )
    report.add_argument("--year", type=int, default=None, help="default: the latest in the data")
    report.add_argument("--province", default=None, help="the province's name or code")
    report.add_argument("--json", action="store_true", help="the figures as JSON")
    report.add_argument(
        "--keep-going",
        action="store_true",
        help="exit 0 even when rows in error were left out (the report still says so)",
    )
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
    fmt.add_argument(
        "value", help="read the Vietnamese way: 12.418, 41,67 (percent), 18.460.000.000, 09/02/2025"
    )
    fmt.add_argument(
        "--decimals", type=_decimals_arg, default=None, help=f"0..{_MAX_DECIMALS} places"
    )
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
    """Chạy lệnh — run ``vn-skt`` with ``argv``; returns the exit status.

    0 done; 1 the data has a problem (a wrong claim, invalid rows); 2 the command could
    not run (bad arguments or values, an unreadable or non-UTF-8 file, a NUL byte). Every
    message is one line, Vietnamese then English, never a traceback.
    """
    parser = build_parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    for arg in arguments:
        if "\x00" in arg:
            print(
                "vn-skt: tham số chứa ký tự NUL / an argument contains a NUL character",
                file=sys.stderr,
            )
            return EXIT_USAGE
    args = parser.parse_args(arguments)
    try:
        status: int = args.run(args, out or sys.stdout)
    except _UserError as exc:
        print(f"vn-skt {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except MissingExtra as exc:
        print(f"vn-skt {args.command}: thiếu gói tùy chọn / missing extra: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except VnSktError as exc:
        print(
            f"vn-skt {args.command}: giá trị không hợp lệ / invalid value: {exc}", file=sys.stderr
        )
        return EXIT_USAGE
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    except BrokenPipeError:  # "vn-skt demo | head": the reader left; not an error of ours
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (RecursionError, MemoryError, ValueError, TypeError, OverflowError) as exc:
        # a gap in our own checks: still one line, never a traceback
        print(
            f"vn-skt {args.command}: không xử lý được đầu vào / could not process the input "
            f"({type(exc).__name__}: {str(exc)[:200]})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return status

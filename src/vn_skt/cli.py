"""Lệnh vn-skt — the ``vn-skt`` command: the demo, and quick formatting from a shell.

Only this module reads the clock; everything it prints is computed by the library.
A user's mistake gives a one-line message and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import TextIO

from vn_skt import __version__
from vn_skt.errors import VnSktError

__all__ = ["main"]

EXIT_OK = 0
EXIT_USAGE = 2


def _date_arg(text: str) -> date:
    from vn_skt.l10n import parse_date

    try:
        return parse_date(text)
    except VnSktError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from vn_skt.l10n import (
        Period,
        add_working_days,
        format_date,
        format_money,
        is_working_day,
        money_in_words,
    )
    from vn_skt.regulations import base_salary, lookup

    on: date = args.on or date.today()
    rule = lookup("base_salary", on)
    amount = base_salary(on)
    print(f"vn-skt {__version__} — minh họa, {format_date(on, 'document')}", file=out)
    print("", file=out)
    print(f"Mức lương cơ sở: {format_money(amount)}/tháng", file=out)
    print(f"  Bằng chữ: {money_in_words(amount)}", file=out)
    print(
        f"  Căn cứ: {rule.source}, áp dụng từ {format_date(rule.effective_from, 'inline')}"
        f" (mức kiểm chứng {rule.status.value}: {rule.status.label})",
        file=out,
    )
    print("", file=out)
    quarter = Period.quarter(on.year, (on.month - 1) // 3 + 1)
    print(f"Kỳ báo cáo hiện tại: {quarter}; kỳ trước: {quarter.previous()}", file=out)
    known = lookup("workday_calendar", None).effective_to or on
    strict = on <= known
    deadline = add_working_days(on, 15, strict=strict)
    state = "là" if is_working_day(on, strict=strict) else "không phải là"
    print(f"Hôm nay {state} ngày làm việc.", file=out)
    print(f"Hạn 15 ngày làm việc kể từ hôm nay: {format_date(deadline, 'weekday')}", file=out)
    if not strict:
        print(
            f"  (chưa có lịch nghỉ chính thức sau {format_date(known)}: chỉ tính ngày lễ "
            "theo Bộ luật Lao động)",
            file=out,
        )
    return EXIT_OK


def _words(args: argparse.Namespace, out: TextIO) -> int:
    from vn_skt.l10n import money_in_words, parse_number, to_words
    from vn_skt.l10n.words import Variant

    value = parse_number(args.number)
    if not isinstance(value, int):
        print(f"vn-skt words: {args.number!r} is not a whole number", file=sys.stderr)
        return EXIT_USAGE
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
        print(f"vn-skt format {kind}: {raw!r} is not a whole number", file=sys.stderr)
        return EXIT_USAGE
    elif kind == "count":
        text = l10n.format_count(value)
    else:
        text = l10n.format_money(value, unit=args.unit, decimals=args.decimals)
    print(text, file=out)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Bộ đọc tham số — the argument parser of ``vn-skt``."""
    parser = argparse.ArgumentParser(
        prog="vn-skt",
        description="Vietnamese S&T administration: the demo report and quick formatting.",
    )
    parser.add_argument("--version", action="version", version=f"vn-skt {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="print the demonstration report")
    demo.add_argument(
        "--on",
        type=_date_arg,
        default=None,
        help="the date to report on (default: today), e.g. 01/7/2025",
    )
    demo.set_defaults(run=_demo)

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
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Chạy lệnh — run ``vn-skt`` with ``argv``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args, out or sys.stdout)
    except VnSktError as exc:
        print(f"vn-skt {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return status

"""The report audit on megabytes of text (NFC, and the NFD an old editor writes), the
text module's position map on its own, and find_document_refs on the same text.

Every time is the best of several runs; the audit and references are also given as a
ratio to the issue's yardstick, one pass of ``re.finditer(r"\\d[\\d.,]*", text)`` over
the same text in the same process (:func:`number_pass`).

Run: python benchmarks/bench_audit.py [--copies N]
"""

from __future__ import annotations

import argparse
import re
import unicodedata

from _timing import best

from vn_skt.documents import find_document_refs
from vn_skt.l10n import normal_text
from vn_skt.reporting import audit_text

PARAGRAPH = (
    "Năm 2025 thực hiện 36 nhiệm vụ KH&CN, trong đó: 22 nhiệm vụ chuyển tiếp từ năm 2024; "
    "14 nhiệm vụ bắt đầu thực hiện từ năm 2025 (lĩnh vực nông nghiệp: 06 nhiệm vụ; lĩnh vực "
    "y tế: 08 nhiệm vụ), với tổng kinh phí thực hiện 18,460 tỷ đồng. Thực hiện Quyết định số "
    "88/QĐ-UBND ngày 09/01/2025, kiểm định 12.418 PTĐ, trong đó đạt yêu cầu 12.105 PTĐ, loại "
    "bỏ 313 PTĐ; lĩnh vực khối lượng 250/600 (đạt 42%); thẩm định 163/440 hồ sơ (đạt 37%).\n"
)

_NUMBER_PASS = re.compile(r"\d[\d.,]*")  # the yardstick, compiled once


def number_pass(text: str) -> int:
    """The baseline the issue measures against: one pass of
    ``re.finditer(r"\\d[\\d.,]*", text)`` over ``text``, each match consumed in Python."""
    return sum(1 for _ in _NUMBER_PASS.finditer(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=2_000)
    args = parser.parse_args()
    text = PARAGRAPH * args.copies
    megabytes = len(text.encode("utf-8")) / 1e6
    nfd = unicodedata.normalize("NFD", text)
    t_audit = best(lambda: audit_text(text), 3)
    t_audit_nfd = best(lambda: audit_text(nfd), 3)
    t_map = best(lambda: normal_text(nfd, lower=True), 3)
    t_map_nfc = best(lambda: normal_text(text, lower=True), 3)
    t_refs = best(lambda: find_document_refs(text), 3)
    t_base = best(lambda: number_pass(text), 5)
    print(f"text: {megabytes:.1f} MB ({len(text):,} characters)")
    print(
        f"  audit_text          {t_audit:6.2f} s  {megabytes / t_audit:5.2f} MB/s  "
        f"{t_audit / t_base:6.1f}x one re.finditer pass of the numbers (goal <= 20)"
    )
    print(f"  audit_text (NFD)    {t_audit_nfd:6.2f} s  {t_audit_nfd / t_audit:5.2f}x the NFC text")
    print(
        f"  normal_text         {t_map_nfc:6.2f} s NFC (no map), {t_map:6.2f} s NFD "
        f"({t_map / t_audit_nfd:4.0%} of the NFD audit)"
    )
    print(
        f"  find_document_refs  {t_refs:6.2f} s  {megabytes / t_refs:5.2f} MB/s  "
        f"{t_refs / t_base:6.1f}x (goal <= 5)"
    )


if __name__ == "__main__":
    main()

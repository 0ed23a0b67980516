"""The report audit on megabytes of text (NFC, and the NFD an old editor writes), the
text module's position map on its own, and find_document_refs on the same text.

Run: python benchmarks/bench_audit.py [--copies N]
"""

from __future__ import annotations

import argparse
import re
import unicodedata

from _timing import timed

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10_000)
    args = parser.parse_args()
    text = PARAGRAPH * args.copies
    megabytes = len(text.encode("utf-8")) / 1e6
    nfd = unicodedata.normalize("NFD", text)
    t_audit = timed(lambda: audit_text(text))
    t_audit_nfd = timed(lambda: audit_text(nfd))
    t_map = timed(lambda: normal_text(nfd, lower=True))
    t_map_nfc = timed(lambda: normal_text(text, lower=True))
    t_refs = timed(lambda: find_document_refs(text))
    t_base = timed(lambda: re.findall(r"[0-9]+", text))  # a floor: one pass of a trivial regex
    print(f"text: {megabytes:.1f} MB ({len(text):,} characters)")
    print(
        f"  audit_text          {t_audit:6.2f} s  {megabytes / t_audit:5.2f} MB/s  "
        f"{t_audit / t_base:6.1f}x a bare re.findall of the numbers"
    )
    print(f"  audit_text (NFD)    {t_audit_nfd:6.2f} s  {t_audit_nfd / t_audit:5.2f}x the NFC text")
    print(
        f"  normal_text         {t_map_nfc:6.2f} s NFC (no map), {t_map:6.2f} s NFD "
        f"({t_map / t_audit_nfd:4.0%} of the NFD audit)"
    )
    print(
        f"  find_document_refs  {t_refs:6.2f} s  {megabytes / t_refs:5.2f} MB/s  "
        f"{t_refs / t_base:6.1f}x"
    )


if __name__ == "__main__":
    main()

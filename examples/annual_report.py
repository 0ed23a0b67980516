"""The sample province's annual report, and the same figures combined across the merger.

Run: python examples/annual_report.py
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from vn_skt.data import sample_province
from vn_skt.provinces import successor
from vn_skt.reporting import annual_report, audit_text

data = sample_province()
text = annual_report(data, data.latest_year())
print(text)
assert all(f.ok is not False for f in audit_text(text))

# Titles granted to owners in five old provinces, counted by today's province.
granted_in = {"Bắc Kạn": 3, "Thái Nguyên": 5, "Bắc Giang": 2, "Bắc Ninh": 4, "Cao Bằng": 1}
by_new: Counter[str] = Counter()
for old, n in granted_in.items():
    by_new[successor(old, on=date(2025, 7, 1)).name] += n
print(dict(by_new))
assert by_new == {"Tỉnh Thái Nguyên": 8, "Tỉnh Bắc Ninh": 6, "Tỉnh Cao Bằng": 1}

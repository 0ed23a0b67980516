"""A verification campaign report: from a registry's rows to the report sentence, with the
instruments due next quarter and an audit of the sentence.

Every verification follows the group-2 list in force on its own date; the report says
when its figures rest on rows of the list that are not verified (status U).

Run: python examples/campaign_report.py
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from vn_skt.calendar import Period
from vn_skt.metrology import CampaignSummary, Instrument, Verification, catalogue, due_in
from vn_skt.reporting import audit_text

rng = random.Random(2025)
start = date(2025, 1, 2)  # the whole campaign falls under the list in force from 15/10/2024
types = [
    t for t in catalogue(on=start) if t.field in ("khối lượng", "điện – điện từ") and t.cycle_months
]
instruments = []
for i in range(400):
    kind = rng.choice(types)
    verified = start + timedelta(days=rng.randrange(300))
    passed = rng.random() > 0.03
    serial = f"PTĐ-{i:05d}"
    instruments.append(
        Instrument(
            serial=serial,
            type=kind.full_name,
            verifications=[
                Verification(
                    verified_on=verified,
                    passed=passed,
                    serial=serial,
                    instrument_type=kind.full_name,
                )
            ],
        )
    )

verifications = [v for item in instruments for v in item.verifications]
summary = CampaignSummary.from_verifications(
    verifications, plan={"khối lượng": 300, "điện – điện từ": 250}
)
sentence = "Trong năm 2025, " + str(summary) + "."
print(sentence)
for finding in audit_text(sentence):
    print(" ", "đúng" if finding.ok else "SAI", "-", finding.message)
if not summary.rule_status.verified:
    print(
        f"Lưu ý: {summary.unverified}/{summary.total} kết quả dựa trên dòng danh mục "
        f"{summary.rule_status.label} (U)."
    )

next_quarter = Period.quarter(2026, 1)
due = due_in(instruments, next_quarter)
print(f"Đến hạn kiểm định trong {next_quarter}: {len(due)} PTĐ")

assert summary.total == 400 and summary.passed + summary.rejected == 400
assert all(f.ok for f in audit_text(sentence) if f.ok is not None)

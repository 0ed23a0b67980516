"""From a spreadsheet's CSV export to the year's report sentence.

Run: python examples/year_summary_from_csv.py
"""

from __future__ import annotations

from pathlib import Path

from vn_skt.l10n import format_money
from vn_skt.tasks import FUNDING_LABELS, ResearchField, read_tasks_csv

F = ResearchField
# The province's plan groups fields its own way.
GROUPING = {
    F.AGRICULTURAL_SCIENCES: "nông nghiệp và phát triển nông thôn",
    F.MEDICAL_AND_PHARMACEUTICAL: "y tế, môi trường, công nghệ thông tin",
    F.ENGINEERING_AND_TECHNOLOGY: "y tế, môi trường, công nghệ thông tin",
    F.NATURAL_SCIENCES: "khoa học tự nhiên",
    F.SOCIAL_SCIENCES: "khoa học xã hội và nhân văn",
    F.HUMANITIES: "khoa học xã hội và nhân văn",
}

result = read_tasks_csv(Path(__file__).parent / "data" / "tasks.csv")
for error in result.errors:  # nothing is dropped silently
    print("Lỗi:", error)
portfolio = result.portfolio(grouping=GROUPING)
summary = portfolio.year(2025)
print(summary)
print("Kinh phí NSNN năm 2025:", format_money(summary.state_budget, unit="triệu", decimals=1))

# Row by row (summary.to_frame() in pandas): the year's budget has its own column, and a
# task funded in 2025 but no longer implemented (a settlement) is a row of its own.
budget_2025 = FUNDING_LABELS["state_budget"].column(year=2025)  # "Kinh phí NSNN năm 2025 (đồng)"
for row in summary.rows():
    kind = "chuyển tiếp" if row["Chuyển tiếp"] else "mở mới" if row["Mở mới"] else "quyết toán"
    print(f"  {row['Mã số']:<10} {kind:<12} {format_money(row[budget_2025], unit='triệu')}")

assert len(result.tasks) == 7 and len(result.errors) == 1
assert result.errors[0].row == 9 and "ambiguous_separator" in result.errors[0].english
assert summary.total == 6 and len(summary.carried_over) == 3 and len(summary.new) == 3
# Every 2025 allocation counts, the settlement of XH.01 (ended 2024) included.
assert summary.state_budget == (
    620_500_000 + 400_000_000 + 300_000_000 + 50_000_000 + 900_000_000 + 150_000_000 + 350_000_000
)
assert [t.code for t in summary.settlement] == ["XH.01/23"]
assert sum(row[budget_2025] for row in summary.rows()) == summary.state_budget

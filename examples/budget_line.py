"""Write the budget lines of a decision: amount in figures and in words, from spreadsheet text.

Run: python examples/budget_line.py
"""

from __future__ import annotations

from vn_skt.l10n import format_money, money_in_words, parse_money

# Cells as a clerk typed them into a spreadsheet whose header says "ĐVT: triệu đồng".
cells = {"Đề tài A": "1.250,5", "Đề tài B": "980", "Dự án C": "2 tỷ 15 triệu"}

total = 0
for name, cell in cells.items():
    amount = parse_money(cell, unit="triệu")
    total += amount
    print(f"{name}: {format_money(amount)}")

print(f"Tổng cộng: {format_money(total, unit='tỷ', decimals=3)}")
print(f"(Bằng chữ: {money_in_words(total)})")
assert total == 1_250_500_000 + 980_000_000 + 2_015_000_000

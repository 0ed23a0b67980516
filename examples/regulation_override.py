"""A province registers its own version of a rule table; lookups show which rule applied.

Run: python examples/regulation_override.py
"""

from __future__ import annotations

from datetime import date

from vn_skt.regulations import Registry, Status, Version

registry = Registry()  # a private registry; vn_skt.regulations.register_version uses the global one
on = date(2025, 6, 1)
print("Shipped:", registry.lookup("base_salary", on=on))

registry.register_version(
    Version(
        "base_salary",
        date(2025, 1, 1),
        date(2025, 12, 31),
        "Quyết định số 12/QĐ-UBND ngày 05/01/2025 (ví dụ hư cấu)",
        Status.U,
        {"monthly": {"amount": 2_400_000}},
    )
)
rule = registry.lookup("base_salary", on=on)
print("With the province's version:", rule)
print("Amount:", rule.row("monthly").amount, "— source:", rule.source)
assert rule.row("monthly").amount == 2_400_000

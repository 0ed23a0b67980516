"""Dữ liệu mẫu — the embedded sample data set of a fictional province (Tỉnh Minh Sơn).

The province, its people, organisations and figures are invented for demonstration
(built by ``scripts/build_sample_province.py``); any likeness to a real province is
accidental. ``vn-skt demo`` prints its annual report.

>>> data = sample_province()
>>> data.province, data.fictional, data.latest_year()
('Tỉnh Minh Sơn', True, 2025)
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from vn_skt.reporting import AnnualData

__all__ = ["sample_province"]


@lru_cache(maxsize=1)
def sample_province() -> AnnualData:
    """Tỉnh mẫu — the sample province's data (tasks, councils, titles, instruments, plan)."""
    text = resources.files(__package__).joinpath("sample_province.json").read_text(encoding="utf-8")
    return AnnualData.model_validate_json(text)

"""Shared: the sample province and its 2025 report written once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from vn_skt.data import sample_province
from vn_skt.reporting import AnnualData

YEAR = 2025


@pytest.fixture(scope="session")
def data() -> AnnualData:
    return sample_province()


@pytest.fixture(scope="session")
def docx_path(data: AnnualData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("docx")
    from vn_skt.outputs import write_docx

    return write_docx(data, YEAR, tmp_path_factory.mktemp("docx") / "report.docx")


@pytest.fixture(scope="session")
def xlsx_path(data: AnnualData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("xlsxwriter")
    from vn_skt.outputs import write_xlsx

    return write_xlsx(data, YEAR, tmp_path_factory.mktemp("xlsx") / "appendix.xlsx")

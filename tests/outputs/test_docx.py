"""The annual report as a Word document, read back with python-docx (Decree 30 layout)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from vn_skt.reporting import AnnualData, annual_report

from .conftest import YEAR

docx = pytest.importorskip("docx")
from docx.shared import Mm, Pt  # noqa: E402


def _texts(document: Any) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return texts


@pytest.fixture(scope="module")
def document(docx_path: Path) -> Any:
    return docx.Document(str(docx_path))


def test_page_is_a4_with_decree_30_margins(document: Any) -> None:
    for section in document.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        # Word stores margins in twips: compare to the tenth of a millimetre
        assert 20 <= round(section.top_margin.mm, 1) <= 25
        assert 30 <= round(section.left_margin.mm, 1) <= 35
        assert 15 <= round(section.right_margin.mm, 1) <= 20


def test_font_is_times_new_roman_13_to_14_in_the_body(document: Any) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    body = [p for p in document.paragraphs if p.text.startswith("Năm 2025 thực hiện")]
    assert body and all(r.font.size in (None, Pt(13), Pt(14)) for r in body[0].runs)
    for run in (r for p in document.paragraphs for r in p.runs):
        assert run.font.name in (None, "Times New Roman")


def test_header_block_motto_issuer_number_place_and_date(document: Any, data: AnnualData) -> None:
    header = document.tables[0]
    left, right = (cell.text for cell in header.rows[0].cells)
    assert "UBND TỈNH MINH SƠN" in left
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in left
    assert "Số:" in left and "/BC-SKHCN" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Minh Sơn, ngày 05 tháng 01 năm 2026" in right
    motto = next(p for p in header.rows[0].cells[1].paragraphs if "CỘNG HÒA" in p.text)
    assert all(r.bold for r in motto.runs)
    place = next(p for p in header.rows[0].cells[1].paragraphs if "ngày" in p.text)
    assert all(r.italic for r in place.runs)


def test_title_then_every_report_sentence(document: Any, data: AnnualData) -> None:
    paragraphs = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in paragraphs
    assert f"Kết quả hoạt động khoa học và công nghệ năm {YEAR}" in paragraphs
    report = annual_report(data, YEAR).splitlines()[2:]  # the title is laid out apart
    for line in filter(None, report):
        assert line in paragraphs, line
    heading = next(p for p in document.paragraphs if p.text.startswith("I. NHIỆM VỤ"))
    assert all(r.bold for r in heading.runs)


def test_tables_write_figures_the_vietnamese_way(document: Any) -> None:
    texts = _texts(document)
    assert "7.890.000.000" in texts  # the year's state budget, in đồng
    assert "Tổng cộng" in texts
    assert "06/3/2025" in texts or "06/03/2025" in texts
    budget = next(t for t in document.tables if t.rows[0].cells[0].text == "Nguồn, năm")
    assert budget.rows[-1].cells[1].text == "30.150.000.000"


def test_signature_block_and_recipients(document: Any) -> None:
    footer = document.tables[-1]
    left, right = (cell.text for cell in footer.rows[0].cells)
    assert left.startswith("Nơi nhận:") and "- Lưu: VT" in left
    assert "GIÁM ĐỐC" in right


def test_options_number_date_signer(data: AnnualData, tmp_path: Path) -> None:
    from vn_skt.outputs import write_docx

    path = write_docx(
        data,
        YEAR,
        tmp_path / "r.docx",
        number="15",
        issued_on=date(2026, 1, 12),
        signer="Nguyễn Văn A",
        recipients=("Như trên;",),
    )
    texts = "\n".join(_texts(docx.Document(str(path))))
    assert "Số: 15/BC-SKHCN" in texts
    assert "Minh Sơn, ngày 12 tháng 01 năm 2026" in texts
    assert "Nguyễn Văn A" in texts and "- Như trên;" in texts


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_document(docx_path: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx_path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Minh Sơn, ngày 05 tháng 01 năm 2026" in text

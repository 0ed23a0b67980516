"""Báo cáo Word — the annual report as a .docx laid out by Decree 30/2020/NĐ-CP, Appendix I.

The page is A4 with margins 20 mm top and bottom, 30 mm left, 15 mm right; the text is
Times New Roman, 14 pt in the body. At the top, side by side: the issuing body (its
superior on the first line, its own name in bold, a short rule under it, then the number
and symbol) and the national motto and slogan (a short rule under the slogan), then the
place and date line in italics. Then the document type and its summary (bold, centred),
the body (the report's sections and sentences, justified, first line indented), the
appendix tables with figures written the Vietnamese way (1.234.567), and the signature
block beside "Nơi nhận".
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from vn_skt._extras import import_extra
from vn_skt.l10n import format_date, format_number
from vn_skt.reporting import AnnualData, annual_report

from ._tables import AppendixTable, Cell, appendix_tables

__all__ = ["write_docx"]

FONT = "Times New Roman"
_PURPOSE = "write_docx() / vn-skt --docx"
_AFTER_BORDER = tuple(
    f"w:{tag}"
    for tag in re.findall(
        r"\w+",
        "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
        "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
        "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId "
        "cnfStyle rPr sectPr pPrChange",
    )
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return format_number(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _place(province: str) -> str:
    for prefix in ("Tỉnh ", "Thành phố ", "tỉnh ", "thành phố "):
        if province.startswith(prefix):
            return province.removeprefix(prefix)
    return province


def _sections(text: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The report's subtitle line and its sections: (heading, sentences)."""
    blocks = text.split("\n\n")
    head = blocks[0].splitlines()
    sections = []
    for block in blocks[1:]:
        lines = block.splitlines()
        sections.append((lines[0], lines[1:]))
    return (head[1] if len(head) > 1 else ""), sections


class _Writer:
    def __init__(self, docx: Any) -> None:
        self.docx = docx
        self.shared: Any = import_extra("docx.shared", extra="docx", purpose=_PURPOSE)
        self.enum: Any = import_extra("docx.enum.text", extra="docx", purpose=_PURPOSE)
        self.oxml: Any = import_extra("docx.oxml", extra="docx", purpose=_PURPOSE)
        self.doc = docx.Document()

    def setup(self) -> None:
        mm = self.shared.Mm
        for section in self.doc.sections:
            section.page_width, section.page_height = mm(210), mm(297)
            section.top_margin, section.bottom_margin = mm(20), mm(20)
            section.left_margin, section.right_margin = mm(30), mm(15)
        for name in ("Normal", "Table Grid"):
            style = self.doc.styles[name]
            style.font.name = FONT
            style.font.size = self.shared.Pt(14)
            fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(self.oxml.ns.qn(attribute), FONT)
        normal = self.doc.styles["Normal"].paragraph_format
        normal.space_before, normal.space_after = self.shared.Pt(0), self.shared.Pt(6)
        normal.line_spacing = 1.1

    def paragraph(
        self,
        container: Any,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        align: str = "CENTER",
        indent: bool = False,
        after: float = 0,
    ) -> Any:
        par = container.add_paragraph()
        par.alignment = getattr(self.enum.WD_ALIGN_PARAGRAPH, align)
        fmt = par.paragraph_format
        fmt.space_after = self.shared.Pt(after)
        if indent:
            fmt.first_line_indent = self.shared.Mm(10)
        run = par.add_run(text)
        run.bold, run.italic = bold, italic
        if size is not None:
            run.font.size = self.shared.Pt(size)
        return par

    def rule(self, container: Any, width_mm: float, cell_mm: float) -> None:
        """A short centred horizontal line: a bottom border on an indented empty paragraph."""
        par = container.add_paragraph()
        side = self.shared.Mm(max(0.0, (cell_mm - width_mm) / 2))
        fmt = par.paragraph_format
        fmt.left_indent = fmt.right_indent = side
        fmt.space_after = self.shared.Pt(6)
        p_pr = par._p.get_or_add_pPr()
        border = self.oxml.parse_xml(
            f'<w:pBdr {_W}><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        )
        p_pr.insert_element_before(border, *_AFTER_BORDER)  # the schema's order
        run = par.add_run("")
        run.font.size = self.shared.Pt(2)

    def two_columns(self, left_mm: float, right_mm: float) -> tuple[Any, Any]:
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        # narrow cell margins: the motto must fit on one line of its column
        margins = self.oxml.parse_xml(
            f'<w:tblCellMar {_W}><w:left w:w="28" w:type="dxa"/>'
            '<w:right w:w="28" w:type="dxa"/></w:tblCellMar>'
        )
        properties = table._tbl.tblPr
        look = properties.find(self.oxml.ns.qn("w:tblLook"))  # the schema's order: before it
        if look is None:
            properties.append(margins)
        else:
            look.addprevious(margins)
        left, right = table.rows[0].cells
        widths = (left_mm, right_mm)
        for column, cell, width in zip(table.columns, (left, right), widths, strict=True):
            column.width = cell.width = self.shared.Mm(width)
        for cell in (left, right):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        return left, right

    def table(self, appendix: AppendixTable, number: int) -> None:
        self.paragraph(self.doc, f"Bảng {number}. {appendix.title}", bold=True, size=13, after=3)
        rows = appendix.rows or (("(không có)", *[""] * (len(appendix.headers) - 1)),)
        table = self.doc.add_table(rows=1 + len(rows), cols=len(appendix.headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = 1  # centred
        for i, header in enumerate(appendix.headers):
            cell = table.rows[0].cells[i]
            self._cell(cell, header, bold=True, align="CENTER")
        self._fit(table, [appendix.headers, *rows])
        for r, row in enumerate(rows, start=1):
            last = appendix.total and r == len(rows)
            for i, value in enumerate(row):
                right = isinstance(value, int) and not isinstance(value, bool)
                align = "RIGHT" if right else ("CENTER" if isinstance(value, date) else "LEFT")
                self._cell(table.rows[r].cells[i], _cell_text(value), bold=last, align=align)
        self.paragraph(self.doc, "", after=6)

    def _fit(self, table: Any, rows: list[tuple[Any, ...]]) -> None:
        """Column widths over the 165 mm between the margins: a column of figures or dates
        as wide as its widest figure (or its header's longest word), the text columns
        sharing the rest in proportion to their longest text."""
        fixed: dict[int, float] = {}
        flexible: dict[int, int] = {}
        for col in range(len(rows[0])):
            values = [row[col] for row in rows[1:]]
            texts = [_cell_text(v) for v in values]
            word = max((len(w) for w in str(rows[0][col]).split()), default=4)
            if all(isinstance(v, int | date) or not v for v in values):
                chars = max([word, *(len(t) for t in texts)])
                fixed[col] = max(22.0, 2.3 * chars + 4)
            else:
                flexible[col] = max(13, min(45, max((len(t) for t in texts), default=8)))
        rest = max(165 - sum(fixed.values()), 30.0)
        share = sum(flexible.values()) or 1
        table.autofit = False
        for col, column in enumerate(table.columns):
            width_mm = fixed.get(col) or rest * flexible.get(col, 0) / share
            width = self.shared.Mm(width_mm)
            column.width = width
            for cell in column.cells:
                cell.width = width

    def _cell(self, cell: Any, text: str, *, bold: bool, align: str) -> None:
        par = cell.paragraphs[0]
        par.alignment = getattr(self.enum.WD_ALIGN_PARAGRAPH, align)
        par.paragraph_format.space_after = self.shared.Pt(0)
        run = par.add_run(text)
        run.bold = bold
        run.font.size = self.shared.Pt(12)


def write_docx(
    data: AnnualData,
    year: int,
    path: str | Path,
    *,
    superior: str | None = None,
    issuer: str = "Sở Khoa học và Công nghệ",
    symbol: str = "BC-SKHCN",
    number: str | None = None,
    issued_on: date | None = None,
    signer_title: str = "Giám đốc",
    signer: str = "",
    recipients: tuple[str, ...] = (),
) -> Path:
    """Báo cáo Word — the report of ``year`` as a Decree-30 .docx at ``path``
    (python-docx is the ``docx`` extra). Returns the path.

    Args:
        data: the province's records.
        year: the year reported on.
        path: where to write.
        superior: the body above the issuer (default "UBND " + the province's name).
        issuer: the issuing body.
        symbol: the number's symbol ("BC-SKHCN": báo cáo of the Sở KH&CN).
        number: the document's number; None leaves it blank for the clerk to fill.
        issued_on: the date of the place and date line (default: 5 January after ``year``).
        signer_title: the signer's title ("Giám đốc").
        signer: the signer's name (blank: signed by hand).
        recipients: the "Nơi nhận" lines (default: the province's People's Committee,
            the Ministry of Science and Technology, the file copy).
    """
    docx: Any = import_extra("docx", extra="docx", purpose=_PURPOSE)
    w = _Writer(docx)
    w.setup()
    province = data.province
    superior = superior or f"UBND {province}"
    issued_on = issued_on or date(year + 1, 1, 5)
    recipients = recipients or (
        f"UBND {province[:1].lower()}{province[1:]} (để báo cáo);",
        "Bộ Khoa học và Công nghệ (để báo cáo);",
        "Lãnh đạo Sở;",
        "Lưu: VT, KHTC.",
    )

    left, right = w.two_columns(70, 95)
    w.paragraph(left, superior.upper(), size=12)
    w.paragraph(left, issuer.upper(), bold=True, size=12)
    w.rule(left, 25, 70)
    w.paragraph(left, f"Số: {number or '      '}/{symbol}", size=13)
    w.paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    w.paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    w.rule(right, 55, 95)
    w.paragraph(
        right, f"{_place(province)}, {format_date(issued_on, 'document')}", italic=True, size=14
    )

    text = annual_report(data, year)
    subtitle, sections = _sections(text)
    w.paragraph(w.doc, "", after=6)
    w.paragraph(w.doc, "BÁO CÁO", bold=True, size=14)
    w.paragraph(w.doc, f"Kết quả hoạt động khoa học và công nghệ năm {year}", bold=True, size=14)
    w.rule(w.doc, 40, 165)
    if subtitle.removeprefix(province).strip():
        w.paragraph(w.doc, subtitle, italic=True, size=13, after=6)
    for heading, sentences in sections:
        w.paragraph(w.doc, heading, bold=True, align="JUSTIFY", indent=True, after=6)
        for sentence in sentences:
            w.paragraph(w.doc, sentence, align="JUSTIFY", indent=True, after=6)

    tables = appendix_tables(data, year)
    w.paragraph(w.doc, "PHỤ LỤC SỐ LIỆU", bold=True, size=14, after=6)
    for number_, appendix in enumerate(tables, start=1):
        w.table(appendix, number_)

    left, right = w.two_columns(85, 80)
    w.paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, align="LEFT")
    for line in recipients:
        w.paragraph(left, f"- {line}", size=11, align="LEFT")
    w.paragraph(right, signer_title.upper(), bold=True, size=14)
    for _ in range(4):
        w.paragraph(right, "", size=14)
    w.paragraph(right, signer, bold=True, size=14)

    target = Path(path)
    w.doc.save(str(target))
    return target

"""Đầu ra — what a department files and shows: the annual report as a Word document
(Decree 30/2020/NĐ-CP layout), its appendix tables as an Excel workbook, and charts.

python-docx, xlsxwriter and matplotlib are the extras ``docx``, ``xlsx`` and ``notebook``;
each loads on first use, and a missing one raises MissingExtra naming its extra.
"""

from __future__ import annotations

from ._charts import plot_budget, plot_campaign, plot_tasks, plot_titles_expiring
from ._docx import write_docx
from ._tables import AppendixTable, appendix_tables, task_rows
from ._xlsx import TASK_SHEET, write_xlsx

__all__ = [
    "TASK_SHEET",
    "AppendixTable",
    "appendix_tables",
    "plot_budget",
    "plot_campaign",
    "plot_tasks",
    "plot_titles_expiring",
    "task_rows",
    "write_docx",
    "write_xlsx",
]

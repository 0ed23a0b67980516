"""Without its extra, each writer says which extra to install."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from vn_skt.errors import MissingExtra
from vn_skt.outputs import plot_budget, write_docx, write_xlsx
from vn_skt.reporting import AnnualData


@pytest.mark.parametrize(
    ("module", "extra", "call"),
    [
        ("docx", "docx", lambda d, p: write_docx(d, 2025, p / "x.docx")),
        ("xlsxwriter", "xlsx", lambda d, p: write_xlsx(d, 2025, p / "x.xlsx")),
        ("matplotlib.pyplot", "notebook", lambda d, p: plot_budget(d.tasks)),
    ],
)
def test_missing_extra_is_named(
    module: str,
    extra: str,
    call: object,
    data: AnnualData,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # "import module" now fails
    with pytest.raises(MissingExtra, match=rf"vn-skt\[{extra}\]"):
        call(data, tmp_path)  # type: ignore[operator]


def test_load_result_view_lists_warnings() -> None:
    import io

    from vn_skt.tasks import read_tasks_csv

    text = "Mã số;Tên nhiệm vụ;Màu sắc\nX;Y;đỏ\n"
    html = read_tasks_csv(io.StringIO(text))._repr_html_()
    assert "Số cảnh báo" in html and "<th>Vấn đề</th>" in html and "Màu sắc" in html

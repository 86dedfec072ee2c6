"""Charts: vector in the PDF, a PNG of the same drawing in the DOCX (test_chart_png.py reads its
pixels), SVG that QtSvg shows in the window."""

from __future__ import annotations

import copy
import re
import zipfile

import pdfplumber
import pypdf

from cchc_desktop.core.history import comparison_chart, identities
from cchc_desktop.core.model import Chart, ChartKind, ChartSeries
from cchc_desktop.core.next_report import apply_plan, plan_next_report
from cchc_desktop.core.periods import next_period
from cchc_desktop.core.templates import load_sample
from cchc_desktop.document.charts import chart_svg
from cchc_desktop.document.export import export_docx, export_pdf

CHART = Chart("Tin, bài tuyên truyền CCHC", ChartKind.BARS, ["Quý I/2026", "Quý II/2026", "Quý III/2026"],
              [ChartSeries("Tin, bài", ["1.250", "18,5", "-"]), ChartSeries("Hội nghị", ["3", "4", "12.604"])],
              "Tin, bài")


def _report_with_chart():
    sample = load_sample()
    report = apply_plan(sample, plan_next_report(sample, next_period(sample.period), previous_columns=True))
    for i, row in enumerate(report.appendix.rows):
        row.set_text("value", str(i + 2))
    keys = [key for key, _row in identities(report.appendix.table)][:3]
    report.charts = [comparison_chart(report.appendix.table, keys, title="So sánh với kỳ trước"), copy.deepcopy(CHART)]
    return report


def test_pdf_chart_is_vector_with_its_numbers_and_labels(tmp_path) -> None:
    report = _report_with_chart()
    export_pdf(report, tmp_path / "r.pdf")
    reader = pypdf.PdfReader(tmp_path / "r.pdf")
    last = reader.pages[-1]
    resources = last.get("/Resources") or {}
    assert "/XObject" not in resources  # no image: drawn with path operators
    content = last.get_contents().get_data().decode("latin-1")
    assert len(re.findall(r"\bre\b", content)) >= 6  # bars are rectangles
    with pdfplumber.open(tmp_path / "r.pdf") as pdf:
        text = pdf.pages[-1].extract_text()
    for label in ("BIỂU ĐỒ", "Tin, bài tuyên truyền CCHC", "Quý II/2026", "1.250", "18,5", "12.604", "Hội nghị",
                  "So sánh với kỳ trước", "Kỳ trước", "Kỳ này"):
        assert label in text, label


def test_docx_holds_a_png_of_the_chart(tmp_path) -> None:
    report = _report_with_chart()
    export_docx(report, tmp_path / "r.docx")
    with zipfile.ZipFile(tmp_path / "r.docx") as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
        assert len(media) == 2 and all(name.endswith(".png") for name in media)
        png = package.read(media[0])
        body = package.read("word/document.xml").decode("utf-8")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width >= 1200 and 1.5 < width / height < 2.0
    assert body.count("<w:drawing>") == 2 and "BIỂU ĐỒ" in body


def test_svg_renders_in_qt_with_the_data(qapp) -> None:
    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    svg = chart_svg(CHART)
    assert "<clipPath" not in svg and "fill: None" not in svg
    assert "font-family: Times New Roman" in svg
    for label in ("1.250", "18,5", "12.604", "Quý III/2026", "Hội nghị"):
        assert f">{label}<" in svg
    assert QSvgRenderer(QByteArray(svg.encode())).isValid()

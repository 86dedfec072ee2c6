"""A chart drawn once (reportlab graphics) and rendered three ways.

- the PDF gets the Drawing itself: vector operators, no image;
- the window gets SVG (``chart_svg``), shown by QtSvg (gui/chart_view.py);
- the DOCX gets a PNG of the same Drawing drawn with Pillow (``chart_png``, no Qt).

Numbers are written the Vietnamese way (1.250; 12,5%) and texts use the document's font.
No plotting library: matplotlib would add about 75 MB and half a second to start-up.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib import colors

from ..core.figures import FigureKind, figure_value, parse_figure
from ..core.model import Chart, ChartKind
from ..core.vietnamese import format_number
from . import fonts

PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a50021", "#525252")
WIDTH_PT, HEIGHT_PT = 460.0, 270.0


def _font(bold: bool = False) -> str:
    try:
        fonts.register()
    except fonts.FontNotFoundError:
        return "Times-Bold" if bold else "Times-Roman"
    return fonts.face(bold, False)


def vietnamese_number(value: float | Decimal | None, percent: bool = False) -> str:
    if value is None:
        return ""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    else:
        number = number.quantize(Decimal("0.01")).normalize()
    return format_number(number) + ("%" if percent else "")


def _is_percent(chart: Chart) -> bool:
    if chart.unit.strip() == "%":
        return True
    for series in chart.series:
        for typed in series.values:
            try:
                if parse_figure(typed).kind == FigureKind.PERCENT:
                    return True
            except ValueError:
                pass
    return False


def _data(chart: Chart) -> list[list[float | None]]:
    rows = []
    for series in chart.series:
        values = [figure_value(typed) for typed in series.values]
        rows.append([float(v) if v is not None else None for v in values])
    return rows


def chart_drawing(chart: Chart, width: float = WIDTH_PT, height: float = HEIGHT_PT) -> Drawing:
    """The chart as a reportlab Drawing (a flowable for the PDF, the source of the SVG)."""
    regular, bold = _font(), _font(True)
    drawing = Drawing(width, height)
    drawing.add(String(width / 2, height - 16, chart.title, fontName=bold, fontSize=12, textAnchor="middle"))
    data = _data(chart) or [[]]
    percent = _is_percent(chart)
    many = len(chart.series) > 1
    legend_columns = 1 if len(chart.series) <= 3 else 2
    legend_rows = -(-len(chart.series) // legend_columns)
    legend_room = 12 * legend_rows + 8 if many else 0
    plot = HorizontalLineChart() if chart.kind == ChartKind.LINES else VerticalBarChart()
    categories = chart.categories or [""]
    rotated = len(categories) > 6
    if rotated:  # slanted one-line labels: many periods side by side
        names = [c if len(c) <= 20 else c[:19] + "…" for c in categories]
        label_room = 14 + int(0.55 * 9 * max(len(n) for n in names) * 0.5)
    else:
        names = _wrapped(categories, (width - 70) / len(categories))
        label_room = 14 + 11 * max(name.count("\n") + 1 for name in names)
    plot.x, plot.y = 52, 20 + label_room + legend_room
    plot.width, plot.height = width - 70, height - 50 - label_room - legend_room
    # None (no data, "-") is a gap: no bar, no point, no label
    plot.data = data if data and data[0] else [[0]]
    plot.categoryAxis.categoryNames = names
    plot.categoryAxis.labels.fontName = regular
    plot.categoryAxis.labels.fontSize = 9
    if rotated:
        plot.categoryAxis.labels.angle = 30
        plot.categoryAxis.labels.boxAnchor = "ne"
    values = [v for row in data for v in row if v is not None]
    top = max(values) if values else 1.0
    plot.valueAxis.valueMin = min(0.0, min(values) if values else 0.0)
    plot.valueAxis.valueMax = top * 1.15 if top > 0 else 1.0
    plot.valueAxis.labels.fontName = regular
    plot.valueAxis.labels.fontSize = 9
    plot.valueAxis.labelTextFormat = lambda v: vietnamese_number(v, percent)
    for i in range(len(data)):
        colour = colors.HexColor(PALETTE[i % len(PALETTE)])
        if chart.kind == ChartKind.LINES:
            plot.lines[i].strokeColor = colour
            plot.lines[i].strokeWidth = 2
            plot.lines[i].symbol = makeMarker("FilledCircle", fillColor=colour, strokeColor=colour, size=5)
        else:
            plot.bars[i].fillColor = colour
            plot.bars[i].strokeColor = colour
    if chart.kind == ChartKind.LINES:
        _point_labels(drawing, plot, data, regular, percent)
    else:
        plot.barLabelFormat = lambda v: vietnamese_number(v, percent)
        plot.barLabels.fontName = regular
        plot.barLabels.fontSize = 8
        plot.barLabels.nudge = 6
    drawing.add(plot)
    if chart.unit.strip() and not percent:
        label = Group(String(0, 0, chart.unit, fontName=regular, fontSize=9, textAnchor="middle"))
        label.translate(14, plot.y + plot.height / 2)
        label.rotate(90)
        drawing.add(label)
    if many:
        legend = Legend()
        legend.x, legend.y = 52, 8 + 12 * legend_rows
        legend.alignment = "right"
        legend.columnMaximum = legend_rows
        legend.fontName, legend.fontSize = regular, 9
        legend.dx, legend.dy = 8, 8
        legend.deltay = 12
        legend.deltax = (width - 70) / legend_columns
        room = int(legend.deltax / (9 * 0.48)) - 4
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]),
                                  s.name if len(s.name) <= room else s.name[: room - 1].rstrip() + "…")
                                 for i, s in enumerate(chart.series)]
        drawing.add(legend)
    return drawing


def _wrapped(labels: list[str], room_pt: float, size: float = 9, lines: int = 3) -> list[str]:
    """Category names broken into lines that fit their slot (at most ``lines``, then "…")."""
    per_line = max(6, int(room_pt / (size * 0.48)))
    out = []
    for label in labels:
        words, rows, line = label.split(), [], ""
        for word in words:
            if line and len(line) + 1 + len(word) > per_line:
                rows.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        rows.append(line)
        if len(rows) > lines:
            rows = rows[:lines]
            rows[-1] = rows[-1][: max(1, per_line - 1)].rstrip() + "…"
        out.append("\n".join(rows))
    return out


def _point_labels(drawing: Drawing, plot, data, font: str, percent: bool) -> None:
    """Value labels over the points (reportlab's own stop at the first gap in a line)."""
    low, high = plot.valueAxis.valueMin, plot.valueAxis.valueMax
    count = max((len(row) for row in data), default=0)
    for row in data:
        for i, value in enumerate(row):
            if value is None or high == low:
                continue
            x = plot.x + (i + 0.5) * plot.width / count
            y = plot.y + (value - low) / (high - low) * plot.height + 6
            drawing.add(String(x, y, vietnamese_number(value, percent), fontName=font, fontSize=8,
                               textAnchor="middle"))


def _face_names() -> dict[str, str]:
    return {fonts.face(b, i): "Times New Roman" for b in (False, True) for i in (False, True)}


def chart_svg(chart: Chart, width: float = WIDTH_PT, height: float = HEIGHT_PT) -> str:
    """SVG text QtSvg can show: reportlab's SVG less clip paths, 'fill: none', real font names."""
    from reportlab.graphics import renderSVG

    svg = renderSVG.drawToString(chart_drawing(chart, width, height))
    svg = re.sub(r"<clipPath.*?</clipPath>", "", svg, flags=re.S)
    svg = re.sub(r'\sclip-path="[^"]*"', "", svg)
    svg = svg.replace("fill: None", "fill: none").replace('fill="None"', 'fill="none"')
    for face, family in sorted(_face_names().items(), key=lambda item: -len(item[0])):
        weight = "; font-weight: bold" if "-bold" in face else ""
        svg = svg.replace(f"font-family: {face}", f"font-family: {family}{weight}")
        svg = svg.replace(f'font-family="{face}"', f'font-family="{family}"')
    return svg


def chart_png(chart: Chart, width_px: int = 1600) -> bytes:
    """A PNG of the chart's drawing, for the DOCX (Word shows no SVG without a PNG fallback):
    drawn with Pillow (document/chart_png.py), so the command line needs no Qt."""
    from .chart_png import drawing_png  # Pillow's drawing is loaded only for a report with charts

    return drawing_png(chart_drawing(chart), width_px)

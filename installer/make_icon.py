"""Draw the application icon: a report page with a red seal carrying a yellow star.

Our own drawing (Pillow primitives only), so the icon carries no third-party rights.
Run once after changing the design; the results are committed:

    python installer/make_icon.py      # writes resources/icons/app.png and app.ico

Pillow is needed only here, not at run time.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

# Drawn large and scaled down: Pillow does not anti-alias polygons itself.
CANVAS = 1024
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

PAGE = (250, 250, 246, 255)
PAGE_EDGE = (90, 98, 112, 255)
FOLD = (214, 218, 226, 255)
TEXT_LINE = (120, 130, 148, 255)
HEADLINE = (40, 56, 92, 255)
SEAL_RED = (200, 30, 36, 255)
SEAL_RIM = (150, 18, 24, 255)
STAR_YELLOW = (255, 214, 0, 255)


def star_points(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    """A five-pointed star, point up."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw_page(draw: ImageDraw.ImageDraw) -> None:
    """A portrait sheet with a folded top-right corner and a few lines of 'text'."""
    left, top, right, bottom, fold = 170, 70, 800, 930, 150
    outline = [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)]
    draw.polygon(outline, fill=PAGE, outline=PAGE_EDGE, width=22)
    draw.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)],
                 fill=FOLD, outline=PAGE_EDGE, width=18)
    # Title line (centred, bold) and body lines, like the report's first page.
    draw.rounded_rectangle((300, 200, 560, 240), radius=18, fill=HEADLINE)
    for i, y in enumerate(range(320, 700, 80)):
        end = 700 if i % 3 != 2 else 560
        draw.rounded_rectangle((250, y, end, y + 30), radius=15, fill=TEXT_LINE)


def draw_seal(draw: ImageDraw.ImageDraw) -> None:
    """A round red seal in the lower right corner, overlapping the page, with a yellow star."""
    cx, cy, r = 690, 740, 250
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=SEAL_RED, outline=SEAL_RIM, width=26)
    draw.ellipse((cx - r + 50, cy - r + 50, cx + r - 50, cy + r - 50), outline=STAR_YELLOW, width=12)
    draw.polygon(star_points(cx, cy + 8, 150, 60), fill=STAR_YELLOW)


def render(size: int) -> Image.Image:
    image = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw_page(draw)
    draw_seal(draw)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    ICONS.mkdir(parents=True, exist_ok=True)
    render(256).save(ICONS / "app.png", optimize=True)
    # One .ico with every size Windows asks for (taskbar, Start menu, Explorer views).
    render(256).save(ICONS / "app.ico", sizes=ICO_SIZES)
    for name in ("app.png", "app.ico"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

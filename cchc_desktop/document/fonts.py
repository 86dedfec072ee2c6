"""Find Times New Roman (or its metric twin Liberation Serif) and register it once with reportlab.

The PDF must use the same metrics as Word/LibreOffice render the DOCX with, so that lines break
at the same words: Times New Roman when the machine has it, else Liberation Serif (same widths).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "CCHCSerif"  # the name our PDF styles use, whichever file backs it
STYLES = ("regular", "bold", "italic", "bolditalic")

# File names per style: Windows' Times New Roman, the msttcorefonts package, Liberation Serif.
_CANDIDATES: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    ("Times New Roman", ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")),
    ("Times New Roman", ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf",
                         "Times_New_Roman_Italic.ttf", "Times_New_Roman_Bold_Italic.ttf")),
    ("Liberation Serif", ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
                          "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")),
)


class FontNotFoundError(RuntimeError):
    pass


@dataclass(frozen=True)
class FontSet:
    family: str  # "Times New Roman" or "Liberation Serif"
    files: tuple[Path, Path, Path, Path]  # regular, bold, italic, bold italic


def font_dirs() -> list[Path]:
    """Folders to search, most specific first (bundled fonts, Windows, user, system)."""
    dirs: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        dirs.append(Path(frozen_root) / "resources" / "fonts")
    dirs.append(Path(__file__).resolve().parent.parent.parent / "resources" / "fonts")
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    try:
        home = Path.home()
    except (KeyError, RuntimeError, OSError):  # no home folder at all (service accounts)
        home = Path(os.sep) / "nonexistent-home"
    dirs += [home / ".fonts", home / ".local" / "share" / "fonts", home / "Library" / "Fonts"]
    dirs += [Path("/usr/share/fonts/truetype/msttcorefonts"), Path("/usr/share/fonts/truetype/liberation2"),
             Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts"),
             Path("/usr/local/share/fonts"), Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    return dirs


def _safely(test, path: Path) -> bool:
    """is_dir/is_file that take an unreadable folder (PermissionError) as 'not here'."""
    try:
        return test(path)
    except OSError:
        return False


def _find_in(folder: Path, name: str) -> Path | None:
    direct = folder / name
    if _safely(Path.is_file, direct):
        return direct
    if folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts")) and _safely(Path.is_dir, folder):
        # Distributions put fonts one or two levels down; a bounded search is cheap.
        try:
            for found in folder.glob(f"*/{name}"):
                return found
            for found in folder.glob(f"*/*/{name}"):
                return found
        except OSError:
            return None
    return None


@lru_cache(maxsize=1)
def find_fonts() -> FontSet:
    """The first complete set of four files: Times New Roman preferred, Liberation Serif else."""
    dirs = [d for d in font_dirs() if _safely(Path.is_dir, d)]
    for family, names in _CANDIDATES:
        for folder in dirs:
            files = [_find_in(folder, name) for name in names]
            if all(files):
                return FontSet(family, tuple(files))  # type: ignore[arg-type]
    raise FontNotFoundError(
        "Không tìm thấy phông Times New Roman hoặc Liberation Serif trên máy. "
        "Hãy cài phông Times New Roman (hoặc gói fonts-liberation2) rồi thử lại."
    )


def face(bold: bool, italic: bool) -> str:
    """The reportlab font name of one style of our family."""
    return FAMILY + ("-bolditalic" if bold and italic else "-bold" if bold else "-italic" if italic else "")


@lru_cache(maxsize=1)
def register() -> FontSet:
    """Register the four styles as one family, once per process; returns what was found."""
    fonts = find_fonts()
    for (bold, italic), path in zip(((0, 0), (1, 0), (0, 1), (1, 1)), fonts.files):
        pdfmetrics.registerFont(TTFont(face(bool(bold), bool(italic)), str(path)))
        addMapping(FAMILY, bold, italic, face(bool(bold), bool(italic)))
    pdfmetrics.registerFontFamily(FAMILY, normal=face(False, False), bold=face(True, False),
                                  italic=face(False, True), boldItalic=face(True, True))
    return fonts


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` set in our family (used by the layout for rule lengths)."""
    try:
        register()
    except FontNotFoundError:
        # The DOCX does not need the font files: standard Times metrics are close enough for rules.
        builtin = "Times-" + ("BoldItalic" if bold and italic else "Bold" if bold else "Italic" if italic else "Roman")
        return pdfmetrics.stringWidth(text, builtin, size)
    return pdfmetrics.stringWidth(text, face(bold, italic), size)

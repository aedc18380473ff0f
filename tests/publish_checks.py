"""Checks shared by the publish tests."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from pypdf import PdfReader


def assert_fonts_embedded(pdf: Path) -> None:
    """Every font of every page is embedded (a FontFile2), and pdffonts agrees."""
    fonts = {}
    for page in PdfReader(pdf).pages:
        for name, ref in page["/Resources"]["/Font"].items():
            fonts[name] = ref.get_object()
    assert fonts
    for font in fonts.values():
        assert "/FontDescriptor" in font, font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
    if shutil.which("pdffonts"):
        listing = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing and all(" yes " in line for line in listing)


def last_years_round(demo_round: Path, folder: Path, year: int = 2014) -> Path:
    """A copy of the demo round relabelled as an earlier year (same figures)."""
    earlier = folder / f"round-{year}.sqlite"
    shutil.copyfile(demo_round, earlier)
    conn = sqlite3.connect(earlier)
    conn.execute("UPDATE round SET year = ?", (year,))
    conn.commit()
    conn.close()
    return earlier

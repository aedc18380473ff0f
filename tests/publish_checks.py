"""Checks shared by the publish tests."""

from __future__ import annotations

import shutil
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

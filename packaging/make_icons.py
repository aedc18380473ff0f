"""Draw the app's icon with Qt and write it as PNG (16-512), .ico and .icns.

python packaging/make_icons.py   # writes resources/icons/ (committed; re-run after a change)

The icon: a rounded square in the app's blue, four rising bars (the four tiers) and a
check mark, drawn as shapes only, so every size from 16 to 512 pixels stays legible.
The .ico and .icns are written by Pillow from the PNGs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAME = "alliance-review"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0  # drawn on a 64-unit grid
    margin = 0 if size <= 24 else 2 * s
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(box.topLeft(), box.bottomRight())
    gradient.setColorAt(0.0, QColor("#2f6fd0"))
    gradient.setColorAt(1.0, QColor("#173f87"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(gradient)
    p.drawRoundedRect(box, 12 * s, 12 * s)
    # four rising bars: the tiers
    bar_colours = ("#cfe0ff", "#e6efff", "#f3f7ff", "#ffffff")
    heights = (14, 22, 30, 38)
    width = 8 * s
    for number, (height, colour) in enumerate(zip(heights, bar_colours, strict=True)):
        x = (10 + number * 11) * s
        p.setBrush(QColor(colour))
        p.drawRoundedRect(QRectF(x, (54 - height) * s, width, height * s), 1.5 * s, 1.5 * s)
    # a gold check mark over the bars
    path = QPainterPath(QPointF(14 * s, 22 * s))
    path.lineTo(QPointF(24 * s, 31 * s))
    path.lineTo(QPointF(50 * s, 8 * s))
    pen = QPen(QColor("#f5b82e"), max(1.6, 6 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(OUT / f"{NAME}-{size}.png"))
    draw(256).save(str(OUT / f"{NAME}.png"))
    from PIL import Image

    images = [Image.open(OUT / f"{NAME}-{size}.png") for size in SIZES]
    largest = images[-1]
    largest.save(
        OUT / f"{NAME}.ico", sizes=[(s, s) for s in SIZES if s <= 256], append_images=images
    )
    largest.save(OUT / f"{NAME}.icns", append_images=images)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

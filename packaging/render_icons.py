"""Render resources/icons/hiplog.svg to the PNG sizes, a Windows .ico and a macOS .icns.

Run from the repository root after changing the SVG, then commit the results:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Qt's own image plugins write the .ico and .icns (PySide6 ships qico and qicns), so no other tool
is needed on any platform.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def write(image: QImage, path: Path, fmt: str) -> None:
    writer = QImageWriter(str(path), fmt.encode())
    if not writer.write(image):
        raise SystemExit(f"could not write {path}: {writer.errorString()}")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "hiplog.svg"))
    if not renderer.isValid():
        raise SystemExit(f"{ICONS / 'hiplog.svg'} is not a valid SVG")
    images = {size: render(renderer, size) for size in PNG_SIZES}
    for size, image in images.items():
        write(image, ICONS / f"hiplog-{size}.png", "png")
    supported = {bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats()}
    # Qt's ico writer stores one picture per file: the 256 px one, which Windows scales down.
    if "ico" in supported:
        write(images[256], ICONS / "hiplog.ico", "ico")
    else:
        print("Qt has no ico writer here: hiplog.ico not written", file=sys.stderr)
    if "icns" in supported:
        write(images[512], ICONS / "hiplog.icns", "icns")
    else:
        print("Qt has no icns writer here: hiplog.icns not written", file=sys.stderr)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

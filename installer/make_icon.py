"""Draw Mailstage's icon with Qt and write it as a multi-size Windows .ico plus a 256 px .png.

python installer/make_icon.py            # writes resources/icons/mailstage.ico and mailstage.png

The results are committed, so a build does not depend on drawing; run this again only to change the
icon. Qt's own ICO writer stores a single image, so the container is written here: small sizes as
32-bit DIBs (what every Windows shell, NSIS and the PyInstaller bootloader read), 64 px and up as PNG (the
Vista+ convention that keeps the file small).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
# Sizes at or above this are stored PNG-compressed inside the .ico.
PNG_FROM = 64


def draw(size: int) -> QImage:
    """The icon at SIZE x SIZE: a blue tile, a white envelope, an orange arrow (mail moving on)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = float(size)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    tile = QPainterPath()
    margin = s * 0.03
    tile.addRoundedRect(QRectF(margin, margin, s - 2 * margin, s - 2 * margin), s * 0.18, s * 0.18)
    painter.fillPath(tile, QColor("#1f5fa8"))

    # The envelope: a white body and the flap drawn as two strokes.
    body = QRectF(s * 0.14, s * 0.28, s * 0.56, s * 0.42)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(body, s * 0.04, s * 0.04)
    flap_pen = QPen(QColor("#1f5fa8"), max(1.0, s * 0.045))
    flap_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    flap_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(flap_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = s * 0.05
    painter.drawPolyline(
        QPolygonF(
            [
                QPointF(body.left() + inset, body.top() + inset),
                QPointF(body.center().x(), body.top() + body.height() * 0.55),
                QPointF(body.right() - inset, body.top() + inset),
            ]
        )
    )

    # The arrow, lower right, overlapping the envelope's corner.
    arrow = QPainterPath()
    cx, cy = s * 0.72, s * 0.70
    arrow.moveTo(cx - s * 0.16, cy - s * 0.06)
    arrow.lineTo(cx + s * 0.02, cy - s * 0.06)
    arrow.lineTo(cx + s * 0.02, cy - s * 0.15)
    arrow.lineTo(cx + s * 0.20, cy + s * 0.02)
    arrow.lineTo(cx + s * 0.02, cy + s * 0.19)
    arrow.lineTo(cx + s * 0.02, cy + s * 0.10)
    arrow.lineTo(cx - s * 0.16, cy + s * 0.10)
    arrow.closeSubpath()
    painter.setPen(QPen(QColor("#1f5fa8"), max(1.0, s * 0.03)))
    painter.setBrush(QColor("#f39c12"))
    painter.drawPath(arrow)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An ICO image entry as a DIB: BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit AND mask."""
    from PySide6.QtGui import QImage

    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    # ICO stores twice the height: the colour rows plus the mask rows.
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    stride = argb.bytesPerLine()
    raw = bytes(argb.constBits())
    rows = [raw[y * stride : y * stride + size * 4] for y in range(size)]
    # Format_ARGB32 is 0xAARRGGBB per pixel, i.e. B,G,R,A in memory on little-endian: what a DIB wants.
    if sys.byteorder != "little":
        raise RuntimeError("writing .ico entries assumes a little-endian machine")
    colour = b"".join(reversed(rows))
    mask_stride = ((size + 31) // 32) * 4
    mask_rows = []
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:  # fully transparent: mask bit set
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    return header + colour + b"".join(mask_rows)


def ico_bytes(images: list[QImage]) -> bytes:
    """The .ico container (ICONDIR, one ICONDIRENTRY per image, then the image data)."""
    entries = []
    for image in images:
        size = image.width()
        data = png_bytes(image) if size >= PNG_FROM else dib_bytes(image)
        entries.append((size, data))
    out = bytearray(struct.pack("<HHH", 0, 1, len(entries)))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for _, data in entries:
        out += data
    return bytes(out)


def write_icons(folder: Path = ICON_DIR) -> tuple[Path, Path]:
    """Draw every size and write mailstage.ico and mailstage.png into FOLDER."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    images = [draw(size) for size in SIZES]
    folder.mkdir(parents=True, exist_ok=True)
    ico = folder / "mailstage.ico"
    png = folder / "mailstage.png"
    ico.write_bytes(ico_bytes(images))
    png.write_bytes(png_bytes(images[-1]))
    del app
    return ico, png


if __name__ == "__main__":
    for path in write_icons():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")

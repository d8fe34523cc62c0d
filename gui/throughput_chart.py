"""A small live chart of the copy speed (bytes per second over the last minutes), drawn with QPainter.

No QtCharts add-on: it needs the big PySide6-Addons wheel for one line graph. Colours come from the
palette, so the chart reads in dark mode too.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.labels import rate


class ThroughputChart(QWidget):
    """Keeps the last `capacity` samples (one per refresh) and draws them as a filled line."""

    def __init__(self, parent: QWidget | None = None, *, capacity: int = 120) -> None:
        super().__init__(parent)
        self.setObjectName("throughputChart")
        self.setAccessibleName(self.tr("Copy speed over the last minutes"))
        self.samples: deque[float] = deque(maxlen=capacity)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(56)

    def sizeHint(self) -> QSize:
        return QSize(240, 64)

    def add_sample(self, bytes_per_second: float) -> None:
        self.samples.append(max(0.0, bytes_per_second))
        self.setAccessibleDescription(rate(bytes_per_second))
        self.update()

    def clear(self) -> None:
        self.samples.clear()
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            # Ended here, not whenever Python collects it: Qt's backing store needs it finished.
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRect(frame)
        if not self.samples:
            return
        top = max(max(self.samples), 1.0)
        area = frame.adjusted(2, 14, -2, -2)
        capacity = self.samples.maxlen or len(self.samples)
        step = area.width() / max(capacity - 1, 1)
        start_x = area.right() - step * (len(self.samples) - 1)
        points = [
            QPointF(start_x + i * step, area.bottom() - (value / top) * area.height())
            for i, value in enumerate(self.samples)
        ]
        line = QPainterPath(points[0])
        for point in points[1:]:
            line.lineTo(point)
        fill = QPainterPath(line)
        fill.lineTo(points[-1].x(), area.bottom())
        fill.lineTo(points[0].x(), area.bottom())
        fill.closeSubpath()
        accent = palette.color(QPalette.ColorRole.Highlight)
        shade = QColor(accent)
        shade.setAlpha(60)
        painter.fillPath(fill, shade)
        painter.setPen(QPen(accent, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(line)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            frame.adjusted(4, 1, -4, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            self.tr("now {rate}, peak {peak}").format(rate=rate(self.samples[-1]), peak=rate(top)),
        )

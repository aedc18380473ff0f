"""A document's pages one below the other, drawn from what the renderer delivers.

Only the pages in view (and one either side) are asked for, at the zoom shown times the
screen's pixel ratio (sharp at 200 %); a page not yet rendered shows a rendering of it
at another zoom, scaled, or a blank page with its number. Search hits are boxes drawn
over the page. Keys: Page Down / Page Up go to the next / previous page, Home / End to
the first / last, the arrows scroll, Ctrl + plus / minus zoom, Ctrl + 0 fits the width.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from alliance_review.gui.contrast import tone
from alliance_review.gui.documents.renderer import Renderer, scale_key

GAP = 10  # pixels between pages and around them
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0)
Box = tuple[float, float, float, float]


class PageView(QAbstractScrollArea):
    #: the page in view changed (index from 0); the zoom changed (factor, fitting width)
    page_changed = Signal(int)
    zoom_changed = Signal(float, bool)

    def __init__(self, renderer: Renderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.sha = ""
        self.sizes: list[tuple[float, float]] = []
        self.fit_width = True
        self.factor = 1.0  # pixels per point when not fitting the width
        self.tops: list[int] = []  # where each page starts (pixels from the top)
        self.boxes: dict[int, list[Box]] = {}  # search hits per page
        self.current_box: tuple[int, int] | None = None  # (page, box index)
        self.messages: dict[int, str] = {}  # pages that could not be shown
        self._page = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(True)
        self._request = QTimer(self)
        self._request.setSingleShot(True)
        self._request.setInterval(0)
        self._request.timeout.connect(self.request_visible)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _: self.viewport().update())
        renderer.rendered.connect(self._rendered)
        renderer.page_failed.connect(self._page_failed)
        self._paint_background()

    def _paint_background(self) -> None:
        palette = self.viewport().palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(tone("#e6e8eb", "#202020")))
        self.viewport().setPalette(palette)

    # showing ---------------------------------------------------------------------------
    def show_document(self, sha: str, sizes: list[tuple[float, float]]) -> None:
        self.sha, self.sizes = sha, sizes
        self.boxes, self.current_box, self.messages = {}, None, {}
        self._page = -1
        self._layout()
        self.verticalScrollBar().setValue(0)
        self._scrolled()

    def clear(self) -> None:
        self.show_document("", [])

    def scale(self) -> float:
        """Pixels (logical) per point."""
        if not self.sizes:
            return 1.0
        if self.fit_width:
            widest = max(w for w, _ in self.sizes)
            room = self.viewport().width() - 2 * GAP
            return max(MIN_ZOOM, min(MAX_ZOOM, room / max(widest, 1.0)))
        return self.factor

    def _layout(self) -> None:
        scale = self.scale()
        self.tops = []
        y = GAP
        for _, height in self.sizes:
            self.tops.append(y)
            y += round(height * scale) + GAP
        total = y
        widest = round(max((w for w, _ in self.sizes), default=0) * scale) + 2 * GAP
        bar = self.verticalScrollBar()
        bar.setPageStep(max(1, self.viewport().height()))
        bar.setSingleStep(40)
        bar.setRange(0, max(0, total - self.viewport().height()))
        across = self.horizontalScrollBar()
        across.setPageStep(max(1, self.viewport().width()))
        across.setRange(0, max(0, widest - self.viewport().width()))
        self.viewport().update()
        self._request.start()
        if self.fit_width:  # the zoom follows the width
            self.zoom_changed.emit(scale, True)

    def page_rect(self, index: int) -> QRectF:
        """Where page ``index`` is drawn, in viewport coordinates."""
        scale = self.scale()
        width, height = self.sizes[index]
        span = round(width * scale)
        left = max(GAP, (self.viewport().width() - span) // 2) - self.horizontalScrollBar().value()
        top = self.tops[index] - self.verticalScrollBar().value()
        return QRectF(left, top, span, round(height * scale))

    def visible_pages(self) -> list[int]:
        if not self.tops:
            return []
        top = self.verticalScrollBar().value()
        first = max(0, bisect.bisect_right(self.tops, top) - 1)
        bottom = top + self.viewport().height()
        last = max(first, bisect.bisect_left(self.tops, bottom) - 1)
        return list(range(first, min(last, len(self.tops) - 1) + 1))

    def current_page(self) -> int:
        """The page in view: the one at a third of the view's height."""
        if not self.tops:
            return 0
        mark = self.verticalScrollBar().value() + self.viewport().height() // 3
        return max(0, min(len(self.tops) - 1, bisect.bisect_right(self.tops, mark) - 1))

    def go_to(self, index: int, at: float = 0.0) -> None:
        """Show page ``index`` from its top (or ``at`` points below it)."""
        if not self.tops:
            return
        index = max(0, min(len(self.tops) - 1, index))
        self.verticalScrollBar().setValue(self.tops[index] - GAP + round(at * self.scale()))
        self._scrolled()

    def render_scale(self) -> float:
        return self.scale() * self.devicePixelRatioF()

    def request_visible(self) -> None:
        if not self.sha:
            return
        shown = self.visible_pages()
        around = (
            [p for p in (shown[0] - 1, shown[-1] + 1) if 0 <= p < len(self.sizes)] if shown else []
        )
        scale = self.render_scale()
        self.renderer.want([(self.sha, p, scale) for p in shown + around])

    def _scrolled(self) -> None:
        self.viewport().update()
        self._request.start()
        page = self.current_page()
        if page != self._page and self.sizes:
            self._page = page
            self.page_changed.emit(page)

    def _rendered(self, sha: str, page: int, key: int, _image: object) -> None:
        if sha == self.sha and page in self.visible_pages():
            self.viewport().update()

    def _page_failed(self, sha: str, page: int, message: str) -> None:
        if sha == self.sha:
            self.messages[page] = message
            self.viewport().update()

    # zoom ----------------------------------------------------------------------------------
    def set_zoom(self, factor: float | None) -> None:
        """A zoom factor (1.0 = 100 %: a point is a pixel), or None to fit the width."""
        keep = self.current_page()
        if factor is None:
            self.fit_width = True
        else:
            self.fit_width = False
            self.factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        self._layout()
        self.go_to(keep)
        self.zoom_changed.emit(self.scale(), self.fit_width)

    def zoom_by(self, steps: int) -> None:
        now = self.scale()
        if steps > 0:
            bigger = [z for z in ZOOM_STEPS if z > now + 0.005]
            self.set_zoom(bigger[0] if bigger else MAX_ZOOM)
        else:
            smaller = [z for z in ZOOM_STEPS if z < now - 0.005]
            self.set_zoom(smaller[-1] if smaller else MIN_ZOOM)

    # search hits -------------------------------------------------------------------------
    def set_boxes(self, page: int, boxes: list[Box]) -> None:
        self.boxes[page] = boxes
        self.viewport().update()

    def clear_boxes(self) -> None:
        self.boxes, self.current_box = {}, None
        self.viewport().update()

    def show_box(self, page: int, index: int) -> None:
        """Mark hit ``index`` of ``page`` as the current one and bring it into view."""
        self.current_box = (page, index)
        boxes = self.boxes.get(page, [])
        if 0 <= index < len(boxes):
            _, top, _, bottom = boxes[index]
            rect = self.page_rect(page)
            y = rect.top() + top * self.scale()
            if not (0 <= y and y + (bottom - top) * self.scale() <= self.viewport().height()):
                self.go_to(page, max(0.0, top - 60))
        elif page not in self.visible_pages():
            self.go_to(page)
        self.viewport().update()

    # Qt --------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        key = scale_key(self.render_scale())
        for page in self.visible_pages():
            rect = self.page_rect(page)
            painter.fillRect(rect.adjusted(1, 1, 1, 1), QColor(0, 0, 0, 40))
            painter.fillRect(rect, QColor("#ffffff"))
            image = self.renderer.cache.get((self.sha, page, key))
            if image is None:
                image = self.renderer.cache.any_scale(self.sha, page)
            if image is not None:
                painter.drawImage(rect, image)
            else:
                painter.setPen(QColor("#9aa0a6"))
                text = self.messages.get(page) or str(page + 1)
                painter.drawText(
                    rect.adjusted(20, 20, -20, -20),
                    int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                    text,
                )
            self._paint_boxes(painter, page, rect)
        painter.end()

    def _paint_boxes(self, painter: QPainter, page: int, rect: QRectF) -> None:
        scale = self.scale()
        for number, (left, top, right, bottom) in enumerate(self.boxes.get(page, [])):
            current = self.current_box == (page, number)
            colour = QColor(255, 140, 0, 120) if current else QColor(255, 220, 0, 110)
            box = QRectF(
                rect.topLeft() + QPointF(left * scale, top * scale),
                QPointF(rect.left() + right * scale, rect.top() + bottom * scale),
            )
            painter.fillRect(box.adjusted(-1, -1, 1, 1), colour)

    def resizeEvent(self, event: QResizeEvent) -> None:
        keep = self.current_page() if self.tops else 0
        super().resizeEvent(event)
        if self.sizes:
            self._layout()
            if self.fit_width:
                self.go_to(keep)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_PageDown and not ctrl:
            self.go_to(self.current_page() + 1)
        elif key == Qt.Key.Key_PageUp and not ctrl:
            page = self.current_page()
            at_top = (
                self.verticalScrollBar().value() <= self.tops[page] - GAP if self.tops else True
            )
            self.go_to(page - 1 if at_top else page)
        elif key == Qt.Key.Key_Home and not ctrl:
            self.go_to(0)
        elif key == Qt.Key.Key_End and not ctrl:
            self.go_to(len(self.sizes) - 1)
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_by(-1)
        elif ctrl and key == Qt.Key.Key_0:
            self.set_zoom(None)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Ctrl + PgDown / PgUp are the workspace's (next / previous alliance)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if ctrl and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus,
                                        Qt.Key.Key_0):  # fmt: skip
                event.accept()
                return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1 if event.angleDelta().y() > 0 else -1)
            return
        super().wheelEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_background()
        super().changeEvent(event)

"""A page-by-page preview of a PDF, rendered to images (see ``services.page_images``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alliance_review.services.page_images import page_count, page_png


class PagePreview(QWidget):
    """Shows one page of a PDF at a time, with previous / next and a page number box."""

    DPI = 80

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: Path | None = None
        self.pages = 0
        self.previous_button = QPushButton()
        self.next_button = QPushButton()
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.count_label = QLabel()
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setStyleSheet("background: #808080; padding: 12px;")
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_box)
        bar.addWidget(self.count_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.previous_button.clicked.connect(
            lambda: self.page_box.setValue(self.page_box.value() - 1)
        )
        self.next_button.clicked.connect(lambda: self.page_box.setValue(self.page_box.value() + 1))
        self.page_box.valueChanged.connect(self.show_page)
        self.retranslate()
        self.set_pdf(None)

    def retranslate(self) -> None:
        self.page_box.setAccessibleName(self.tr("Page"))
        self.previous_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.update_count()
        if self.pdf is None:
            self.image.setText(self.tr("No preview yet: press Preview."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_count(self) -> None:
        self.count_label.setText(self.tr("of %n page(s)", "", self.pages))

    def set_pdf(self, pdf: Path | None) -> None:
        self.pdf = pdf
        self.pages = page_count(pdf) if pdf is not None else 0
        self.page_box.blockSignals(True)
        self.page_box.setMaximum(max(self.pages, 1))
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        for widget in (self.page_box, self.previous_button, self.next_button):
            widget.setEnabled(self.pages > 1)
        self.update_count()
        if pdf is None:
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("No preview yet: press Preview."))
        else:
            self.show_page(1)

    def show_page(self, number: int) -> None:
        if self.pdf is None or not 1 <= number <= self.pages:
            return
        pixmap = QPixmap()
        pixmap.loadFromData(page_png(self.pdf, number - 1, self.DPI), "PNG")
        self.image.setPixmap(pixmap)
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < self.pages)

    def current_pixmap(self) -> QPixmap:
        return self.image.pixmap()

"""The media strip: thumbnails with a provenance badge, and a details pane for the selected file.

It only renders what the engine read (`MediaFacts`) and the thumbnails a worker produced; adding,
removing and reading files is the window's job.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.gui import theme
from app.gui.texts import lang, t
from checks.geo.gazetteer import media_place
from checks.model import MediaFacts

THUMB = 128


@dataclass(frozen=True)
class MediaEntry:
    name: str  # as the draft names it
    facts: MediaFacts | None = None  # None while being read
    thumb: QImage | None = None


def badge_pixmap(entry: MediaEntry, dpr: float = 1.0) -> QPixmap:
    """Thumbnail centred on a square tile, with the provenance badge (icon + words) at the bottom."""
    size = int(THUMB * dpr)
    pm = QPixmap(size, size)
    pm.fill(QColor(0, 0, 0, 0))
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    facts = entry.facts
    if entry.thumb is not None and not entry.thumb.isNull():
        img = entry.thumb.scaled(
            size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        left, top = (size - img.width()) // 2, (size - img.height()) // 2
        p.drawImage(left, top, img)
        if facts is not None:
            _draw_text_boxes(p, facts, QRectF(left, top, img.width(), img.height()), dpr)
    else:
        p.fillRect(0, 0, size, size, QColor(128, 128, 128, 50))
        name = (
            "media-broken"
            if facts and facts.error
            else "media-video"
            if facts and facts.kind == "video"
            else ""
        )
        if name:
            theme.icon(name).paint(p, size // 3, size // 3, size // 3, size // 3)
    if facts is not None:
        prov = "unknown" if facts.error else str(facts.provenance)
        label = t("gui.media.unreadable") if facts.error else t(f"provenance.{prov}")
        h = int(22 * dpr)
        rect = QRectF(0, size - h, size, h)
        bg = QColor("#d1242f") if facts.error else theme.provenance_color(prov)
        bg.setAlpha(225)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(bg))
        p.drawRoundedRect(rect, 4 * dpr, 4 * dpr)
        theme.icon(f"provenance-{prov}").paint(
            p, int(3 * dpr), size - h + int(2 * dpr), h - int(4 * dpr), h - int(4 * dpr)
        )
        font = QFont()
        font.setPixelSize(int(12 * dpr))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(rect.adjusted(h + 2 * dpr, 0, -2 * dpr, 0), Qt.AlignmentFlag.AlignVCenter, label)
    if facts is not None and facts.kind == "video" and not facts.error:
        _video_badge(p, facts.duration, dpr)
    p.end()
    pm.setDevicePixelRatio(dpr)
    return pm


def duration_text(seconds: float | None) -> str:
    """0:07, 1:05, 1:02:03 — how players show a clip's length."""
    if not seconds or seconds <= 0:
        return ""
    total = round(seconds)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _video_badge(p: QPainter, duration: float | None, dpr: float) -> None:
    """A play triangle and the clip's length in the top-left corner, as video players mark clips."""
    text = duration_text(duration)
    font = QFont()
    font.setPixelSize(int(12 * dpr))
    font.setBold(True)
    p.setFont(font)
    h = int(20 * dpr)
    w = int(h + (p.fontMetrics().horizontalAdvance(text) + 6 * dpr if text else 0))
    rect = QRectF(4 * dpr, 4 * dpr, w, h)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor(0, 0, 0, 170)))
    p.drawRoundedRect(rect, 4 * dpr, 4 * dpr)
    tri = QPolygonF(
        [
            QPointF(rect.left() + 6 * dpr, rect.top() + 5 * dpr),
            QPointF(rect.left() + 6 * dpr, rect.bottom() - 5 * dpr),
            QPointF(rect.left() + h - 5 * dpr, rect.center().y()),
        ]
    )
    p.setBrush(QBrush(QColor("white")))
    p.drawPolygon(tri)
    if text:
        p.setPen(QColor("white"))
        p.drawText(rect.adjusted(h, 0, -3 * dpr, 0), Qt.AlignmentFlag.AlignVCenter, text)


def _draw_text_boxes(p: QPainter, facts: MediaFacts, area: QRectF, dpr: float) -> None:
    """Outline where text was read on the picture (or the video's first frame)."""
    from checks.media.marks import frame_size

    size = frame_size(facts)
    if not size:
        return
    sx, sy = area.width() / size[0], area.height() / size[1]
    p.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(QColor(255, 200, 0, 230))
    pen.setWidthF(2 * dpr)
    p.setPen(pen)
    for line in facts.text:
        if line.source != "ocr" or (line.frame_s or 0.0) > 0.05:
            continue
        x0, y0, x1, y1 = line.box
        p.drawRect(QRectF(area.left() + x0 * sx, area.top() + y0 * sy, (x1 - x0) * sx, (y1 - y0) * sy))


def details_html(facts: MediaFacts | None, name: str) -> str:
    """The details pane: capture time, place, device, software, AI evidence and C2PA state."""
    e = html.escape
    if facts is None:
        return f"<b>{e(name)}</b><p>{e(t('gui.media.reading'))}</p>"
    rows: list[tuple[str, str]] = []
    if facts.error:
        rows.append((t("gui.media.error"), facts.error))
    rows.append((t("gui.media.provenance"), t(f"provenance.{facts.provenance}")))
    dims = f"{facts.width}×{facts.height}" if facts.width and facts.height else ""
    kind = t(f"gui.media.kind_{facts.kind}") + (f" · {facts.format.upper()}" if facts.format else "")
    rows.append((t("gui.media.kind"), " · ".join(x for x in (kind, dims) if x)))
    if facts.duration:
        rows.append((t("gui.media.duration"), f"{facts.duration:.1f} s"))
    none = t("gui.media.none")
    when = facts.capture_time.strftime("%Y-%m-%d %H:%M:%S %z").strip() if facts.capture_time else none
    if facts.capture_time_source:
        when += f"  ({facts.capture_time_source})"
    rows.append((t("gui.media.capture_time"), when))
    place = media_place(facts, lang()) or ""
    if facts.gps:
        place = f"{place} ({facts.gps.lat:.5f}, {facts.gps.lon:.5f})".strip()
    rows.append((t("gui.media.place"), place or none))
    rows.append((t("gui.media.device"), facts.device or none))
    rows.append((t("gui.media.software"), facts.software or none))
    ai = [f"{ev.where}: {ev.detail}".strip(": ") for ev in facts.ai_evidence]
    if facts.aigc_label:
        ai.append(t("gui.media.aigc_label", label=facts.aigc_label.label, where=facts.aigc_label.where))
    rows.append((t("gui.media.ai_evidence"), "\n".join(ai) or none))
    shown = list(dict.fromkeys(line.text for line in facts.text))
    if shown:
        rows.append((t("gui.media.text"), "\n".join(shown[:12])))
    c2pa = facts.c2pa
    if c2pa and c2pa.present:
        state = c2pa.validation_state or "?"
        extra = ", ".join(c2pa.codes[:3])
        gen = c2pa.claim_generator or ""
        rows.append(("C2PA", " · ".join(x for x in (state, gen, extra) if x)))
    else:
        rows.append(("C2PA", t("gui.media.c2pa_none")))
    body = "".join(
        f"<tr><td style='padding-right:10px;vertical-align:top'><b>{e(k)}</b></td><td>{e(v).replace(chr(10), '<br>')}</td></tr>"
        for k, v in rows
    )
    return f"<p><b>{e(name)}</b></p><table>{body}</table>"


class MediaStrip(QWidget):
    selected = Signal(int)
    add_requested = Signal()
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)  # a grid that grows with the window, not one row of three
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 24, THUMB + 40))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setWordWrap(False)
        self.list.setMinimumHeight(THUMB // 2 + 40)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.list, 1)
        ll.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.details)
        split.setStretchFactor(0, 1)  # the grid takes what the window gives; details stay readable
        split.setStretchFactor(1, 0)
        split.setSizes([600, 240])
        self.details.setMinimumSize(180, 40)
        self.split = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.entries: list[MediaEntry] = []
        self.list.currentRowChanged.connect(self._on_row)
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.list.currentRow()))
        self.retranslate()

    def resizeEvent(self, event: object) -> None:
        """Details beside the grid when there is room, below it otherwise: the grid keeps its width."""
        wide = self.width() >= 260 + 5 * (THUMB + 24)  # five tiles a row beside the details
        want = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.split.orientation() != want:
            self.split.setOrientation(want)
            self.split.setSizes([600, 260] if wide else [300, 120])
        super().resizeEvent(event)  # type: ignore[arg-type]

    def set_entries(self, entries: Sequence[MediaEntry]) -> None:
        row = self.list.currentRow()
        self.entries = list(entries)
        self.list.blockSignals(True)
        self.list.clear()
        dpr = self.devicePixelRatioF()
        for entry in self.entries:
            item = QListWidgetItem(QIcon(badge_pixmap(entry, dpr)), entry.name.rsplit("/", 1)[-1])
            item.setToolTip(entry.name)
            prov = entry.facts.provenance if entry.facts else "…"
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{entry.name}: {t(f'provenance.{prov}')}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.entries:
            self.list.setCurrentRow(min(max(row, 0), len(self.entries) - 1))
            self._on_row(self.list.currentRow())
        else:
            self.details.setHtml(f"<p>{t('gui.media.empty')}</p>")
        self.remove_button.setEnabled(bool(self.entries))

    def update_entry(self, index: int, entry: MediaEntry) -> None:
        """Redraw one tile (a thumbnail arrived) without rebuilding the strip."""
        if 0 <= index < len(self.entries):
            self.entries[index] = entry
            self.list.item(index).setIcon(QIcon(badge_pixmap(entry, self.devicePixelRatioF())))

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            entry = self.entries[row]
            self.details.setHtml(details_html(entry.facts, entry.name))
            self.selected.emit(row)

    def select(self, index: int) -> None:
        if 0 <= index < self.list.count():
            self.list.setCurrentRow(index)

    def retranslate(self) -> None:
        self.add_button.setText(t("gui.media.add"))
        self.remove_button.setText(t("gui.media.remove"))
        self.list.setAccessibleName(t("gui.media.strip"))
        self.details.setAccessibleName(t("gui.media.details"))
        self.set_entries(self.entries)

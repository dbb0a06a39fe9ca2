"""Settings: language, default platform, output folder, reading text in media, and the rule packs page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui import theme
from app.gui.packs_page import PacksPage
from app.gui.texts import lang, t, translate_buttons
from checks.model import PLATFORMS
from checks.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        from checks.platforms import platform_name

        self.setWindowTitle(t("gui.settings.title"))
        self.lang = QComboBox()
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(1 if (settings.lang or lang()) == "en" else 0)
        self.lang.setAccessibleName(t("gui.settings.lang"))
        self.platform = QComboBox()
        for p in PLATFORMS:
            self.platform.addItem(
                platform_name(p, lang()) if p != "generic" else t("gui.platform.generic"), p
            )
        self.platform.setCurrentIndex(
            PLATFORMS.index(settings.platform) if settings.platform in PLATFORMS else 0
        )
        self.platform.setAccessibleName(t("gui.settings.platform"))
        self.output = QLineEdit(settings.output_dir)
        self.output.setPlaceholderText(t("gui.settings.output_ask"))
        self.output.setAccessibleName(t("gui.settings.output"))
        browse = QPushButton(t("gui.settings.browse"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.ocr = QCheckBox(t("gui.settings.ocr"))
        self.ocr.setStyleSheet(theme.checkbox_css())
        self.ocr.setChecked(settings.ocr)
        self.ocr.setAccessibleName(t("gui.settings.ocr"))
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(t("gui.settings.lang"), self.lang)
        form.addRow(t("gui.settings.platform"), self.platform)
        form.addRow(t("gui.settings.output"), out_row)
        form.addRow("", self.ocr)
        self.packs_page = PacksPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(general, t("gui.settings.general"))
        self.tabs.addTab(self.packs_page, t("gui.settings.packs"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        translate_buttons(buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(buttons)
        self.resize(720, 440)

    @property
    def packs_changed(self) -> bool:
        return self.packs_page.changed

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, t("gui.settings.output"), self.output.text())
        if name:
            self.output.setText(name)

    def apply(self, settings: Settings) -> None:
        settings.lang = self.lang.currentData()
        settings.platform = self.platform.currentData()
        settings.output_dir = self.output.text().strip()
        settings.ocr = self.ocr.isChecked()

"""The Packs page: installed rule packs with trust status and last update; add, remove, trust a key.

Everything goes through the pack store (checks.packs.store / trust), the same code the
`preflight pack` command uses, so a pack the GUI installs is verified exactly as on the CLI.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.texts import lang, t

# What the creator can do about a pack problem in this window (the CLI's advice names commands instead).
_ADVICE = {
    "unknown_key": "gui.packs.advice_unknown_key",
    "unsigned": "gui.packs.advice_unsigned",
    "expired": "gui.packs.advice_expired",
    "needs_newer_app": "gui.packs.advice_newer_app",
}


def error_message(exc: BaseException) -> str:
    """A pack error in the UI language, without command-line hints, plus what to do here."""
    from checks.packs import PackError

    if not isinstance(exc, PackError):
        return str(exc)
    text = exc.text(lang(), cli=False)
    advice = _ADVICE.get(exc.kind)
    return f"{text}\n\n{t(advice)}" if advice else text


class PacksPage(QWidget):
    COLUMNS = ("id", "version", "publisher", "status", "updated", "source")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.changed = False
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([t(f"gui.packs.col_{c}") for c in self.COLUMNS])
        self.list.setAccessibleName(t("gui.packs.list"))
        self.add_button = QPushButton(t("gui.packs.add"))
        self.remove_button = QPushButton(t("gui.packs.remove"))
        self.key_button = QPushButton(t("gui.packs.trust_key"))
        self.keys = QLabel()
        self.keys.setWordWrap(True)
        row = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.key_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        hint = QLabel(t("gui.packs.hint"))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.list, 1)
        lay.addLayout(row)
        lay.addWidget(self.keys)
        self.add_button.clicked.connect(self.add_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.key_button.clicked.connect(self.trust_key_dialog)
        self.store = _import("checks.packs.store")
        self.trust = _import("checks.packs.trust")
        if self.store is None:
            for b in (self.add_button, self.remove_button, self.key_button):
                b.setEnabled(False)
                b.setToolTip(t("gui.status.not_available"))
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        try:
            from checks.packs import core_pack

            info = core_pack().info
            publisher = "Preflight" if info.publisher == "preflight" else info.publisher
            core = QTreeWidgetItem([info.id, info.version, publisher, t("gui.packs.builtin"), "", ""])
        except Exception as exc:  # a damaged installation: say so on the page, do not fail the dialog
            core = QTreeWidgetItem(["core", "", "", error_message(exc), "", ""])
        core.setData(0, Qt.ItemDataRole.UserRole, "builtin")
        self.list.addTopLevelItem(core)
        if self.store is not None:
            for p in self.store.list_installed():
                problem = error_message(p.error) if p.error is not None else (p.problem or "")
                status = t("gui.packs.trusted") if p.trusted else t("gui.packs.untrusted", problem=problem)
                source = p.source if "://" in p.source else (Path(p.source).name or p.source)
                item = QTreeWidgetItem([p.id, p.version, p.publisher, status, local_time(p.last_update), source])
                item.setToolTip(3, problem or (p.key_id or ""))
                item.setToolTip(5, p.source)
                self.list.addTopLevelItem(item)
        for i in range(len(self.COLUMNS)):
            self.list.resizeColumnToContents(i)
        if self.trust is not None:
            keys = self.trust.trusted_keys()
            names = ", ".join(f"{k.name} ({k.key_id})" for k in keys) or t("gui.packs.no_keys")
            self.keys.setText(t("gui.packs.keys", keys=names))

    def add_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, t("gui.packs.add"), "", t("gui.packs.filter"))
        if name:
            self.install(name)

    def install(self, path: str) -> bool:
        """Install a pack zip, or the folder of a chosen pack.toml, through the verifying store."""
        if Path(path).name == "pack.toml":
            path = str(Path(path).parent)
        try:
            pack = self.store.install(path)
        except Exception as exc:  # PackError: unsigned, tampered, expired… in the UI language
            QMessageBox.warning(self, t("gui.packs.error_title"), error_message(exc))
            return False
        self.changed = True
        self.refresh()
        QMessageBox.information(
            self, t("gui.packs.added_title"), t("gui.packs.added", id=pack.id, version=pack.version)
        )
        return True

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            QMessageBox.information(self, t("gui.packs.remove_title"), t("gui.packs.select_first"))
            return
        try:
            if item.data(0, Qt.ItemDataRole.UserRole) == "builtin":
                from checks.packs.errors import pack_error

                raise pack_error("builtin")
            self.store.remove(item.text(0))
        except Exception as exc:
            QMessageBox.warning(self, t("gui.packs.remove_error_title"), error_message(exc))
            return
        self.changed = True
        self.refresh()

    def trust_key_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, t("gui.packs.trust_key"), "", t("gui.packs.filter_key"))
        if not name:
            return
        try:
            self.trust.add_key(name)
        except Exception as exc:
            QMessageBox.warning(self, t("gui.packs.key_error_title"), error_message(exc))
            return
        self.changed = True
        self.refresh()


def local_time(stamp: str) -> str:
    """The store's UTC ISO time as the creator's local "2026-12-04 21:38" (the raw text if unparsable)."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return stamp


def _import(module: str):
    try:
        from importlib import import_module

        return import_module(module)
    except Exception:
        return None

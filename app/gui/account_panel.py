"""The account being checked, shown and edited in the main window.

The account is the draft's own (name, bio, MCN, credentials): the rules about names, bios and
credentials are about it, so it is edited where the post is. The stored profile is only the
default a new draft starts with ("Save as my default" writes it; nothing here claims the command
line reads it). Each finished edit is one undo step of the session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.gui import theme
from app.gui.texts import t
from checks.model import Account


class AccountPanel(QGroupBox):
    account_edited = Signal(object)  # Account
    save_default = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._account = Account()
        self.name = QLineEdit()
        self.bio = QLineEdit()
        self.mcn = QLineEdit()
        self.mcn_displayed = QCheckBox()
        self.mcn_displayed.setStyleSheet(theme.checkbox_css())  # a visible box on a dark palette too
        self.credentials = QLabel()
        self.credentials.setWordWrap(True)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: palette(placeholder-text)")
        self.cred_button = QPushButton()
        self.cred_button.setObjectName("edits")
        self.default_button = QPushButton()
        self.default_button.setObjectName("edits")
        self.labels = {k: QLabel() for k in ("name", "bio", "mcn")}
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.labels["name"], 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.labels["mcn"], 0, 2)
        grid.addWidget(self.mcn, 0, 3)
        grid.addWidget(self.labels["bio"], 1, 0)
        grid.addWidget(self.bio, 1, 1, 1, 3)
        grid.addWidget(self.mcn_displayed, 2, 0, 1, 2)
        grid.addWidget(self.credentials, 2, 2, 1, 2)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(self.cred_button)
        row.addWidget(self.default_button)
        grid.addLayout(row, 3, 0, 1, 4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        for key, widget in (("name", self.name), ("bio", self.bio), ("mcn", self.mcn)):
            self.labels[key].setBuddy(widget)
            widget.editingFinished.connect(self._commit)
        self.mcn_displayed.toggled.connect(self._commit)
        self.cred_button.clicked.connect(self.edit_credentials)
        self.default_button.clicked.connect(self.save_default)
        self._from_profile = False
        self.retranslate()

    def set_account(self, account: Account, *, from_profile: bool = False) -> None:
        self._account, self._from_profile = account, from_profile
        for widget, value in (
            (self.name, account.name),
            (self.bio, account.bio),
            (self.mcn, account.mcn or ""),
        ):
            if widget.text() != value:
                widget.blockSignals(True)
                widget.setText(value)
                widget.setCursorPosition(0)
                widget.blockSignals(False)
        self.mcn_displayed.blockSignals(True)
        self.mcn_displayed.setChecked(account.mcn_displayed)
        self.mcn_displayed.blockSignals(False)
        self._render()

    def account(self) -> Account:
        from dataclasses import replace

        return replace(
            self._account,
            name=self.name.text().strip(),
            bio=self.bio.text().strip(),
            mcn=self.mcn.text().strip() or None,
            mcn_displayed=self.mcn_displayed.isChecked(),
        )

    def _commit(self) -> None:
        new = self.account()
        if new != self._account:
            self._account = new
            self._from_profile = False
            self._render()
            self.account_edited.emit(new)

    def edit_credentials(self) -> None:
        from app.gui.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.account(), self, title=t("gui.account.title"), hint=t("gui.account.hint"))
        if dialog.exec():
            new = dialog.account()
            changed = new != self._account
            self.set_account(new)
            if changed:
                self.account_edited.emit(new)

    def focus_field(self, field: str) -> None:
        """Put the caret (no selection) in `field` so the creator can rewrite it."""
        widget = {"bio": self.bio, "mcn": self.mcn}.get(field, self.name)
        widget.setFocus()
        widget.deselect()
        widget.setCursorPosition(len(widget.text()))

    def _render(self) -> None:
        creds = self._account.credentials
        self.credentials.setText(
            t("gui.account.credentials", n=len(creds), list="、".join(c.title for c in creds if c.title))
            if creds
            else t("gui.account.no_credentials")
        )
        self.source.setText(t("gui.account.from_profile" if self._from_profile else "gui.account.own"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "mcn_displayed"):
            self.mcn_displayed.setStyleSheet(theme.checkbox_css())

    def retranslate(self) -> None:
        self.setTitle(t("gui.account.title"))
        for key, label in self.labels.items():
            label.setText(t(f"gui.profile.{key}"))
        for key, widget in (("name", self.name), ("bio", self.bio), ("mcn", self.mcn)):
            widget.setAccessibleName(t(f"gui.profile.{key}"))
        self.mcn_displayed.setText(t("gui.profile.mcn_displayed"))
        self.cred_button.setText(t("gui.account.edit_credentials"))
        self.default_button.setText(t("gui.account.save_default"))
        self.default_button.setToolTip(t("gui.account.save_default_tip"))
        self._render()

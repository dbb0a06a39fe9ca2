"""An account editor: the default profile (checks.settings.save_profile), or the credentials of
the draft's own account (opened from the account panel with its own title and hint).

A new draft starts with the profile as its account; a draft without its own [account] is
checked against it in this app.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.texts import t, translate_buttons
from checks.model import CREDENTIAL_FIELDS, Account, Credential

NO_EXPIRY = QDate(2000, 1, 1)  # the minimum date doubles as "no expiry" (shown as words)


class ProfileDialog(QDialog):
    COLUMNS = ("field", "title", "expires", "verified")

    def __init__(
        self,
        account: Account | None,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        hint: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title or t("gui.profile.title"))
        account = account or Account()
        self.name = QLineEdit(account.name)
        self.bio = QPlainTextEdit(account.bio)
        self.bio.setTabChangesFocus(True)
        self.bio.setMaximumHeight(80)
        self.mcn = QLineEdit(account.mcn or "")
        self.mcn_displayed = QCheckBox(t("gui.profile.mcn_displayed"))
        self.mcn_displayed.setChecked(account.mcn_displayed)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([t(f"gui.profile.col_{c}") for c in self.COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for cred in account.credentials:
            self.add_credential(cred)
        add, remove = (
            QPushButton(t("gui.profile.add_credential")),
            QPushButton(t("gui.profile.remove_credential")),
        )
        add.clicked.connect(lambda: self.add_credential(None))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        form = QFormLayout()
        for key, widget in (("name", self.name), ("bio", self.bio), ("mcn", self.mcn)):
            label = QLabel(t(f"gui.profile.{key}"))
            label.setBuddy(widget)
            widget.setAccessibleName(t(f"gui.profile.{key}"))
            form.addRow(label, widget)
        form.addRow("", self.mcn_displayed)
        self.table.setAccessibleName(t("gui.profile.credentials"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        translate_buttons(buttons)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        hint = QLabel(hint or t("gui.profile.hint"))
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addLayout(form)
        lay.addWidget(QLabel(t("gui.profile.credentials")))
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.resize(640, 520)

    def add_credential(self, cred: Credential | None) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        combo = QComboBox()
        for fld in CREDENTIAL_FIELDS:
            combo.addItem(t(f"gui.field.{fld}"), fld)
        combo.setCurrentIndex(
            CREDENTIAL_FIELDS.index(cred.field) if cred and cred.field in CREDENTIAL_FIELDS else 0
        )
        combo.setAccessibleName(t("gui.profile.col_field"))
        title = QLineEdit(cred.title if cred else "")
        title.setAccessibleName(t("gui.profile.col_title"))
        expires = QDateEdit()
        expires.setCalendarPopup(True)
        expires.setDisplayFormat("yyyy-MM-dd")
        expires.setMinimumDate(NO_EXPIRY)
        expires.setMaximumDate(QDate(2100, 12, 31))
        expires.setSpecialValueText(t("gui.profile.no_expiry"))
        e = cred.expires if cred else None
        expires.setDate(QDate(e.year, e.month, e.day) if e else NO_EXPIRY)
        expires.setAccessibleName(t("gui.profile.col_expires"))
        verified = QCheckBox()
        verified.setChecked(bool(cred and cred.verified))
        verified.setAccessibleName(t("gui.profile.col_verified"))
        for col, w in enumerate((combo, title, expires, verified)):
            self.table.setCellWidget(r, col, w)
        self.table.setRowHeight(r, 34)

    def account(self) -> Account:
        creds = []
        for r in range(self.table.rowCount()):
            combo, title, expires, verified = (self.table.cellWidget(r, c) for c in range(4))
            d = expires.date()
            creds.append(
                Credential(
                    field=combo.currentData(),
                    title=title.text().strip(),
                    expires=None if d <= NO_EXPIRY else date(d.year(), d.month(), d.day()),
                    verified=verified.isChecked(),
                )
            )
        return Account(
            name=self.name.text().strip(),
            bio=self.bio.toPlainText().strip(),
            mcn=self.mcn.text().strip() or None,
            mcn_displayed=self.mcn_displayed.isChecked(),
            credentials=tuple(creds),
        )

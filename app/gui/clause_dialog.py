"""The text behind a clause id: the catalogue summary plus the article from the bundled notices.

Clause sources name an article ("…, art. 3" or "…, II(3)3"); the full English translations in
resources/rules/*.txt are searched for that article so the creator can read the actual wording.
"""

from __future__ import annotations

import html
import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.gui.texts import lang, t, translate_buttons
from checks import resources

_FILES = {
    "Notice on Strengthening the Management of Self-Media": "notice-2023-07-self-media",
    "Special Action on Rectifying Self-Media Disorder": "special-action-2023-03",
}


def article_passages(source: str) -> list[tuple[str, str]]:
    """(translation file, passage) pairs for the article a clause source names."""
    stem = next((v for k, v in _FILES.items() if source.startswith(k)), None)
    if stem is None:
        return []
    art = re.search(r"art\. (\d+)", source)
    sect = re.search(r"II\((\d+)\)(\d+)", source)
    out = []
    for file in sorted(resources.path("rules").glob(f"{stem}.*.txt")):
        lines = [ln.strip() for ln in file.read_text(encoding="utf-8").splitlines() if ln.strip()]
        passage = None
        if art:
            passage = next((ln for ln in lines if ln.startswith(f"{art.group(1)}. ")), None)
        elif sect:
            head = next((i for i, ln in enumerate(lines) if ln.startswith(f"({sect.group(1)})")), None)
            if head is not None:
                passage = next((ln for ln in lines[head + 1 :] if ln.startswith(f"{sect.group(2)}. ")), None)
        if passage:
            out.append((file.stem.rsplit(".", 1)[-1], passage))
    return out


def clause_html(clause_id: str) -> str:
    """The summary in the UI language first, labelled as ours; then source and the English translations.

    The Chinese UI also shows the English summary, labelled, so a creator can compare it with the
    translations below; nothing here is presented as the official Chinese text."""
    from checks.clauses import SUMMARY_LABEL, clauses

    e = html.escape
    c = clauses().get(clause_id)
    if c is None:
        return f"<p>{e(t('gui.clause.unknown', id=clause_id))}</p>"
    summary = c.en if lang() == "en" else c.zh
    parts = [
        f"<h3>{e(clause_id)}</h3>",
        f"<p><b>{e(t(SUMMARY_LABEL))}</b></p>",
        f"<p style='font-size:large'>{e(summary)}</p>",
    ]
    if lang() != "en":
        parts.append(f"<p><b>{e(t('gui.clause.summary_en'))}</b><br>{e(c.en)}</p>")
    parts.append(f"<p><b>{e(t('gui.clause.source'))}</b> {e(c.source_in(lang()))}</p>")
    passages = article_passages(c.source)
    if passages:
        parts.append(f"<h4>{e(t('gui.clause.full_text'))}</h4>")
        for name, text in passages:
            letter = name.removeprefix("translation-").upper()  # file stem "…translation-a" → "A"
            parts.append(f"<p><i>{e(t('gui.clause.translation', name=letter))}</i><br>{e(text)}</p>")
    parts.append(f"<p style='color:gray'>{e(t('gui.clause.governs'))}</p>")
    return "".join(parts)


class ClauseDialog(QDialog):
    def __init__(self, clause_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(t("gui.clause.title", id=clause_id))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(t("gui.clause.title", id=clause_id))
        self.browser.setHtml(clause_html(clause_id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        translate_buttons(buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        if parent is not None:  # room for the summaries and the article on a large window
            self.resize(max(640, min(960, parent.width() // 2)), max(460, min(760, parent.height() * 2 // 3)))
        else:
            self.resize(640, 460)

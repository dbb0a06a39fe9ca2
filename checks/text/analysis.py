"""The shared text analysis (stub: replaced by the text-analysis work)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from checks.model import Draft


@dataclass(frozen=True)
class TextAnalysis:
    title: str
    text: str


def analyse(draft: Draft, packs: object, publish_at: datetime) -> TextAnalysis:
    return TextAnalysis(title=draft.title, text=draft.text)

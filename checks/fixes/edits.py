"""Typed edits: what a fix changes, as values instead of loose dicts (ruff's `Edit`).

A `Fix` keeps its JSON `payload` (the report contract, DESIGN.md "Report JSON"); `edit_of(fix)`
reads it into one of these frozen values so the planner and the front ends pattern-match on
types, and `to_json()` gives back exactly the payload the report carries. A payload that does not
fit its kind becomes `Manual` (shown, never applied) instead of an exception half-way through a fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checks.model import Fix, FixKind


@dataclass(frozen=True)
class InsertText:
    """Insert or replace text in the title or body."""

    text: str
    where: str = "text_end"  # title_prefix | text_start | text_end | replace
    target: str | None = None  # title | text; None = decided by `where`
    span: tuple[int, int] | None = None  # for `replace`: offsets into the target

    kind = FixKind.INSERT_TEXT

    @property
    def field(self) -> str:
        return self.target or ("title" if self.where == "title_prefix" else "text")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "where": self.where}
        if self.span is not None:
            out["span"] = list(self.span)
        if self.target is not None:
            out["target"] = self.target
        return out


@dataclass(frozen=True)
class Declare:
    """Tick a platform declaration toggle."""

    declaration: str
    platform: str | None = None
    wording: str | None = None

    kind = FixKind.DECLARE

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"declaration": self.declaration}
        if self.platform is not None:
            out["platform"] = self.platform
        if self.wording is not None:
            out["wording"] = self.wording
        return out


@dataclass(frozen=True)
class EditAccount:
    """Change one field of the draft's account (name, bio, mcn, mcn_displayed, credentials)."""

    field: str
    value: Any = None

    kind = FixKind.EDIT_ACCOUNT

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value}


@dataclass(frozen=True)
class ExportMedia:
    """Write a copy of media file `media` with a visible and/or implicit AI label."""

    media: int
    visible_label: str | None = None
    implicit_label: bool = False

    kind = FixKind.EXPORT_MEDIA

    def to_json(self) -> dict[str, Any]:
        return {
            "media": self.media,
            "visible_label": self.visible_label,
            "implicit_label": self.implicit_label,
        }


@dataclass(frozen=True)
class StripGps:
    """Write a copy of media file `media` without its GPS position."""

    media: int

    kind = FixKind.STRIP_GPS

    def to_json(self) -> dict[str, Any]:
        return {"media": self.media}


@dataclass(frozen=True)
class Manual:
    """Steps only the creator can do (a credential, a platform form): explained, never applied."""

    steps: tuple[str, ...] = ()
    raw: tuple[tuple[str, Any], ...] = ()  # a payload that did not fit its kind, kept for to_json

    kind = FixKind.MANUAL

    def to_json(self) -> dict[str, Any]:
        return dict(self.raw) if self.raw else {"steps": list(self.steps)}


Edit = InsertText | Declare | EditAccount | ExportMedia | StripGps | Manual
MEDIA_EDITS = (ExportMedia, StripGps)
DRAFT_EDITS = (InsertText, Declare, EditAccount)


def edit_of(fix: Fix) -> Edit:
    """The typed edit a fix's payload describes (a malformed payload becomes `Manual`)."""
    p = fix.payload
    try:
        if fix.kind == FixKind.INSERT_TEXT and isinstance(p.get("text"), str):
            span = p.get("span")
            return InsertText(
                p["text"],
                str(p.get("where", "text_end")),
                p.get("target"),
                (int(span[0]), int(span[1])) if isinstance(span, list | tuple) and len(span) == 2 else None,
            )
        if fix.kind == FixKind.DECLARE and isinstance(p.get("declaration"), str):
            return Declare(p["declaration"], p.get("platform"), p.get("wording"))
        if fix.kind == FixKind.EDIT_ACCOUNT and isinstance(p.get("field"), str):
            return EditAccount(p["field"], p.get("value"))
        if fix.kind == FixKind.EXPORT_MEDIA and _index(p.get("media")):
            return ExportMedia(p["media"], p.get("visible_label") or None, bool(p.get("implicit_label")))
        if fix.kind == FixKind.STRIP_GPS and _index(p.get("media")):
            return StripGps(p["media"])
    except (TypeError, ValueError):
        pass
    steps = p.get("steps") if fix.kind == FixKind.MANUAL else None
    if isinstance(steps, list):
        return Manual(tuple(str(s) for s in steps))
    return Manual((fix.title,), tuple(p.items()))


def _index(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0

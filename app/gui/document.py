"""The draft being edited, minus title and body (those live in the editor's undo-aware widgets).

`Document.draft(title, text)` builds the engine's `Draft`; a draft without its own account is
checked with the stored profile, as the CLI does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from checks.model import Account, Draft


@dataclass
class Document:
    path: Path | None = None
    platform: str = "generic"
    declarations: tuple[str, ...] = ()
    media: list[str] = field(default_factory=list)
    publish_at: datetime | None = None
    account: Account = field(default_factory=Account)
    account_ref: str | None = None

    @classmethod
    def from_draft(cls, draft: Draft) -> Document:
        return cls(
            path=draft.path,
            platform=draft.platform,
            declarations=tuple(draft.declarations),
            media=list(draft.media),
            publish_at=draft.publish_at,
            account=draft.account,
            account_ref=draft.account_ref,
        )

    @property
    def has_own_account(self) -> bool:
        return self.account_ref is not None or self.account != Account()

    def draft(self, title: str, text: str, profile: Account | None = None) -> Draft:
        account = self.account if self.has_own_account or profile is None else profile
        return Draft(
            title=title,
            text=text,
            platform=self.platform,
            declarations=self.declarations,
            media=tuple(self.media),
            publish_at=self.publish_at,
            account=account,
            account_ref=self.account_ref,
            path=self.path,
        )

    def for_saving(self, title: str, text: str, target: Path) -> Draft:
        """The draft as written to `target`: media under its folder become relative paths, and the
        profile is not copied in (it stays the user's, shared with the CLI)."""
        base = self.path.parent if self.path else Path.cwd()
        media = []
        for name in self.media:
            p = Path(name) if Path(name).is_absolute() else base / name
            try:
                rel = os.path.relpath(p.resolve(), target.resolve().parent)
                media.append(rel if not rel.startswith("..") else str(p.resolve()))
            except ValueError:  # another drive on Windows
                media.append(str(p))
        return self.draft(title, text).with_changes(
            media=tuple(Path(m).as_posix() for m in media), path=target
        )

    def media_path(self, index: int) -> Path:
        p = Path(self.media[index])
        if p.is_absolute():
            return p
        return (self.path.parent if self.path else Path.cwd()) / p

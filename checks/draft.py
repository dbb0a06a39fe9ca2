"""Reading and writing the draft file (DESIGN.md "Draft file").

Loading validates everything a rule will rely on and turns every problem into a `DraftError`
whose message is one line a creator can act on (file, line and column for TOML syntax errors).
Saving is atomic — temp file, fsync, rename — so a crash never leaves half a draft behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import tomli_w

from checks.model import CREDENTIAL_FIELDS, DECLARATIONS, PLATFORMS, Account, Credential, Draft

BEIJING = timezone(timedelta(hours=8), "CST")


class DraftError(Exception):
    """A draft (or account file) that cannot be used, with a one-line reason."""


def load_draft(path: str | os.PathLike[str]) -> Draft:
    file = Path(path)
    data = _read_toml(file, "draft")
    if not data:
        raise DraftError(f"{file}: the draft is empty (it needs at least a title, text or media)")
    return draft_from_dict(data, file)


def _read_toml(file: Path, what: str) -> dict[str, Any]:
    if not file.exists():
        raise DraftError(f"{what} not found: {file}")
    if file.is_dir():
        raise DraftError(f"{what} is a folder, not a TOML file: {file}")
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise DraftError(f"cannot read {what} {file}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{file}: not UTF-8 text (byte {exc.start})") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        reason = msg[: m.start()].strip() if m else msg
        where = f"{file}:{m.group(1)}:{m.group(2)}" if m else str(file)
        raise DraftError(f"{where}: invalid TOML: {reason}") from exc


def _str(data: dict[str, Any], key: str, default: str = "", where: str = "draft") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise DraftError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    return value


def _str_list(data: dict[str, Any], key: str, where: str = "draft") -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DraftError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def as_aware(value: datetime | date) -> datetime:
    """TOML local datetimes and dates are read as Beijing time, the platforms' clock."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    return value if value.tzinfo else value.replace(tzinfo=BEIJING)


def draft_from_dict(data: dict[str, Any], file: Path | None = None) -> Draft:
    where = str(file) if file else "draft"
    platform = _str(data, "platform", "generic", where).strip().lower() or "generic"
    if platform not in PLATFORMS:
        raise DraftError(f"{where}: unknown platform '{platform}' (expected one of: {', '.join(PLATFORMS)})")
    declarations = _str_list(data, "declarations", where)
    unknown = [d for d in declarations if d not in DECLARATIONS]
    if unknown:
        raise DraftError(
            f"{where}: unknown declaration '{unknown[0]}' (expected one of: {', '.join(DECLARATIONS)})"
        )
    publish = data.get("publish_at")
    if publish is not None and not isinstance(publish, datetime | date):
        if isinstance(publish, str):
            try:
                publish = datetime.fromisoformat(publish)
            except ValueError as exc:
                raise DraftError(f"{where}: 'publish_at' is not a date-time: {publish!r}") from exc
        else:
            raise DraftError(f"{where}: 'publish_at' must be a TOML date-time like 2026-11-21T20:00:00+08:00")
    account_value = data.get("account")
    account_ref = None
    if isinstance(account_value, str):
        account_ref = account_value
        base = file.parent if file else Path.cwd()
        account_file = Path(account_value) if Path(account_value).is_absolute() else base / account_value
        account_data = _read_toml(account_file, "account file")
        account = account_from_dict(account_data.get("account", account_data), str(account_file))
    elif isinstance(account_value, dict):
        account = account_from_dict(account_value, f"{where} [account]")
    elif account_value is None:
        account = Account()
    else:
        raise DraftError(f"{where}: 'account' must be a file path or an [account] table")
    return Draft(
        title=_str(data, "title", "", where),
        text=_str(data, "text", "", where),
        platform=platform,
        declarations=declarations,
        media=_str_list(data, "media", where),
        publish_at=as_aware(publish) if publish is not None else None,
        account=account,
        account_ref=account_ref,
        path=file.resolve() if file else None,
    )


def account_from_dict(data: dict[str, Any], where: str = "account") -> Account:
    if not isinstance(data, dict):
        raise DraftError(f"{where}: must be a table")
    creds = []
    raw_creds = data.get("credentials", [])
    if not isinstance(raw_creds, list):
        raise DraftError(f"{where}: 'credentials' must be an array of tables ([[account.credentials]])")
    for i, c in enumerate(raw_creds, 1):
        if not isinstance(c, dict):
            raise DraftError(f"{where}: credential {i} must be a table")
        fld = str(c.get("field", "")).strip().lower()
        if fld not in CREDENTIAL_FIELDS:
            raise DraftError(
                f"{where}: credential {i} has field '{fld}' (expected one of: {', '.join(CREDENTIAL_FIELDS)})"
            )
        expires = c.get("expires")
        if isinstance(expires, datetime):
            expires = expires.date()
        elif isinstance(expires, str) and expires:
            try:
                expires = date.fromisoformat(expires)
            except ValueError as exc:
                raise DraftError(f"{where}: credential {i} 'expires' is not a date: {expires!r}") from exc
        elif expires is not None and not isinstance(expires, date):
            raise DraftError(f"{where}: credential {i} 'expires' must be a date like 2027-06-30")
        creds.append(
            Credential(
                field=fld,
                title=str(c.get("title", "")),
                expires=expires or None,
                verified=bool(c.get("verified", False)),
            )
        )
    mcn = data.get("mcn")
    return Account(
        name=_str(data, "name", "", where),
        bio=_str(data, "bio", "", where),
        mcn=str(mcn).strip() or None if mcn else None,
        mcn_displayed=bool(data.get("mcn_displayed", False)),
        credentials=tuple(creds),
    )


def account_to_dict(account: Account) -> dict[str, Any]:
    out: dict[str, Any] = {"name": account.name, "bio": account.bio}
    if account.mcn:
        out["mcn"] = account.mcn
    out["mcn_displayed"] = account.mcn_displayed
    if account.credentials:
        out["credentials"] = [
            {
                k: v
                for k, v in {
                    "field": c.field,
                    "title": c.title,
                    "expires": c.expires,
                    "verified": c.verified,
                }.items()
                if v is not None
            }
            for c in account.credentials
        ]
    return out


def draft_to_dict(draft: Draft, *, inline_account: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"platform": draft.platform, "title": draft.title, "text": draft.text}
    out["declarations"] = list(draft.declarations)
    out["media"] = list(draft.media)
    if draft.publish_at:
        out["publish_at"] = draft.publish_at
    if draft.account_ref and not inline_account:
        out["account"] = draft.account_ref
    else:
        out["account"] = account_to_dict(draft.account)
    return out


def dumps_draft(draft: Draft, *, inline_account: bool = False) -> str:
    return tomli_w.dumps(draft_to_dict(draft, inline_account=inline_account), multiline_strings=True)


def atomic_write(path: str | os.PathLike[str], data: bytes | str, *, mode: int | None = None) -> Path:
    """Write `data` to `path` so that readers see the old file or the new one, never a mix.

    The file keeps the mode of the file it replaces (a new one gets the usual umask mode), because
    mkstemp's private 0600 would otherwise leak onto drafts, fixed media and reports; secrets pass
    `mode=0o600`, which is set before any byte is written.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o22)
        os.umask(umask)
        return 0o666 & ~umask


def save_draft(draft: Draft, path: str | os.PathLike[str], *, inline_account: bool = False) -> Path:
    return atomic_write(path, dumps_draft(draft, inline_account=inline_account))


def publish_time(draft: Draft) -> datetime:
    return draft.publish_at or datetime.now(UTC).astimezone(BEIJING)

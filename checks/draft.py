"""Reading and writing the draft file (DESIGN.md "Draft file").

Loading validates everything a rule will rely on and turns every problem into a `DraftError`
whose message is one line a creator can act on (file, line and column for TOML syntax errors).
Saving is atomic — temp file, fsync, rename — so a crash never leaves half a draft behind.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tomllib
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import tomli_w

from checks.model import CREDENTIAL_FIELDS, DECLARATIONS, PLATFORMS, Account, Credential, Draft
from checks.temp_files import clean_stale_temps, new_temp
from checks.terminal import printable

BEIJING = timezone(timedelta(hours=8), "CST")


DRAFT_KEYS = ("platform", "title", "text", "declarations", "media", "publish_at", "account")
CONTENT_KEYS = ("title", "text", "media")  # a draft has at least one of these
ACCOUNT_KEYS = ("name", "bio", "mcn", "mcn_displayed", "credentials")
CREDENTIAL_KEYS = ("field", "title", "expires", "verified")
MAX_TOML_BYTES = 16 * 1024 * 1024  # a draft or account file is text; /dev/zero or a huge file is not


class DraftError(Exception):
    """A draft (or account file) that cannot be used, with a one-line reason."""


class NotADraftError(DraftError):
    """The file is valid TOML but not a draft: it has no title, text or media to check.

    A separate class so front ends can say "this is not a draft" (e.g. an account-history file
    opened by mistake) rather than "this draft is broken".
    """


def load_draft(path: str | os.PathLike[str]) -> Draft:
    """The one loader every command and the GUI use: file checks, TOML, keys and types, content."""
    file = Path(path)
    data = _read_toml(file, "draft")
    if not any(k in data for k in CONTENT_KEYS):
        near = [k for k in data if difflib.get_close_matches(str(k).lower(), DRAFT_KEYS, n=1, cutoff=0.8)]
        if near:  # `tittle`, `medai`: a draft with a typo, and the typo is what to say
            _unknown_keys({k: data[k] for k in near}, DRAFT_KEYS, str(file), "draft")
        keys = [printable(str(k)) for k in data]
        found = f"its keys are {', '.join(keys[:6])}{' …' if len(keys) > 6 else ''}" if keys else "it is empty"
        raise NotADraftError(f"{file}: not a draft: it has no title, text or media ({found})")
    draft = draft_from_dict(data, file)
    if not (draft.title.strip() or draft.text.strip() or draft.media):
        raise NotADraftError(f"{file}: the draft is empty: its title, text and media are all blank")
    return draft


def read_regular_file(file: Path, what: str, limit: int = MAX_TOML_BYTES) -> bytes:
    """The bytes of `file`, refusing anything that is not a regular file of at most `limit` bytes.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO named `*.toml`
    cannot hang the caller, `/dev/zero` cannot fill memory, and a file swapped in between the
    check and the read is still the file checked.
    """
    if os.path.isdir(file):  # Windows cannot open a folder at all: say what it is first
        raise DraftError(f"{what} is a folder, not a TOML file: {file}")
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except ValueError:
        raise DraftError(f"{what} path contains a NUL character: {str(file)!r}") from None
    except FileNotFoundError:
        raise DraftError(f"{what} not found: {file}") from None
    except IsADirectoryError:
        raise DraftError(f"{what} is a folder, not a TOML file: {file}") from None
    except OSError as exc:
        raise DraftError(f"cannot read {what} {file}: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DraftError(f"{what} is a folder, not a TOML file: {file}")
        if not stat.S_ISREG(info.st_mode):
            raise DraftError(f"{what} is not a regular file (a device, pipe or socket): {file}")
        if info.st_size > limit:
            raise DraftError(f"{what} is too large ({info.st_size >> 20} MB; at most {limit >> 20} MB): {file}")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise DraftError(f"{what} is too large (more than {limit >> 20} MB): {file}")
        return b"".join(chunks)
    except OSError as exc:
        raise DraftError(f"cannot read {what} {file}: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def _read_toml(file: Path, what: str) -> dict[str, Any]:
    raw = read_regular_file(file, what)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftError(f"{file}: not UTF-8 text (byte {exc.start})") from exc
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise DraftError(f"{file}: invalid TOML: arrays or tables nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        reason = msg[: m.start()].strip() if m else msg
        where = f"{file}:{m.group(1)}:{m.group(2)}" if m else str(file)
        raise DraftError(f"{where}: invalid TOML: {reason}") from exc


def _unknown_keys(data: dict[str, Any], known: tuple[str, ...], where: str, what: str) -> None:
    """Name a key the draft format does not have (with the nearest known key): a typo such as
    `tittle` or `medai` must not silently drop the creator's title or photos from the check."""
    unknown = [k for k in data if k not in known]
    if not unknown:
        return
    key = unknown[0]
    near = difflib.get_close_matches(str(key).lower(), known, n=1, cutoff=0.6)
    hint = f" (did you mean '{near[0]}'?)" if near else f" (known keys: {', '.join(known)})"
    more = f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""
    raise DraftError(f"{where}: unknown {what} key '{printable(str(key))}'{more}{hint}")


def _bool(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise DraftError(f"{where}: '{key}' must be true or false (without quotes), not {value!r}")
    return value


def _path_value(value: str, key: str, where: str) -> str:
    bad = next((ch for ch in value if ord(ch) < 0x20 or ord(ch) == 0x7F), None)
    if bad is not None:
        raise DraftError(f"{where}: '{key}' path {printable(value)!r} contains a control character")
    return value


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
    if not isinstance(data, dict):
        raise DraftError(f"{where}: a draft must be a TOML table")
    _unknown_keys(data, DRAFT_KEYS, where, "draft")
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
        account_ref = _path_value(account_value, "account", where)
        base = file.parent if file else Path.cwd()
        account_file = Path(account_value) if Path(account_value).is_absolute() else base / account_value
        account_data = _read_toml(account_file, "account file")
        table = account_data.get("account", account_data)
        if table is not account_data:
            _unknown_keys(account_data, ("account",), str(account_file), "account file")
        account = account_from_dict(table, str(account_file))
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
        media=tuple(_path_value(m, "media", where) for m in _str_list(data, "media", where)),
        publish_at=as_aware(publish) if publish is not None else None,
        account=account,
        account_ref=account_ref,
        path=file.resolve() if file else None,
    )


def account_from_dict(data: dict[str, Any], where: str = "account") -> Account:
    if not isinstance(data, dict):
        raise DraftError(f"{where}: must be a table")
    _unknown_keys(data, ACCOUNT_KEYS, where, "account")
    creds = []
    raw_creds = data.get("credentials", [])
    if not isinstance(raw_creds, list):
        raise DraftError(f"{where}: 'credentials' must be an array of tables ([[account.credentials]])")
    for i, c in enumerate(raw_creds, 1):
        if not isinstance(c, dict):
            raise DraftError(f"{where}: credential {i} must be a table")
        _unknown_keys(c, CREDENTIAL_KEYS, f"{where}: credential {i}", "credential")
        fld = _str(c, "field", "", f"{where}: credential {i}").strip().lower()
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
                title=_str(c, "title", "", f"{where}: credential {i}"),
                expires=expires or None,
                verified=_bool(c, "verified", f"{where}: credential {i}"),
            )
        )
    mcn = _str(data, "mcn", "", where).strip()
    return Account(
        name=_str(data, "name", "", where),
        bio=_str(data, "bio", "", where),
        mcn=mcn or None,
        mcn_displayed=_bool(data, "mcn_displayed", where),
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
    clean_stale_temps(target.parent, target.name)
    fd, tmp = new_temp(target)
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


def input_files(draft: Draft) -> frozenset[Path]:
    """Every file the draft is read from — itself, its account file, its media — resolved.

    Anything Preflight writes (a report, a fixed copy) must never be one of these.
    """
    files = {draft.media_path(i).resolve() for i in range(len(draft.media))}
    if draft.path is not None:
        files.add(draft.path.resolve())
    if draft.account_ref:
        files.add((draft.base_dir / draft.account_ref).resolve())
    return frozenset(files)


def publish_time(draft: Draft) -> datetime:
    return draft.publish_at or datetime.now(UTC).astimezone(BEIJING)

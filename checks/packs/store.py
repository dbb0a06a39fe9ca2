"""The creator's installed rule packs, under `data_dir()/packs/<id>/`, and the API of the Packs page.

A pack is installed only after it verifies (signed by a trusted key, unchanged, not expired, not
for a newer app) and its rule files load; it is written to a staging folder and swapped in with
renames, so the last good version stays in force until the new one is complete. Install records
(source, dates) sit beside the pack in `<id>.install.toml`, outside the signed folder.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import tomli_w

from checks import settings
from checks.draft import atomic_write
from checks.i18n import L
from checks.packs.errors import pack_error
from checks.packs.model import Pack, PackError
from checks.packs.signing import SIG_NAME, PackFiles, PackSignatureError, read_pack, read_signature
from checks.packs.trust import VerifiedPack, check_usable, verify_pack, version_tuple

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class InstalledPack:
    id: str
    version: str
    publisher: str
    signed: bool  # has a pack.sig
    trusted: bool  # verifies now against a trusted key, unchanged, valid today
    key_id: str | None
    installed_at: str
    source: str  # where it came from: a file path or a subscription URL
    last_update: str
    path: str
    problem: str | None = None  # why it is not in force, when `trusted` is false (English)
    error: PackError | None = field(default=None, compare=False, repr=False)  # the same, typed: front ends word it


def store_dir() -> Path:
    return settings.data_dir() / "packs"


def _meta_file(pack_id: str) -> Path:
    return store_dir() / f"{pack_id}.install.toml"


def _read_meta(pack_id: str) -> dict[str, str]:
    try:
        return {k: str(v) for k, v in tomllib.loads(_meta_file(pack_id).read_text(encoding="utf-8")).items()}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _describe(folder: Path) -> InstalledPack:
    meta = _read_meta(folder.name)
    base = dict(
        id=folder.name,
        installed_at=meta.get("installed_at", ""),
        source=meta.get("source", ""),
        last_update=meta.get("last_update", ""),
        path=str(folder),
    )
    try:
        pack = read_pack(folder)
        version, publisher = pack.version, str(pack.manifest.get("publisher", ""))
    except PackError as exc:
        return InstalledPack(
            version="", publisher="", signed=False, trusted=False, key_id=None, problem=str(exc), error=exc, **base
        )
    try:
        sig = read_signature(pack)
    except PackSignatureError:
        sig = None
    error: PackError | None = None
    try:
        verify_pack(pack)
    except PackError as exc:
        error = exc
    problem = str(error) if error else None
    return InstalledPack(
        version=version,
        publisher=publisher,
        signed=sig is not None,
        trusted=problem is None,
        key_id=sig.key_id if sig else None,
        problem=problem,
        error=error,
        **base,
    )


def list_installed() -> list[InstalledPack]:
    """Packs the creator installed, then packs an agency's installer bundled that the creator has not
    installed a copy of (a subscription update installs a newer copy, which then takes over)."""
    root = store_dir()
    own = (
        [_describe(d) for d in sorted(root.iterdir()) if d.is_dir() and _ID.match(d.name)]
        if root.is_dir()
        else []
    )
    ids = {p.id for p in own}
    return [*own, *(p for p in bundled() if p.id not in ids)]


def bundled_dir() -> Path:
    from checks import resources

    return resources.path("packs", "bundled")


def bundled() -> list[InstalledPack]:
    """Packs shipped inside an agency's branded build (`installer/build.py --pack`). They must verify
    against a trusted key like any installed pack; the installer ships that key too."""
    root = bundled_dir()
    if not root.is_dir():
        return []
    out = []
    for item in sorted(root.iterdir()):
        if not (item.is_dir() or item.suffix.lower() == ".zip") or not _ID.match(item.name):
            continue
        described = _describe(item)
        pack_id = described.id
        if item.is_file():  # a zip is named by its file; the pack names itself in pack.toml
            try:
                pack_id = str(read_pack(item).manifest.get("id") or item.stem)
            except PackError:
                pack_id = item.stem
        out.append(replace(described, id=pack_id, source=described.source or "bundled"))
    return out


def installed(pack_id: str) -> InstalledPack | None:
    folder = store_dir() / pack_id
    return _describe(folder) if _ID.match(pack_id) and folder.is_dir() else None


def active_pack_paths() -> list[Path]:
    """Installed packs that verify right now; the engine loads these in addition to core."""
    return [Path(p.path) for p in list_installed() if p.trusted]


def active_packs() -> list[Pack]:
    """The installed packs in force, parsed and marked `signed` (they verified against a trusted key).

    Each pack's files are read once, verified, and the very bytes that verified are parsed. One that
    no longer verifies or loads (e.g. written for another app version) is skipped rather than
    stopping every check; `preflight pack list` shows why it is not in force.
    """
    from checks.packs.loader import load_pack

    out = []
    for p in list_installed():
        if not p.trusted or p.id == "core":
            continue
        try:
            files = read_pack(p.path)
            verify_pack(files)
            pack = load_pack(files)
        except PackError:
            continue
        out.append(replace(pack, info=replace(pack.info, signed=True)))
    return out


def explicit_pack(path: str | os.PathLike[str]) -> Pack:
    """A pack named with `--pack`, parsed, `signed` only when it verifies against a trusted key.

    The files are read once: what the signature check saw is exactly what is parsed.
    """
    from checks.packs.loader import load_pack

    files = read_pack(path)
    signed = _signed(files)
    pack = load_pack(files)
    return replace(pack, info=replace(pack.info, signed=signed))


def packs_for(extra: Sequence[str | os.PathLike[str]] = ()) -> list[Pack]:
    """Installed packs plus the explicit ones; an explicit pack replaces an installed one with its id."""
    explicit = [explicit_pack(p) for p in extra]
    ids = {p.info.id for p in explicit}
    return [*(p for p in active_packs() if p.info.id not in ids), *explicit]


def _validate_rules(folder: Path) -> None:
    """Let the pack-format loader reject a pack whose rule files it cannot use, before it goes live."""
    from checks.packs.loader import load_pack

    load_pack(folder)


def install(
    path: str | os.PathLike[str] | PackFiles, *, source: str | None = None, allow_older: bool = False
) -> InstalledPack:
    """Verify a pack (folder, zip or bytes read already) and install it; the old version stays until then.

    An older version than the one installed is refused unless `allow_older` (`pack install --force`):
    a replayed old pack — signed, but with rules the publisher has since tightened — must not
    silently replace the current one.
    """
    pack = path if isinstance(path, PackFiles) else read_pack(path)
    verified: VerifiedPack = verify_pack(pack)
    if verified.pack_id == "core":
        raise pack_error("reserved_id", where=pack.origin)
    if not _ID.match(verified.pack_id):
        raise pack_error("bad_id", where=pack.origin, id=repr(verified.pack_id))
    current = installed(verified.pack_id)
    if not allow_older and current and current.trusted:
        if version_tuple(verified.version) < version_tuple(current.version):
            raise PackSignatureError(
                L(
                    zh="{where}：规则包“{id}” {version} 比已安装的 {current} 旧，保留已安装的版本",
                    en="{where}: pack '{id}' {version} is older than the installed {current}; keeping "
                    "the installed one",
                ),
                "older",
                hint=L(zh="（确需降级请加 --force）", en=" (pass --force to downgrade)"),
                where=pack.origin,
                id=verified.pack_id,
                version=verified.version,
                current=current.version,
            )
    root = store_dir()
    root.mkdir(parents=True, exist_ok=True)
    staging = root / f".staging-{verified.pack_id}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for rel, data in pack.files.items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        verify_pack(read_pack(staging))  # what is on disk is what was verified
        _validate_rules(staging)
        final = root / verified.pack_id
        old = root / f".old-{verified.pack_id}-{os.getpid()}"
        if final.exists():
            os.replace(final, old)
        os.replace(staging, final)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    meta = _read_meta(verified.pack_id) if current else {}
    now = _now()
    meta.update(
        installed_at=meta.get("installed_at") or now,
        last_update=now,
        source=source or str(Path(pack.origin).resolve()),
        version=verified.version,
        key_id=verified.key_id,
    )
    atomic_write(_meta_file(verified.pack_id), tomli_w.dumps(meta))
    result = installed(verified.pack_id)
    assert result is not None
    return result


def remove(pack_id: str) -> InstalledPack:
    if pack_id == "core":
        raise pack_error("builtin")
    current = installed(pack_id)
    if current is None:
        raise pack_error("not_installed", id=pack_id)
    shutil.rmtree(current.path)
    _meta_file(pack_id).unlink(missing_ok=True)
    return current


def explicit_pack_signed(path: str | os.PathLike[str]) -> bool:
    """A pack the user names with `--pack`: unsigned is allowed (their choice) and reported `signed: false`.

    A signature that is present must hold, though: a signed pack that was tampered with is refused,
    and so is an expired pack or one for a newer app. A valid signature by an unknown key counts as unsigned.
    """
    return _signed(read_pack(path))


def _signed(pack: PackFiles) -> bool:
    if SIG_NAME not in pack.files:
        check_usable(pack)
        return False
    try:
        verify_pack(pack)
    except PackSignatureError as exc:
        if exc.reason != "unknown_key":
            raise
        check_usable(pack)
        return False
    return True

"""Which publisher keys the creator trusts, and the verdict on a pack: usable, or refused and why.

Keys live as PEM files named `<key id>.pub` in `config_dir()/trusted_keys/` (added by the creator
with `preflight pack trust`) and in `resources/trusted_keys/` (preconfigured by an MCN's
installer; the creator cannot remove those from the app, only the installer can). Every refusal
is a `PackSignatureError` whose message names the one thing wrong: unsigned, unknown key, bad
signature, the changed/added/removed file, expiry or the app version needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from checks import __version__, resources, settings
from checks.draft import atomic_write
from checks.i18n import L
from checks.packs.model import PackError
from checks.packs.signing import (
    PackFiles,
    PackSignatureError,
    canonical_bytes,
    key_id,
    load_public_key,
    public_pem,
    read_signature,
)

if TYPE_CHECKING:  # `cryptography` is imported on first use: a check with no installed pack needs none
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    name: str  # the file stem, e.g. the MCN's name the installer gave it
    source: str  # "user" | "bundled" | "given" (passed with --key)
    path: str
    pem: bytes

    def public_key(self) -> Ed25519PublicKey:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        from cryptography.hazmat.primitives.serialization import load_pem_public_key

        key = load_pem_public_key(self.pem)
        assert isinstance(key, Ed25519PublicKey)
        return key


def user_keys_dir() -> Path:
    return settings.config_dir() / "trusted_keys"


def bundled_keys_dir() -> Path:
    return resources.path("trusted_keys")


def key_from_file(path: str | Path, source: str = "given") -> TrustedKey:
    public = load_public_key(path)
    return TrustedKey(
        key_id=key_id(public), name=Path(path).stem, source=source, path=str(path), pem=public_pem(public)
    )


def trusted_keys() -> list[TrustedKey]:
    """Every key the creator trusts: their own first, then the installer's; unreadable files are skipped."""
    keys: dict[str, TrustedKey] = {}
    for folder, source in ((user_keys_dir(), "user"), (bundled_keys_dir(), "bundled")):
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.pub")):
            try:
                key = key_from_file(file, source)
            except PackError:
                continue
            keys.setdefault(key.key_id, key)
    return list(keys.values())


def add_key(pubfile: str | Path, name: str | None = None) -> TrustedKey:
    """Trust a publisher's public key (copied into the config folder, so the original may move)."""
    key = key_from_file(pubfile, "user")
    label = _safe_name(name or Path(pubfile).stem) or key.key_id
    target = user_keys_dir() / f"{label}.pub"
    if target.exists() and key_from_file(target).key_id != key.key_id:
        target = user_keys_dir() / f"{label}-{key.key_id}.pub"
    for existing in trusted_keys():
        if existing.key_id == key.key_id and existing.source == "user":
            return existing
    atomic_write(target, key.pem)
    return TrustedKey(key.key_id, target.stem, "user", str(target), key.pem)


def remove_key(ref: str) -> TrustedKey:
    """Stop trusting a key given by key id or name. Installer-bundled keys cannot be removed here."""
    matches = [k for k in trusted_keys() if ref in (k.key_id, k.name)]
    if not matches:
        raise PackError(f"no trusted key '{ref}' (see 'preflight pack list')")
    key = matches[0]
    if key.source != "user":
        raise PackError(
            f"key {key.key_id} ({key.name}) was preconfigured by the installer; it cannot be removed here"
        )
    Path(key.path).unlink(missing_ok=True)
    return key


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("._")[:60]


# --------------------------------------------------------------------------- verdict on a pack


@dataclass(frozen=True)
class VerifiedPack:
    pack_id: str
    version: str
    publisher: str
    key_id: str
    signer: str  # the trusted key's name
    signed_at: str
    expires: date | None
    min_app_version: str


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)) or (0,)


def _expires(pack: PackFiles) -> date | None:
    value = pack.manifest.get("expires")
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise PackError(
            f"{pack.origin}/pack.toml: 'expires' is not a date like 2027-06-30: {value!r}"
        ) from exc


def check_usable(pack: PackFiles, today: date | None = None, app_version: str = __version__) -> None:
    """Refuse an expired pack or one written for a newer app (signed or not)."""
    today = today or date.today()
    expires = _expires(pack)
    if expires is not None and expires < today:
        raise PackSignatureError(
            L(
                zh="{where}：规则包“{id}” {version} 已于 {day} 过期，请向发布者索取新版本",
                en="{where}: pack '{id}' {version} expired on {day}; ask the publisher for a current version",
            ),
            "expired",
            where=pack.origin,
            id=pack.pack_id,
            version=pack.version,
            day=expires.isoformat(),
        )
    needed = str(pack.manifest.get("min_app_version", "") or "")
    if needed and version_tuple(needed) > version_tuple(app_version):
        raise PackSignatureError(
            L(
                zh="{where}：规则包“{id}”需要 Preflight {needed} 或更新版本（当前为 {app}），请先升级应用",
                en="{where}: pack '{id}' needs Preflight {needed} or newer (this is {app}); update the app",
            ),
            "needs_newer_app",
            where=pack.origin,
            id=pack.pack_id,
            needed=needed,
            app=app_version,
        )


def verify_pack(
    pack: PackFiles,
    keys: Sequence[TrustedKey] | None = None,
    *,
    today: date | None = None,
    app_version: str = __version__,
) -> VerifiedPack:
    """Check `pack` against `keys` (default: the trusted keys) and its validity; raise saying which problem."""
    keys = trusted_keys() if keys is None else list(keys)
    where = pack.origin
    sig = read_signature(pack)
    if sig is None:
        raise PackSignatureError(
            L(
                zh="{where}：规则包“{id}”未签名（没有 pack.sig）；只能安装受信任发布者签名的规则包",
                en="{where}: pack '{id}' is not signed (no pack.sig); only signed packs from trusted "
                "publishers can be installed",
            ),
            "unsigned",
            where=where,
            id=pack.pack_id,
        )
    key = next((k for k in keys if k.key_id == sig.key_id), None)
    if key is None:
        known = ", ".join(k.key_id for k in keys) or "—"
        raise PackSignatureError(
            L(
                zh="{where}：签名密钥 {kid} 不是受信任的发布者密钥（已信任：{known}）；"
                "如信任该发布者，请运行 preflight pack trust 公钥文件",
                en="{where}: signed with key {kid}, which is not a trusted publisher key (trusted: {known}); "
                "run 'preflight pack trust PUBFILE' if you trust this publisher",
            ),
            "unknown_key",
            where=where,
            kid=sig.key_id,
            known=known,
        )
    from cryptography.exceptions import InvalidSignature

    try:
        key.public_key().verify(sig.signature, canonical_bytes(sig.pack_id, sig.pack_version, sig.files))
    except InvalidSignature:
        raise PackSignatureError(
            L(
                zh="{where}：pack.sig 中的签名对密钥 {kid}（{name}）无效：pack.sig 被改动、取自其他规则包或由其他密钥生成",
                en="{where}: the signature in pack.sig is not valid for key {kid} ({name}); "
                "pack.sig was altered, copied from another pack, or made with a different key",
            ),
            "bad_signature",
            where=where,
            kid=key.key_id,
            name=key.name,
        ) from None
    actual = pack.hashes()
    changed = sorted(p for p in sig.files if p in actual and actual[p] != sig.files[p])
    removed = sorted(p for p in sig.files if p not in actual)
    added = sorted(p for p in actual if p not in sig.files)
    if changed:
        raise PackSignatureError(
            L(
                zh="{where}：文件“{file}”在签名后被修改（已篡改）",
                en="{where}: file '{file}' was changed after signing (tampered)",
            ),
            "tampered",
            where=where,
            file=changed[0],
        )
    if removed:
        raise PackSignatureError(
            L(
                zh="{where}：文件“{file}”在签名后被删除",
                en="{where}: file '{file}' was removed after signing",
            ),
            "removed",
            where=where,
            file=removed[0],
        )
    if added:
        raise PackSignatureError(
            L(zh="{where}：文件“{file}”是签名后新增的", en="{where}: file '{file}' was added after signing"),
            "added",
            where=where,
            file=added[0],
        )
    if (pack.pack_id, pack.version) != (sig.pack_id, sig.pack_version):
        raise PackSignatureError(
            L(
                zh="{where}：pack.toml 中的编号或版本与签名时不一致",
                en="{where}: pack.toml id/version differ from the signed ones",
            ),
            "tampered",
            where=where,
        )
    check_usable(pack, today, app_version)
    return VerifiedPack(
        pack_id=pack.pack_id,
        version=pack.version,
        publisher=str(pack.manifest.get("publisher", "")),
        key_id=key.key_id,
        signer=key.name,
        signed_at=sig.signed_at,
        expires=_expires(pack),
        min_app_version=str(pack.manifest.get("min_app_version", "") or ""),
    )

"""Ed25519 signatures over rule packs, so a creator runs only the packs their MCN really published.

What is signed is a canonical text built from the pack's *file list*, never from a zip or a
folder's bytes, so the same pack verifies whether it is shipped as a folder or as a zip:

    b"preflight-pack-v1\\n"
    b"id=<pack id>\\n"
    b"version=<pack version>\\n"
    then, for every file except pack.sig, sorted by its relative POSIX path (code-point order):
    b"<sha256 of the file, 64 lowercase hex>  <relative path>\\n"

all UTF-8. `pack.sig` (TOML) records the algorithm, the key id, the pack id/version, the file list
with hashes and the base64 signature. Keeping the list in `pack.sig` lets verification say WHICH
file was changed, added or removed instead of only "bad signature". The key id is the first 16
hex digits of SHA-256 over the raw 32-byte public key.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from checks.draft import atomic_write
from checks.i18n import L, tr
from checks.packs.files import SIG_NAME as SIG_NAME  # re-exported: there is one pack reader
from checks.packs.files import PackFiles as PackFiles
from checks.packs.files import read_pack as read_pack
from checks.packs.files import read_pack_bytes as read_pack_bytes
from checks.packs.model import PackError

if TYPE_CHECKING:  # `cryptography` costs a third of the CLI's start-up: imported on first use
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SIG_FORMAT = "preflight-pack-sig/1"
ALGORITHM = "ed25519"


class PackSignatureError(PackError):
    """A pack that must not be used. `reason` is a stable code (tests, GUI icons); the message says which.

    `str(exc)` is English (logs, tools); `exc.text(lang)` is what a front end shows the creator.
    """

    def __init__(self, message: L | str, reason: str, **fmt: object) -> None:
        self.message = message if isinstance(message, L) else L(zh=message, en=message)
        self.fmt = fmt
        super().__init__(tr(self.message, "en", **fmt))
        self.reason = reason

    def text(self, lang: str = "zh") -> str:
        return tr(self.message, lang, **self.fmt)


# --------------------------------------------------------------------------- keys


def key_id(public: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def generate_keypair(out: str | os.PathLike[str]) -> tuple[Path, Path, str]:
    """Write a new private key (PEM, mode 0600) at `out` and its public key at `out.pub`."""
    private_file = Path(out)
    public_file = private_file.with_name(private_file.name + ".pub")
    for f in (private_file, public_file):
        if f.exists():
            raise PackError(f"{f} already exists; refusing to overwrite a key")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    atomic_write(private_file, pem, mode=0o600)
    atomic_write(public_file, public_pem(key.public_key()))
    return private_file, public_file, key_id(key.public_key())


def load_private_key(path: str | os.PathLike[str]) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except OSError as exc:
        raise PackError(f"cannot read key {path}: {exc.strerror or exc}") from exc
    except (ValueError, TypeError) as exc:
        raise PackError(f"{path}: not an unencrypted PEM private key ({exc})") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(f"{path}: not an Ed25519 private key")
    return key


def load_public_key(path: str | os.PathLike[str]) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PackError(f"cannot read public key {path}: {exc.strerror or exc}") from exc
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        try:
            key = load_private_key(path).public_key()  # a private key file also names its public key
        except PackError:
            raise PackError(f"{path}: not a PEM public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise PackError(f"{path}: not an Ed25519 public key")
    return key


# --------------------------------------------------------------------------- sign and verify


def canonical_bytes(pack_id: str, version: str, hashes: dict[str, str]) -> bytes:
    lines = ["preflight-pack-v1", f"id={pack_id}", f"version={version}"]
    lines += [f"{hashes[p]}  {p}" for p in sorted(hashes)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def sign_pack(folder: str | os.PathLike[str], private_key: Ed25519PrivateKey) -> Path:
    """Sign a pack folder in place: writes `pack.sig` beside `pack.toml`."""
    root = Path(folder)
    if not root.is_dir():
        raise PackError(f"{root}: sign a pack folder (zip it after signing)")
    pack = read_pack(root)
    if not pack.pack_id or not pack.version:
        raise PackError(f"{root}/pack.toml: 'id' and 'version' are required to sign a pack")
    hashes = pack.hashes()
    signature = private_key.sign(canonical_bytes(pack.pack_id, pack.version, hashes))
    sig = {
        "format": SIG_FORMAT,
        "algorithm": ALGORITHM,
        "key_id": key_id(private_key.public_key()),
        "pack_id": pack.pack_id,
        "pack_version": pack.version,
        "signed_at": datetime.now(UTC).replace(microsecond=0),
        "signature": base64.b64encode(signature).decode("ascii"),
        "files": dict(sorted(hashes.items())),
    }
    return atomic_write(root / SIG_NAME, tomli_w.dumps(sig))


@dataclass(frozen=True)
class Signature:
    key_id: str
    pack_id: str
    pack_version: str
    signature: bytes
    files: dict[str, str]
    signed_at: str = ""


def read_signature(pack: PackFiles) -> Signature | None:
    raw = pack.files.get(SIG_NAME)
    if raw is None:
        return None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        if data.get("algorithm") != ALGORITHM:
            raise PackSignatureError(
                L(
                    zh="{where}/pack.sig：不支持的签名算法 {alg}（应为 ed25519）",
                    en="{where}/pack.sig: unsupported algorithm {alg} (expected ed25519)",
                ),
                "bad_signature",
                where=pack.origin,
                alg=repr(data.get("algorithm")),
            )
        files = data["files"]
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            raise ValueError("'files' must map paths to SHA-256 hex strings")
        return Signature(
            key_id=str(data["key_id"]),
            pack_id=str(data["pack_id"]),
            pack_version=str(data["pack_version"]),
            signature=base64.b64decode(str(data["signature"]), validate=True),
            files=dict(files),
            signed_at=str(data.get("signed_at", "")),
        )
    except PackSignatureError:
        raise
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, ValueError) as exc:
        raise PackSignatureError(
            L(
                zh="{where}/pack.sig：签名文件已损坏（{err}）",
                en="{where}/pack.sig: damaged signature file ({err})",
            ),
            "bad_signature",
            where=pack.origin,
            err=exc,
        ) from exc

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
import io
import os
import stat
import tomllib
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

import tomli_w
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from checks.draft import atomic_write
from checks.i18n import L, tr
from checks.packs.model import PackError

SIG_NAME = "pack.sig"
SIG_FORMAT = "preflight-pack-sig/1"
ALGORITHM = "ed25519"
MAX_FILES = 2000
MAX_BYTES = 64 * 1024 * 1024  # a rule pack is text; anything bigger is a mistake or a zip bomb


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


@dataclass(frozen=True)
class PackFiles:
    """A pack's files in memory, folder or zip alike: relative POSIX path → bytes."""

    origin: str
    files: dict[str, bytes]

    @property
    def manifest(self) -> dict[str, Any]:
        raw = self.files.get("pack.toml")
        if raw is None:
            raise PackError(f"{self.origin}: not a rule pack (no pack.toml)")
        try:
            return tomllib.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise PackError(f"{self.origin}/pack.toml: invalid TOML: {exc}") from exc

    @property
    def pack_id(self) -> str:
        return str(self.manifest.get("id", "")).strip()

    @property
    def version(self) -> str:
        return str(self.manifest.get("version", "")).strip()

    def hashes(self) -> dict[str, str]:
        return {p: hashlib.sha256(b).hexdigest() for p, b in self.files.items() if p != SIG_NAME}


# --------------------------------------------------------------------------- reading packs


def read_pack(path: str | os.PathLike[str]) -> PackFiles:
    """Read a pack folder or zip (the folder holding pack.toml may be one level down in a zip)."""
    src = Path(path)
    if src.is_dir():
        files = _read_dir(src)
    elif src.is_file():
        try:
            files = _read_zip(src.read_bytes(), str(src))
        except OSError as exc:
            raise PackError(f"{src}: cannot read: {exc.strerror or exc}") from exc
    else:
        raise PackError(f"rule pack not found: {src}")
    return PackFiles(origin=str(src), files=files)


def read_pack_bytes(data: bytes, origin: str) -> PackFiles:
    return PackFiles(origin=origin, files=_read_zip(data, origin))


def _read_dir(root: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for file in sorted(root.rglob("*")):
        mode = file.lstat().st_mode
        rel = file.relative_to(root).as_posix()
        if stat.S_ISLNK(mode):
            raise PackError(f"{root}: '{rel}' is a symbolic link; a rule pack holds plain files only")
        if not stat.S_ISREG(mode):
            continue
        files[rel] = file.read_bytes()
        total += len(files[rel])
        if len(files) > MAX_FILES or total > MAX_BYTES:
            raise PackError(
                f"{root}: too large for a rule pack (>{MAX_FILES} files or >{MAX_BYTES >> 20} MB)"
            )
    if "pack.toml" not in files:
        raise PackError(f"{root}: not a rule pack (no pack.toml)")
    return files


def _read_zip(data: bytes, origin: str) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise PackError(f"{origin}: not a folder or a valid zip: {exc}") from exc
    if len(infos) > MAX_FILES or sum(i.file_size for i in infos) > MAX_BYTES:
        raise PackError(f"{origin}: too large for a rule pack (>{MAX_FILES} files or >{MAX_BYTES >> 20} MB)")
    names = [i.filename for i in infos]
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or ".." in parts or ":" in name or "\\" in name:
            raise PackError(f"{origin}: unsafe path in zip: {name!r}")
    tomls = sorted((n for n in names if PurePosixPath(n).name == "pack.toml"), key=lambda n: n.count("/"))
    if not tomls:
        raise PackError(f"{origin}: not a rule pack (no pack.toml in the zip)")
    prefix = tomls[0][: -len("pack.toml")]
    files: dict[str, bytes] = {}
    try:
        for info in infos:
            if info.filename.startswith(prefix):
                files[info.filename[len(prefix) :]] = archive.read(info)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise PackError(f"{origin}: damaged zip: {exc}") from exc
    return files


# --------------------------------------------------------------------------- keys


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def generate_keypair(out: str | os.PathLike[str]) -> tuple[Path, Path, str]:
    """Write a new private key (PEM, mode 0600) at `out` and its public key at `out.pub`."""
    private_file = Path(out)
    public_file = private_file.with_name(private_file.name + ".pub")
    for f in (private_file, public_file):
        if f.exists():
            raise PackError(f"{f} already exists; refusing to overwrite a key")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    atomic_write(private_file, pem, mode=0o600)
    atomic_write(public_file, public_pem(key.public_key()))
    return private_file, public_file, key_id(key.public_key())


def load_private_key(path: str | os.PathLike[str]) -> Ed25519PrivateKey:
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

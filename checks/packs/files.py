"""The one reader of a rule pack's files (folder or zip), shared by signature checks and the loader.

Verification and loading must see exactly the same files: when they used two readers, a zip with a
correctly signed pack in a sub-folder plus an unsigned rule at the zip root verified as signed
while the loader ran the injected rule. So there is one reader, its file list is what `pack.sig`
covers, and an archive holding anything outside the pack's folder is refused outright.
"""

from __future__ import annotations

import io
import os
import stat
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from checks.packs.errors import pack_error

SIG_NAME = "pack.sig"
MAX_FILES = 2000
MAX_BYTES = 64 * 1024 * 1024  # a rule pack is text; anything bigger is a mistake or a zip bomb


@dataclass(frozen=True)
class PackFiles:
    """A pack's files in memory, folder or zip alike: relative POSIX path → bytes."""

    origin: str
    files: dict[str, bytes]

    @property
    def manifest(self) -> dict[str, Any]:
        raw = self.files.get("pack.toml")
        if raw is None:
            raise pack_error("not_a_pack", where=self.origin)
        try:
            return tomllib.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
            raise pack_error("invalid_toml", where=f"{self.origin}/pack.toml", detail=exc) from exc

    @property
    def pack_id(self) -> str:
        return str(self.manifest.get("id", "")).strip()

    @property
    def version(self) -> str:
        return str(self.manifest.get("version", "")).strip()

    def hashes(self) -> dict[str, str]:
        import hashlib

        return {p: hashlib.sha256(b).hexdigest() for p, b in self.files.items() if p != SIG_NAME}


def read_pack(path: str | os.PathLike[str]) -> PackFiles:
    """Read a pack folder or zip (the folder holding pack.toml may be one level down in a zip)."""
    src = Path(path)
    if src.is_dir():
        files = _read_dir(src)
    elif src.is_file():
        if src.stat().st_size > MAX_BYTES:
            raise pack_error("too_large", where=src, limit=f"{MAX_BYTES >> 20} MB")
        try:
            files = _read_zip(src.read_bytes(), str(src))
        except OSError as exc:
            raise pack_error("unreadable", where=src, detail=exc.strerror or exc) from exc
    elif src.exists():
        raise pack_error("not_pack_file", where=src)
    else:
        raise pack_error("missing", where=src)
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
            raise pack_error("symlink", where=root, file=rel)
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            raise pack_error("special_file", where=root, file=rel)
        try:
            files[rel] = file.read_bytes()
        except OSError as exc:
            raise pack_error("unreadable", where=f"{root}/{rel}", detail=exc.strerror or exc) from exc
        total += len(files[rel])
        if len(files) > MAX_FILES or total > MAX_BYTES:
            raise pack_error("too_large", where=root, limit=f"{MAX_FILES} files or >{MAX_BYTES >> 20} MB")
    if "pack.toml" not in files:
        raise pack_error("not_a_pack", where=root)
    return files


def _read_zip(data: bytes, origin: str) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise pack_error("bad_zip", where=origin, detail=exc) from exc
    if len(infos) > MAX_FILES or sum(i.file_size for i in infos) > MAX_BYTES:
        raise pack_error("too_large", where=origin, limit=f"{MAX_FILES} files or >{MAX_BYTES >> 20} MB")
    names = [i.filename for i in infos]
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "\\")) or ".." in parts or ":" in name or "\\" in name:
            raise pack_error("unsafe_path", where=origin, file=repr(name))
    if len(set(names)) != len(names):
        dupe = next(n for n in names if names.count(n) > 1)
        raise pack_error("duplicate_file", where=origin, file=dupe)
    tomls = sorted((n for n in names if PurePosixPath(n).name == "pack.toml"), key=lambda n: n.count("/"))
    if not tomls:
        raise pack_error("not_a_pack_zip", where=origin)
    prefix = tomls[0][: -len("pack.toml")]
    stray = [n for n in names if not n.startswith(prefix)]
    if stray:
        raise pack_error("stray_file", where=origin, file=stray[0], folder=prefix.rstrip("/"))
    files: dict[str, bytes] = {}
    total = 0
    try:
        for info in infos:
            with archive.open(info) as fh:  # sizes in the headers may lie: count what comes out
                blob = fh.read(MAX_BYTES - total + 1)
            total += len(blob)
            if total > MAX_BYTES:
                raise pack_error("too_large", where=origin, limit=f"{MAX_BYTES >> 20} MB unpacked")
            files[info.filename[len(prefix) :]] = blob
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError) as exc:
        raise pack_error("damaged_zip", where=origin, detail=exc) from exc
    return files

"""Format detection by magic bytes, never by extension.

A `.heic` that holds JPEG data is read as JPEG (and reported), a renamed PNG is still a PNG: the
extension says what the creator thinks the file is, the bytes say what the platform will get.
"""

from __future__ import annotations

HEAD_BYTES = 64

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2", b"MiHE"}
_AVIF_BRANDS = {b"avif", b"avis"}
_QT_BRANDS = {b"qt  "}
_3GP_PREFIX = (b"3gp", b"3g2")

EXTENSIONS = {
    "jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "png": {".png"},
    "webp": {".webp"},
    "heic": {".heic", ".heif", ".hif"},
    "avif": {".avif"},
    "tiff": {".tif", ".tiff", ".dng"},
    "gif": {".gif"},
    "bmp": {".bmp"},
    "mp4": {".mp4", ".m4v"},
    "mov": {".mov", ".qt"},
    "3gp": {".3gp", ".3g2"},
}
VIDEO_FORMATS = {"mp4", "mov", "3gp"}
PHOTO_FORMATS = {"jpeg", "png", "webp", "heic", "avif", "tiff", "gif", "bmp"}


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes, or None when it is none we read."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:2] == b"BM" and len(head) >= 26:
        return "bmp"
    if head[4:8] == b"ftyp":
        return _ftyp_format(head)
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"):
        return "mov"
    return None


def _ftyp_format(head: bytes) -> str:
    major = head[8:12]
    brands = {major} | {head[i : i + 4] for i in range(16, min(len(head), 64) - 3, 4)}
    if major in _AVIF_BRANDS:
        return "avif"
    if major in _HEIF_BRANDS or (brands & _HEIF_BRANDS and not brands & {b"isom", b"mp41", b"mp42"}):
        return "avif" if brands & _AVIF_BRANDS else "heic"
    if major in _QT_BRANDS:
        return "mov"
    if major.startswith(_3GP_PREFIX):
        return "3gp"
    return "mp4"


def describe(fmt: str | None) -> str:
    """How an error message names detected content: "JPEG data", "MP4 data", "unknown data"."""
    return f"{fmt.upper()} data" if fmt else "unrecognised data"


def extension_mismatch(suffix: str, fmt: str) -> bool:
    """True when the extension names a format we know and the bytes are a different one."""
    suffix = suffix.lower()
    claimed = next((name for name, exts in EXTENSIONS.items() if suffix in exts), None)
    if claimed is None or claimed == fmt:
        return False
    same_family = {claimed, fmt} <= VIDEO_FORMATS or {claimed, fmt} <= {"heic", "avif"}
    return not same_family

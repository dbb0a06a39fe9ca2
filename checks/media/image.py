"""Still images (JPEG, PNG, WebP, HEIC/HEIF, AVIF, TIFF): container walk → facts → evidence.

EXIF wins over XMP for capture facts because cameras write EXIF and editors copy it into XMP;
XMP is the fallback (exif:DateTimeOriginal, tiff:Make) for files whose EXIF was dropped.
File modification time is never used as a capture time: it is when the file was copied.
"""

from __future__ import annotations

import re
import struct
from dataclasses import fields, replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from checks.media import generators, traces
from checks.media.bmff import walk_heif
from checks.media.c2pa_reader import read_c2pa
from checks.media.containers import RawMeta, walk_jpeg, walk_png, walk_webp
from checks.media.exif import ExifFacts, read_exif, tiff_has_tag
from checks.media.stealth import find_stealth
from checks.media.tc260 import byte_scan, combine
from checks.media.xmp import Xmp, parse_xmp, scan_broken_xmp
from checks.model import AigcLabel, Evidence, Gps, MediaFacts, Provenance

_XMP_GPS = re.compile(r"^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])\s*$", re.I)


def walk(f: BinaryIO, size: int, fmt: str) -> RawMeta:
    if fmt == "jpeg":
        return walk_jpeg(f, size)
    if fmt == "png":
        return walk_png(f, size)
    if fmt == "webp":
        return walk_webp(f, size)
    if fmt in ("heic", "avif"):
        return walk_heif(f, size, fmt)
    return _plain_header(f, fmt)


def _plain_header(f: BinaryIO, fmt: str) -> RawMeta:
    """GIF and BMP carry no capture metadata we use; their size is in the first bytes."""
    meta = RawMeta(fmt)
    f.seek(0)
    head = f.read(26)
    if fmt == "gif" and len(head) >= 10:
        meta.width, meta.height = struct.unpack("<HH", head[6:10])
    elif fmt == "bmp" and len(head) >= 26:
        meta.width, meta.height = (abs(v) for v in struct.unpack("<ii", head[18:26]))
    return meta


def merge_exif(blocks: list[ExifFacts]) -> ExifFacts:
    """The first block that has a field wins (JPEGs sometimes carry a second, partial APP1)."""
    if not blocks:
        return ExifFacts()
    values: dict[str, object] = {"notes": tuple(n for b in blocks for n in b.notes)}
    for fld in fields(ExifFacts):
        if fld.name == "notes":
            continue
        values[fld.name] = next(
            (getattr(b, fld.name) for b in blocks if getattr(b, fld.name) is not None), None
        )
    return ExifFacts(**values)  # type: ignore[arg-type]


def read_image(path: Path, f: BinaryIO, size: int, fmt: str) -> MediaFacts:
    raw = walk(f, size, fmt)
    if fmt == "tiff":
        f.seek(0)
        exif = read_exif(f)
        raw.c2pa = tiff_has_tag(f, 0xCD41)
    else:
        exif = merge_exif([read_exif(block) for block in raw.exif])
    xmp = Xmp()
    packets = [*raw.xmp, *([exif.xmp] if exif.xmp else [])]
    for packet in packets:
        xmp.merge(parse_xmp(packet))

    time, time_source = exif.capture_time, exif.capture_time_source
    if time is None:
        time, time_source = _xmp_time(xmp)
    facts = MediaFacts(
        path=str(path),
        kind="photo",
        format=fmt,
        size_bytes=size,
        width=raw.width or exif.width or _tiff_dim(exif, 0),
        height=raw.height or exif.height or _tiff_dim(exif, 1),
        orientation=exif.orientation,
        capture_time=time,
        capture_time_source=time_source,
        gps=exif.gps or _xmp_gps(xmp),
        make=exif.make or xmp.first("tiff:Make"),
        model=exif.model or xmp.first("tiff:Model"),
        software=exif.software or xmp.first("xmp:CreatorTool") or _text_value(raw, "software"),
        visible_ai_label=bool(xmp.first("preflight:VisibleLabel")),
        visible_warning_label=bool(xmp.first("preflight:WarningLabel")),
        error=raw.problem,
    )
    evidence, labels = _ai_markers(raw, exif, xmp, packets)
    evidence += _edit_markers(raw, exif, xmp)
    if fmt == "png" and not any(e.points_to.is_ai for e in evidence):
        magic = find_stealth(f)
        if magic:
            evidence.append(
                Evidence("gen:stealth", "PNG pixel LSBs (A1111 stealth)", magic, Provenance.AI_GENERATED)
            )
    if raw.c2pa:
        info, c2pa_ev = read_c2pa(path, fmt)
        facts = replace(facts, c2pa=info)
        evidence += c2pa_ev
    facts = replace(facts, aigc_label=combine(labels))
    evidence += traces.screenshot_evidence(facts, xmp, exif.user_comment, path.name)
    evidence += traces.capture_evidence(facts)
    evidence += [generators.skipped_note(f"{fmt.upper()} metadata", note) for note in (*raw.budget.notes, *exif.notes)]
    evidence += [generators.skipped_note("XMP", note) for note in xmp.notes]
    return replace(facts, evidence=tuple(dict.fromkeys(evidence)))


def _ai_markers(
    raw: RawMeta, exif: ExifFacts, xmp: Xmp, packets: list[bytes]
) -> tuple[list[Evidence], list[AigcLabel]]:
    evidence: list[Evidence] = []
    labels: list[AigcLabel] = []
    for ev, lb in (
        generators.text_markers(raw.texts),
        generators.exif_markers(exif),
        generators.xmp_markers(xmp),
    ):
        evidence += ev
        labels += lb
    if xmp.error:
        for packet in packets:
            for term in scan_broken_xmp(packet):
                evidence.append(generators.dst_evidence(term, "XMP (unparseable packet)"))
    if not labels:
        found = byte_scan([*raw.scan, *(packets if xmp.error else [])], "metadata bytes (TC260 scan)")
        if found:
            labels.append(found)
    return evidence, labels


def _edit_markers(raw: RawMeta, exif: ExifFacts, xmp: Xmp) -> list[Evidence]:
    evidence = generators.tool_evidence(exif.software, "EXIF Software")
    for tool in dict.fromkeys([*xmp.get("xmp:CreatorTool"), *xmp.get("stEvt:softwareAgent")]):
        evidence += generators.tool_evidence(tool, "XMP CreatorTool/History")
    evidence += traces.editor_evidence(exif.software, "EXIF Software")
    evidence += traces.xmp_edit_evidence(xmp)
    png_software = _text_value(raw, "software")
    if png_software and png_software != exif.software:
        evidence += traces.editor_evidence(png_software, "PNG text 'Software'")
        evidence += generators.tool_evidence(png_software, "PNG text 'Software'")
    writer = traces.irb_writer(raw.irb)
    if writer:
        evidence += traces.editor_evidence(writer, "Photoshop IRB WriterName")
    return evidence


def _tiff_dim(exif: ExifFacts, axis: int) -> int | None:
    return exif.image_size[axis] if exif.image_size else None


def _text_value(raw: RawMeta, key: str) -> str | None:
    return next((v.strip() for k, v, _ in raw.texts if k.lower() == key and v.strip()), None)


def parse_xmp_time(value: str | None) -> datetime | None:
    if not value:
        return None
    v = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(v)
    except ValueError:
        try:
            return datetime.strptime(v[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            return None


def _xmp_time(xmp: Xmp) -> tuple[datetime | None, str | None]:
    for key in (
        "exif:DateTimeOriginal",
        "exifEX:DateTimeOriginal",
        "xmp:CreateDate",
        "photoshop:DateCreated",
    ):
        raw = xmp.first(key)
        dt = parse_xmp_time(raw)
        if dt:
            return dt, f"XMP {key} {raw}"
    return None, None


def _xmp_coord(value: str | None) -> float | None:
    m = _XMP_GPS.match(value or "")
    if not m:
        return None
    deg = float(m.group(1)) + float(m.group(2) or 0) / 60 + float(m.group(3) or 0) / 3600
    return -deg if m.group(4).upper() in "SW" else deg


def _xmp_gps(xmp: Xmp) -> Gps | None:
    lat, lon = _xmp_coord(xmp.first("exif:GPSLatitude")), _xmp_coord(xmp.first("exif:GPSLongitude"))
    if lat is None or lon is None or (lat == 0 and lon == 0) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return Gps(lat, lon)

"""Media readers: the registry that turns a path into `MediaFacts`, in parallel and cached.

Format families have one module each (image.py for stills, video.py for ISO-BMFF video,
c2pa_reader.py for manifests); this module detects the format by magic bytes, enforces size
limits, and guarantees the contract front ends rely on: `read_media` keeps input order and never
raises for a bad file — every failure becomes `MediaFacts.error`, naming the problem.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from checks.media import cache, traces
from checks.media.containers import MediaError
from checks.media.provenance import with_verdict
from checks.media.sniff import EXTENSIONS, HEAD_BYTES, VIDEO_FORMATS, extension_mismatch, sniff
from checks.model import Evidence, MediaFacts

MAX_IMAGE_BYTES = 200 * 1024 * 1024
MAX_VIDEO_BYTES = 2 * 1024 * 1024 * 1024
# Twice Pillow's default MAX_IMAGE_PIXELS (its own bomb threshold), written out so that a cached
# read — `preflight check` on a known draft — never imports Pillow.
MAX_PIXELS = 2 * 89_478_485
VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".3gp", ".3g2"}

Progress = Callable[[int, int], None]


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def read_one(path: str | os.PathLike[str], *, use_cache: bool = True, ocr: bool | None = None) -> MediaFacts:
    """Facts for one file; `path` is kept exactly as given. `ocr` None: the user's setting."""
    from checks.media import ocr as ocr_reader

    read_text = ocr_reader.enabled() if ocr is None else ocr
    name = str(path)
    p = Path(path)
    kind = "video" if p.suffix.lower() in VIDEO_SUFFIXES else "photo"
    try:
        st = p.stat()
    except FileNotFoundError:
        return MediaFacts(path=name, kind=kind, error="file not found")
    except PermissionError:
        return MediaFacts(path=name, kind=kind, error="permission denied")
    except OSError as exc:
        return MediaFacts(path=name, kind=kind, error=f"cannot open: {exc.strerror or exc}")
    if not p.is_file():
        return MediaFacts(path=name, kind=kind, error="not a file")
    key = (str(p.resolve()), st.st_size, st.st_mtime_ns)
    facts = cache.get(key) if use_cache else None
    if facts is None:
        facts = with_verdict(_read_uncached(p, st.st_size, kind))
        if use_cache and not _transient(facts):
            cache.put(key, facts)
    if read_text and not facts.text_read and not facts.error:
        # Text is read after the metadata and cached with it, so turning OCR on later costs only OCR.
        facts = ocr_reader.with_text(p, facts)
        if use_cache and facts.text_read:
            cache.put(key, facts)
    elif not read_text:
        facts = ocr_reader.without_text(facts)
    return _with_place(replace(facts, path=name))


def _read_uncached(p: Path, size: int, kind: str) -> MediaFacts:
    base = MediaFacts(path=str(p), kind=kind, size_bytes=size)
    if size == 0:
        return replace(base, error="empty file (0 bytes)")
    fmt = None
    try:
        with p.open("rb") as f:
            fmt = sniff(f.read(HEAD_BYTES))
            if fmt is None:
                return replace(base, error=_unknown_format(p))
            kind = "video" if fmt in VIDEO_FORMATS else "photo"
            limit = MAX_VIDEO_BYTES if kind == "video" else MAX_IMAGE_BYTES
            if size > limit:
                return replace(
                    base, kind=kind, format=fmt, error=f"too large: {_mb(size)} (limit {_mb(limit)})"
                )
            if kind == "video":
                facts = _read_video(p, fmt, base)
            else:
                from checks.media.image import read_image

                facts = read_image(p, f, size, fmt)
    except MediaError as exc:
        return replace(base, format=fmt or "", error=str(exc))
    except (struct.error, IndexError, ValueError, zlib.error, EOFError, UnicodeError) as exc:
        return replace(base, format=fmt or "", error=f"corrupt {(fmt or 'media').upper()} file ({_why(exc)})")
    except (MemoryError, RecursionError):
        return replace(
            base, format=fmt or "", error=f"corrupt {(fmt or 'media').upper()} file (structure too deep)"
        )
    except OSError as exc:
        return replace(base, format=fmt or "", error=f"read error: {exc.strerror or exc}")
    except Exception as exc:  # the contract: one bad file never stops the others, never a traceback
        return replace(base, format=fmt or "", error=f"could not read {fmt or 'file'}: {_why(exc)}")
    if facts.width and facts.height and facts.width * facts.height > MAX_PIXELS and kind == "photo":
        facts = replace(
            facts, error=f"too many pixels: {facts.width}×{facts.height} (decompression-bomb guard)"
        )
    if extension_mismatch(p.suffix, fmt) and not facts.error:
        # A web download named .jpg that holds PNG is still perfectly readable: say so, don't fail it.
        claimed = next(name for name, exts in EXTENSIONS.items() if p.suffix.lower() in exts)
        note = Evidence(
            marker="file:extension",
            where="file name",
            detail=f"named .{p.suffix.lower().lstrip('.')} ({claimed.upper()}) but holds {fmt.upper()} data",
        )
        facts = replace(facts, evidence=(*facts.evidence, note))
    return facts


def _why(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:160] if text else type(exc).__name__


def _unknown_format(p: Path) -> str:
    claimed = next((name for name, exts in EXTENSIONS.items() if p.suffix.lower() in exts), None)
    if claimed:
        return f"not a {claimed.upper()} file (unrecognised data)"
    return f"unsupported format {p.suffix.lower() or '(no extension)'}"


def _read_video(p: Path, fmt: str, base: MediaFacts) -> MediaFacts:
    try:
        from checks.media.video import read_video
    except ImportError:
        facts = replace(base, kind="video", format=fmt)
    else:
        try:
            facts = replace(read_video(p), path=str(p))
        except ValueError as exc:
            raise MediaError(f"corrupt {fmt.upper()} file ({exc})") from exc
    return _video_extras(p, fmt, facts)


def _video_extras(p: Path, fmt: str, facts: MediaFacts) -> MediaFacts:
    """C2PA, XMP markers and editing/capture traces for a video, like any still image."""
    from checks.media import generators
    from checks.media.bmff import has_c2pa_uuid
    from checks.media.c2pa_reader import read_c2pa
    from checks.media.xmp import Xmp, parse_xmp

    evidence = list(facts.evidence)
    xmp = Xmp()
    try:
        from checks.media.video import video_xmp

        packet = video_xmp(p)
    except ImportError:
        packet = None
    if packet:
        xmp = parse_xmp(packet)
        ev, labels = generators.xmp_markers(xmp)
        evidence += ev
        if labels and facts.aigc_label is None:
            facts = replace(facts, aigc_label=labels[0])
        facts = replace(facts, software=facts.software or xmp.first("xmp:CreatorTool"))
        evidence += traces.xmp_edit_evidence(xmp)
    evidence += traces.editor_evidence(facts.software, "video metadata software")
    evidence += generators.tool_evidence(facts.software, "video metadata software")
    with p.open("rb") as f:
        if has_c2pa_uuid(f, facts.size_bytes or p.stat().st_size):
            info, c2pa_ev = read_c2pa(p, fmt)
            facts = replace(facts, c2pa=info)
            evidence += c2pa_ev
    evidence += traces.capture_evidence(facts)
    return replace(facts, evidence=tuple(dict.fromkeys(evidence)))


def _with_place(facts: MediaFacts) -> MediaFacts:
    """The offline gazetteer name for a GPS fix (computed outside the cache: the gazetteer may change)."""
    if facts.gps is None or facts.place:
        return facts
    try:
        from checks.geo.gazetteer import place_for
    except ImportError:
        return facts
    try:
        return replace(facts, place=place_for(facts.gps.lat, facts.gps.lon))
    except Exception:  # a gazetteer bug must not make a readable photo unreadable
        return facts


def default_jobs() -> int:
    return max(1, min(4, (os.cpu_count() or 2)))


def read_media(
    paths: Sequence[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    on_progress: Progress | None = None,
    use_cache: bool = True,
    ocr: bool | None = None,
) -> list[MediaFacts]:
    """Facts for every path, in input order. Cache hits are answered first; misses go to a thread pool.

    Threads, not processes: measured on the corpus (bench/bench_media.py), a forked process pool
    cost more CPU (fork + pickling) and was no faster on 2 cores, while C2PA hashing and file I/O
    release the GIL; threads are also safe inside the GUI's worker, where forking is not.
    """
    from checks.media import ocr as ocr_reader

    read_text = ocr_reader.enabled() if ocr is None else ocr
    total = len(paths)
    out: list[MediaFacts | None] = [None] * total
    misses: list[int] = []
    for i, p in enumerate(paths):
        key = _key(p) if use_cache else None
        hit = cache.get(key) if key else None
        if hit is not None and read_text and not hit.text_read and not hit.error:
            hit = None  # metadata cached, text not yet read: the worker adds it
        if hit is not None:
            hit = hit if read_text else ocr_reader.without_text(hit)
            out[i] = _with_place(replace(hit, path=str(p)))
        else:
            misses.append(i)
    done = total - len(misses)
    if on_progress and done:
        on_progress(done, total)
    workers = min(jobs or default_jobs(), len(misses))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="media") if workers > 1 else None
    try:
        todo = [paths[i] for i in misses]

        def fresh(path: str | os.PathLike[str]) -> MediaFacts:
            return read_one(path, use_cache=use_cache, ocr=read_text)

        results = pool.map(fresh, todo) if pool else map(fresh, todo)
        for i, facts in zip(misses, results, strict=True):
            out[i] = facts
            done += 1
            if on_progress:
                on_progress(done, total)
    finally:
        if pool:
            pool.shutdown()
    return [f for f in out if f is not None]


def _key(path: str | os.PathLike[str]) -> cache.Key | None:
    try:
        p = Path(path)
        st = p.stat()
        return (str(p.resolve()), st.st_size, st.st_mtime_ns) if p.is_file() else None
    except OSError:
        return None


def _transient(facts: MediaFacts) -> bool:
    """Errors that depend on the moment, not the bytes, are not cached."""
    return facts.error is not None and facts.error.startswith(
        ("file not found", "permission denied", "read error")
    )

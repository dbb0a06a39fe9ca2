"""The one adapter around on-device OCR (RapidOCR on onnxruntime): pictures and video → `TextLine`s.

Much of Chinese self-media says its message *on* the media (text cards, covers, the first frames of
a video), so rules must read it as they read the typed text. Everything stays offline: the PP-OCR
detection/recognition models ship inside the `rapidocr` wheel and are passed to it by path, so the
library never has a reason to download anything (a missing model means "OCR unavailable", never a
fetch). The engine is built lazily, once per process, only when a file is actually read — the CLI
does not pay for importing onnxruntime unless OCR runs.

What is read: a still image as displayed (EXIF orientation applied); for a video its first frame,
a frame every second of the first three seconds and a few frames spread over the rest, plus the
text of embedded MP4/MOV subtitle tracks (no OCR needed). Boxes are in the pixels of the picture or
frame as displayed. A frame that looks like the previous one read is not read again: its lines are
repeated with the new time, so a static opening costs one OCR pass and still shows how long a mark
stays on screen.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks.model import MediaFacts, TextLine

if TYPE_CHECKING:  # Pillow is imported where pictures are decoded: a cached read needs none
    from PIL import Image

MAX_SIDE = 2000  # pictures larger than this are scaled down before OCR (boxes are scaled back)
DET_SIDE = 736  # the detector's input, long side: 18 px lines on a 1080×1920 card still found
MIN_CONFIDENCE = 0.6
OPENING_TIMES = (0.0, 1.0, 2.0, 3.0)  # the first frame and one per second of the opening
SPREAD_FRAMES = 3  # further frames evenly spread over the rest of a video
MAX_VIDEO_SECONDS = 6.0  # decoding budget per video
MAX_SUBTITLE_CUES = 2000
ENV = "PREFLIGHT_OCR"  # "0" switches OCR off (set by --no-ocr; tests use it too)

_lock = threading.Lock()


class OcrUnavailable(RuntimeError):
    """The OCR stack is not installed or its bundled models are missing."""


def enabled() -> bool:
    """OCR is on unless `PREFLIGHT_OCR=0` (the `--no-ocr` flag) or the user's setting turns it off."""
    env = os.environ.get(ENV)
    if env is not None:
        return env.strip().lower() not in ("0", "false", "no", "off")
    try:
        from checks.settings import Settings

        return bool(getattr(Settings.load(), "ocr", True))
    except Exception:  # a damaged settings file must not change what is read
        return True


def available() -> bool:
    try:
        _engine()
    except OcrUnavailable:
        return False
    return True


def model_files() -> dict[str, Path]:
    """The detection and recognition models inside the installed rapidocr package."""
    try:
        import rapidocr
    except ImportError as exc:
        raise OcrUnavailable(f"OCR library unavailable: {exc}") from exc
    folder = Path(rapidocr.__file__).resolve().parent / "models"
    files = {"det": folder / "PP-OCRv6_det_small.onnx", "rec": folder / "PP-OCRv6_rec_small.onnx"}
    missing = [p.name for p in files.values() if not p.is_file()]
    if missing:
        raise OcrUnavailable(f"OCR models missing: {', '.join(missing)}")
    return files


@functools.cache
def _engine_cached() -> Any:
    files = model_files()
    try:
        import logging

        from rapidocr import RapidOCR

        engine = RapidOCR(
            params={
                "Global.log_level": "error",
                "Global.use_cls": False,  # text on posts is upright; the angle classifier costs time
                "Global.max_side_len": MAX_SIDE,
                "Det.model_path": str(files["det"]),
                "Det.limit_type": "max",
                "Det.limit_side_len": DET_SIDE,
                "Rec.model_path": str(files["rec"]),
                "EngineConfig.onnxruntime.intra_op_num_threads": 1,  # files run in parallel instead
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            }
        )
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    except Exception as exc:  # ImportError, onnxruntime load errors, config errors
        raise OcrUnavailable(f"OCR engine could not start: {type(exc).__name__}: {exc}"[:200]) from exc
    return engine


def _engine() -> Any:
    with _lock:  # one engine per process, built once even when two reader threads ask at once
        return _engine_cached()


def recognise(
    image: Image.Image, *, frame_s: float | None = None, display_size: tuple[int, int] | None = None
) -> tuple[TextLine, ...]:
    """Lines on one picture (already upright); boxes in `display_size` pixels (default: its own)."""
    import cv2
    import numpy as np
    from PIL import Image

    width, height = display_size or image.size
    rgb = image.convert("RGB")
    if max(rgb.size) > MAX_SIDE * 1.1:  # within 10%: not worth a resample
        ratio = MAX_SIDE / max(rgb.size)
        rgb = rgb.resize((round(rgb.width * ratio), round(rgb.height * ratio)), Image.Resampling.BILINEAR)
    scale = width / rgb.width
    bgr = cv2.cvtColor(np.asarray(rgb), cv2.COLOR_RGB2BGR)
    result = _engine()(bgr)
    boxes = getattr(result, "boxes", None)
    if boxes is None or not getattr(result, "txts", None):
        return ()
    lines = []
    for quad, text, score in zip(boxes, result.txts, result.scores, strict=False):
        text = str(text).strip()
        if not text or float(score) < MIN_CONFIDENCE:
            continue
        xs = [float(p[0]) * scale for p in quad]
        ys = [float(p[1]) * scale for p in quad]
        box = (
            max(0, round(min(xs))),
            max(0, round(min(ys))),
            min(width, round(max(xs))),
            min(height, round(max(ys))),
        )
        glyph = round(_ink_height(bgr, quad) * scale)
        lines.append(
            TextLine(text=text, box=box, confidence=round(float(score), 3), frame_s=frame_s, glyph_px=glyph)
        )
    return tuple(lines)


def _ink_height(bgr: Any, quad: Any) -> int:
    """Rows of the line's box whose pixels stand out from its border (the background), in the
    pixels OCR saw: the characters' height without the detector's padding."""
    import numpy as np

    h, w = bgr.shape[:2]
    xs = [int(p[0]) for p in quad]
    ys = [int(p[1]) for p in quad]
    x0, x1 = max(0, min(xs)), min(w, max(xs) + 1)
    y0, y1 = max(0, min(ys)), min(h, max(ys) + 1)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return 0
    gray = bgr[y0:y1, x0:x1].mean(axis=2)
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    ink = np.abs(gray - np.median(border)) > 48
    rows = np.flatnonzero(ink.mean(axis=1) > 0.02)
    return int(rows[-1] - rows[0] + 1) if rows.size else 0


def read_text(path: Path, facts: MediaFacts) -> tuple[TextLine, ...]:
    """Every line the file shows; raises `OcrUnavailable` when the engine cannot run."""
    if facts.kind == "video":
        return (*_video_lines(path, facts), *subtitle_lines(path))
    image, size = _upright(path)
    return recognise(image, display_size=size)


def with_text(path: Path, facts: MediaFacts) -> MediaFacts:
    """`facts` with the recognised lines; unchanged when unreadable or OCR is unavailable."""
    if facts.error:
        return facts
    try:
        lines = read_text(path, facts)
    except OcrUnavailable:
        return facts
    except Exception:  # a decoder failing on frames must never make a readable file unreadable
        lines = ()
    return replace(facts, text=lines, text_read=True)


def without_text(facts: MediaFacts) -> MediaFacts:
    """What a check sees when OCR is switched off: no recognised lines at all."""
    if not facts.text and not facts.text_read:
        return facts
    return replace(facts, text=(), text_read=False)


def _upright(path: Path) -> tuple[Image.Image, tuple[int, int]]:
    """The picture as displayed (EXIF orientation applied), possibly decoded at a reduced JPEG
    scale, and the displayed size in the file's own pixels (what boxes are reported in)."""
    from PIL import Image, ImageOps

    from checks.media.thumbnail import _register_heif

    _register_heif()
    with Image.open(path) as im:
        w, h = im.size
        orientation = im.getexif().get(0x0112, 1)
        ratio = MAX_SIDE / max(w, h)
        if ratio < 1:  # JPEG: decode at 1/2, 1/4 … when at least that much larger than needed
            im.draft("RGB", (max(1, int(w * ratio)), max(1, int(h * ratio))))
        upright = ImageOps.exif_transpose(im)
        upright.load()
    size = (h, w) if orientation in (5, 6, 7, 8) else (w, h)
    return upright, size


# --------------------------------------------------------------------------- video


def frame_times(duration: float | None) -> tuple[float, ...]:
    """The opening (0, 1, 2, 3 s) and SPREAD_FRAMES times evenly spread over the rest."""
    if not duration or duration <= 0:
        return OPENING_TIMES
    opening = tuple(t for t in OPENING_TIMES if t < duration)
    rest = duration - OPENING_TIMES[-1]
    if rest <= 1.0:
        return opening or (0.0,)
    step = rest / (SPREAD_FRAMES + 1)
    return (*opening, *(round(OPENING_TIMES[-1] + step * (i + 1), 2) for i in range(SPREAD_FRAMES)))


def _video_lines(path: Path, facts: MediaFacts) -> list[TextLine]:
    lines: list[TextLine] = []
    previous: tuple[Any, tuple[TextLine, ...]] | None = None
    for when, image in video_frames(path, frame_times(facts.duration)):
        sig = _signature(image)
        if previous is not None and _similar(previous[0], sig):
            found = tuple(replace(line, frame_s=when) for line in previous[1])
        else:
            found = recognise(image, frame_s=when)
        previous = (sig, found)
        lines.extend(found)
    return lines


def video_frames(path: Path, times: tuple[float, ...]) -> Iterator[tuple[float, Image.Image]]:
    """(time, upright picture) for the first decoded frame at or after each time, in order."""
    import av

    started = time.monotonic()
    with av.open(str(path), metadata_errors="ignore") as container:
        if not container.streams.video:
            return
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        base = stream.time_base
        pending = sorted(times)
        seek_gap = 2.0  # farther than this ahead: seek to the key frame before, don't decode through
        last = -1.0
        while pending:
            target = pending[0]
            if target - last > seek_gap and target > 0 and base:
                container.seek(int(target / base), stream=stream, backward=True, any_frame=False)
            got = False
            for frame in container.decode(stream):
                if time.monotonic() - started > MAX_VIDEO_SECONDS:
                    return
                now = float(frame.pts * base) if frame.pts is not None and base else last + 0.04
                last = now
                if now + 0.02 < target:
                    continue
                image = frame.to_image()
                rotation = getattr(frame, "rotation", 0) or 0
                if rotation % 360:
                    image = image.rotate(rotation, expand=True)
                yield round(now, 2), image
                pending.pop(0)
                while pending and pending[0] <= now + 0.02:
                    pending.pop(0)
                got = True
                break
            if not got:
                return


def _signature(image: Image.Image) -> Any:
    import numpy as np
    from PIL import Image

    return np.asarray(image.convert("L").resize((48, 48), Image.Resampling.BILINEAR), dtype=np.int16)


def _similar(a: Any, b: Any) -> bool:
    import numpy as np

    # Any visible change (a mark appearing, a caption changing) moves some thumbnail pixels a lot;
    # compression noise moves none: so count strongly changed pixels instead of averaging.
    return a.shape == b.shape and int((np.abs(a - b) > 12).sum()) <= 2


def subtitle_lines(path: Path) -> list[TextLine]:
    """Text cues of MP4/MOV subtitle tracks (tx3g/mov_text: a 16-bit length, then UTF-8 text)."""
    import av

    lines: list[TextLine] = []
    with av.open(str(path), metadata_errors="ignore") as container:
        streams = [s for s in container.streams if s.type == "subtitle"]
        if not streams:
            return lines
        for packet in container.demux(*streams):
            if len(lines) >= MAX_SUBTITLE_CUES:
                break
            data = bytes(packet)
            if len(data) < 2:
                continue
            size = int.from_bytes(data[:2], "big")
            text = data[2 : 2 + size].decode("utf-8", "replace").strip()
            if not text:
                continue
            base = packet.stream.time_base
            when = round(float(packet.pts * base), 2) if packet.pts is not None and base else None
            for part in text.splitlines():
                if part.strip():
                    lines.append(TextLine(text=part.strip(), frame_s=when, source="subtitle"))
    return lines

"""Labelled video copies with PyAV: visible label on the opening seconds, AIGC metadata, no GPS.

The visible label is composited onto the decoded frames of the first `LABEL_SECONDS` (GB 45438
§5.4 asks for at least 2 s on the opening frames; the whole clip when it is shorter), so the
video stream is re-encoded (libx264 when this FFmpeg has it, else mpeg4) while audio packets
are copied untouched. Display rotation is applied to the pixels first, because the re-encoded
stream carries no rotation matrix. Metadata goes into moov/udta/meta `keys` via
`movflags=use_metadata_tags`: `AIGC` = the implicit label, `com.preflight.visiblelabel` = the
label text. Without a visible label the streams are remuxed, not re-encoded.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image

from checks.fixes.stamp import stamp_label

LABEL_SECONDS = 3.0
LOCATION_KEYS = ("location", "location-eng", "com.apple.quicktime.location.ISO6709")
VISIBLE_KEY = "com.preflight.visiblelabel"


def video_format(dst: Path) -> str:
    return {".mov": "mov", ".3gp": "3gp"}.get(dst.suffix.lower(), "mp4")


def export_video(
    src: Path,
    dst: Path,
    *,
    visible_label: str | None,
    aigc_json: str | None,
    strip_gps: bool,
) -> None:
    """Write the labelled copy to `dst` (the caller renames it into place)."""
    with av.open(str(src)) as inp:
        metadata = {k: v for k, v in inp.metadata.items() if not (strip_gps and k in LOCATION_KEYS)}
        for k in ("major_brand", "minor_version", "compatible_brands", "encoder"):
            metadata.pop(k, None)
        if aigc_json:
            metadata["AIGC"] = aigc_json
        if visible_label:
            metadata[VISIBLE_KEY] = visible_label
        if not visible_label or not inp.streams.video:
            try:
                with _open_out(dst, metadata) as out:
                    _remux(inp, out)
                return
            except av.FFmpegError:
                if not inp.streams.video:
                    raise
                inp.seek(0)  # timestamps a muxer refuses (edited/concatenated clips): re-encode instead
        with _open_out(dst, metadata) as out:
            _reencode(inp, out, visible_label)


def _open_out(dst: Path, metadata: dict[str, str]) -> av.container.OutputContainer:
    out = av.open(str(dst), "w", format=video_format(dst), options={"movflags": "use_metadata_tags"})
    out.metadata.update(metadata)
    return out


def _copyable(inp: av.container.InputContainer) -> list[av.stream.Stream]:
    return [s for s in inp.streams if s.type in ("audio", "video")]


def _remux(inp: av.container.InputContainer, out: av.container.OutputContainer) -> None:
    streams = _copyable(inp)
    mapping = {s.index: out.add_stream_from_template(s) for s in streams}
    for packet in inp.demux(streams):
        if packet.dts is None:
            continue
        packet.stream = mapping[packet.stream.index]
        out.mux(packet)


def _encoder_name() -> str:
    return "libx264" if "libx264" in av.codecs_available else "mpeg4"


def _reencode(inp: av.container.InputContainer, out: av.container.OutputContainer, label: str | None) -> None:
    vin = inp.streams.video[0]
    first = next(inp.decode(vin), None)
    if first is None:
        raise ValueError("the video has no decodable frames")
    inp.seek(0)
    rotation = int(getattr(first, "rotation", 0) or 0) % 360
    w, h = (first.height, first.width) if rotation in (90, 270) else (first.width, first.height)
    w, h = w - w % 2, h - h % 2
    rate = vin.average_rate or vin.guessed_rate or Fraction(30)
    vout = out.add_stream(_encoder_name(), rate=rate)
    vout.width, vout.height, vout.pix_fmt = w, h, "yuv420p"
    vout.time_base = vout.codec_context.time_base = vin.time_base  # fine enough for distinct pts
    if vout.codec_context.name == "libx264":
        vout.options = {"crf": "18", "preset": "veryfast"}
    else:
        vout.bit_rate = max(vin.bit_rate or 0, 4_000_000)
    overlay = _overlay(w, h, label) if label else None
    last_pts = None
    audio = [s for s in inp.streams.audio][:1]
    amap = {s.index: out.add_stream_from_template(s) for s in audio}
    for packet in inp.demux([vin, *audio]):
        if packet.stream.index in amap:
            if packet.dts is not None:
                packet.stream = amap[packet.stream.index]
                out.mux(packet)
            continue
        for frame in packet.decode():
            if frame.pts is None or (last_pts is not None and frame.pts <= last_pts):
                continue  # the encoder needs strictly increasing timestamps
            last_pts = frame.pts
            t = float(frame.pts * frame.time_base)
            new = _process(frame, rotation, w, h, overlay if t < LABEL_SECONDS else None)
            new.pts, new.time_base = frame.pts, frame.time_base
            out.mux(vout.encode(new))
    out.mux(vout.encode(None))


Overlay = tuple[tuple[slice, slice], np.ndarray, np.ndarray]


def _overlay(w: int, h: int, label: str) -> Overlay:
    """The label's box and its (RGB, alpha) arrays, rendered once, blended into each opening frame."""
    stamped = stamp_label(Image.new("RGBA", (w, h), (0, 0, 0, 0)), label)
    x0, y0, x1, y1 = stamped.getbbox() or (0, 0, w, h)
    patch = np.asarray(stamped.crop((x0, y0, x1, y1)), dtype=np.float32)
    return (slice(y0, y1), slice(x0, x1)), patch[..., :3], patch[..., 3:4] / 255.0


def _process(frame: av.VideoFrame, rotation: int, w: int, h: int, overlay: Overlay | None) -> av.VideoFrame:
    if not rotation and overlay is None and (frame.width, frame.height) == (w, h):
        return frame.reformat(format="yuv420p")
    rgb = frame.to_ndarray(format="rgb24")
    if rotation:
        rgb = np.rot90(rgb, k=rotation // 90 if rotation <= 180 else -1)
    rgb = np.ascontiguousarray(rgb[:h, :w])
    if overlay is not None:
        box, color, alpha = overlay
        rgb[box] = (rgb[box] * (1.0 - alpha) + color * alpha).astype(np.uint8)
    return av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")

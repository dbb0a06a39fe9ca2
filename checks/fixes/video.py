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
from typing import Literal

import av
import numpy as np
from PIL import Image

from checks.fixes.stamp import stamp_label

LABEL_SECONDS = 3.0
LOCATION_KEYS = ("location", "location-eng", "com.apple.quicktime.location.ISO6709")
VISIBLE_KEY = "com.preflight.visiblelabel"
WARNING_KEY = "com.preflight.warninglabel"  # a minors' warning on the opening frames (MINORS2026)


def video_format(dst: Path) -> str:
    return "mov" if dst.suffix.lower() == ".mov" else "mp4"


def export_video(
    src: Path,
    dst: Path,
    *,
    visible_label: str | None,
    aigc_json: str | None,
    strip_gps: bool,
    warning_label: str | None = None,
    platform: str | None = None,
) -> None:
    """Write the labelled copy to `dst` (the caller renames it into place).

    Cheapest first: copy what can be copied; when the muxer refuses (timestamps of edited clips,
    audio such as AMR that MP4 cannot hold) retry with audio transcoded to AAC, then with the video
    re-encoded too. The last error is raised if nothing works.
    """
    with av.open(str(src)) as inp:
        metadata = {k: v for k, v in inp.metadata.items() if not (strip_gps and k in LOCATION_KEYS)}
        for k in ("major_brand", "minor_version", "compatible_brands", "encoder"):
            metadata.pop(k, None)
        if aigc_json:
            metadata["AIGC"] = aigc_json
        if visible_label:
            metadata[VISIBLE_KEY] = visible_label
        if warning_label:
            metadata[WARNING_KEY] = warning_label
        stamps = [(t, c) for t, c in ((visible_label, "bottom_right"), (warning_label, "top_left")) if t]
        has_video = bool(inp.streams.video)
        plans = [(bool(stamps) and has_video, False), (bool(stamps) and has_video, True)]
        if has_video:
            plans.append((True, True))
        for attempt, (reencode, transcode) in enumerate(dict.fromkeys(plans)):
            if attempt:
                inp.seek(0)
            try:
                with _open_out(dst, metadata) as out:
                    _write(inp, out, stamps if reencode else [], reencode, transcode, platform)
                return
            except (av.FFmpegError, ValueError) as exc:  # ValueError: codec the container cannot hold
                error = exc
        raise error


def _open_out(dst: Path, metadata: dict[str, str]) -> av.container.OutputContainer:
    out = av.open(str(dst), "w", format=video_format(dst), options={"movflags": "use_metadata_tags"})
    out.metadata.update(metadata)
    return out


def _write(
    inp: av.container.InputContainer,
    out: av.container.OutputContainer,
    labels: list[tuple[str, str]],
    reencode: bool,
    transcode_audio: bool,
    platform: str | None = None,
) -> None:
    vin = inp.streams.video[0] if inp.streams.video else None
    streams = [s for s in inp.streams if s.type in ("audio", "video")]
    copies: dict[int, av.stream.Stream] = {}
    encoders: dict[int, av.AudioStream] = {}
    video: _VideoEncoder | None = None
    for s in streams:
        if vin is not None and s is vin and reencode:
            video = _VideoEncoder(inp, out, vin, labels, platform)
        elif isinstance(s, av.AudioStream) and transcode_audio:
            audio = s.codec_context
            layout = audio.layout.name if audio.layout else "stereo"
            encoders[s.index] = out.add_stream("aac", rate=audio.sample_rate or 44100, layout=layout)
        elif s.type == "video" and reencode:
            continue  # only the first video stream is kept when re-encoding
        else:
            copies[s.index] = out.add_stream_from_template(s)
    for packet in inp.demux(streams):
        index = packet.stream.index
        if index in copies:
            if packet.dts is not None:
                packet.stream = copies[index]
                out.mux(packet)
        elif index in encoders:
            for frame in packet.decode():
                if isinstance(frame, av.AudioFrame):  # an audio packet decodes to audio frames
                    frame.pts = None
                    out.mux(encoders[index].encode(frame))
        elif video is not None and packet.stream is vin:
            for frame in packet.decode():
                if isinstance(frame, av.VideoFrame):
                    video.add(frame)
    for encoder in encoders.values():
        out.mux(encoder.encode(None))
    if video is not None:
        video.close()


def _encoder_name() -> Literal["libx264", "mpeg4"]:
    return "libx264" if "libx264" in av.codecs_available else "mpeg4"


class _VideoEncoder:
    """Re-encodes one video stream upright, with the label on frames before LABEL_SECONDS."""

    def __init__(
        self,
        inp: av.container.InputContainer,
        out: av.container.OutputContainer,
        vin: av.VideoStream,
        labels: list[tuple[str, str]],
        platform: str | None = None,
    ) -> None:
        first = next(inp.decode(vin), None)
        if not isinstance(first, av.VideoFrame):
            raise ValueError("the video has no decodable frames")
        inp.seek(0)
        self.out = out
        self.rotation = int(getattr(first, "rotation", 0) or 0) % 360
        w, h = (first.height, first.width) if self.rotation in (90, 270) else (first.width, first.height)
        self.w, self.h = w - w % 2, h - h % 2
        rate = vin.average_rate or vin.guessed_rate or Fraction(30)
        self.stream = out.add_stream(_encoder_name(), rate=rate)
        self.stream.width, self.stream.height, self.stream.pix_fmt = self.w, self.h, "yuv420p"
        if vin.time_base is None:  # a demuxed stream always has one
            raise ValueError("the video stream has no time base")
        # the input's time base, so distinct pts stay distinct
        self.stream.time_base = self.stream.codec_context.time_base = vin.time_base
        if self.stream.codec_context.name == "libx264":
            self.stream.options = {"crf": "18", "preset": "veryfast"}
        else:
            self.stream.bit_rate = max(vin.bit_rate or 0, 4_000_000)
        self.overlays = [_overlay(self.w, self.h, text, corner, platform) for text, corner in labels]
        self.last_pts: int | None = None

    def add(self, frame: av.VideoFrame) -> None:
        if frame.pts is None or (self.last_pts is not None and frame.pts <= self.last_pts):
            return  # the encoder needs strictly increasing timestamps
        if frame.time_base is None:  # a decoded frame always has one; without it there is no clock
            return
        self.last_pts = frame.pts
        opening = float(frame.pts * frame.time_base) < LABEL_SECONDS
        new = _process(frame, self.rotation, self.w, self.h, self.overlays if opening else [])
        new.pts, new.time_base = frame.pts, frame.time_base
        self.out.mux(self.stream.encode(new))

    def close(self) -> None:
        self.out.mux(self.stream.encode(None))


Overlay = tuple[tuple[slice, slice], np.ndarray, np.ndarray]


def _overlay(w: int, h: int, label: str, corner: str = "bottom_right", platform: str | None = None) -> Overlay:
    """The label's box and its (RGB, alpha) arrays, rendered once, blended into each opening frame."""
    stamped = stamp_label(
        Image.new("RGBA", (w, h), (0, 0, 0, 0)), label, corner=corner, platform=platform, kind="video"
    )
    x0, y0, x1, y1 = stamped.getbbox() or (0, 0, w, h)
    patch = np.asarray(stamped.crop((x0, y0, x1, y1)), dtype=np.float32)
    return (slice(y0, y1), slice(x0, x1)), patch[..., :3], patch[..., 3:4] / 255.0


def _process(frame: av.VideoFrame, rotation: int, w: int, h: int, overlays: list[Overlay]) -> av.VideoFrame:
    if not rotation and not overlays and (frame.width, frame.height) == (w, h):
        return frame.reformat(format="yuv420p")
    rgb: np.ndarray = frame.to_ndarray(format="rgb24")
    if rotation:
        rgb = np.rot90(rgb, k=rotation // 90 if rotation <= 180 else -1)
    rgb = np.ascontiguousarray(rgb[:h, :w])
    for box, color, alpha in overlays:
        rgb[box] = (rgb[box] * (1.0 - alpha) + color * alpha).astype(np.uint8)
    return av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")

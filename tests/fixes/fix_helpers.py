"""Real files for the fix tests, generated on the spot with Pillow and PyAV."""

from __future__ import annotations

import hashlib
from fractions import Fraction
from io import BytesIO
from pathlib import Path

from PIL import Image, PngImagePlugin

XMP_WITH_GPS = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
    'xmp:CreatorTool="Camera App 1.0" exif:GPSLatitude="30,15.0N" exif:GPSLongitude="120,10.0E">'
    '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">West Lake</rdf:li></rdf:Alt></dc:title>'
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scene(size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A busy gradient, so a label changes pixels wherever it lands."""
    w, h = size
    im = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    r, g, b = im.split()
    return Image.merge("RGB", (r, g.transpose(Image.Transpose.FLIP_LEFT_RIGHT), b.rotate(90)))


def camera_exif(*, gps: bool = True, orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    exif[0x0112] = orientation
    exif[0x0131] = "17.1"
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = "2026:11:03 14:22:05"
    sub[0x9011] = "+08:00"
    if gps:
        g = exif.get_ifd(0x8825)
        g[1] = "N"
        g[2] = (Fraction(30), Fraction(15), Fraction(0))
        g[3] = "E"
        g[4] = (Fraction(120), Fraction(10), Fraction(0))
    return exif


def camera_jpeg(
    path: Path,
    *,
    size: tuple[int, int] = (640, 480),
    gps: bool = True,
    orientation: int = 1,
    xmp: str | None = None,
    subsampling: int = 2,
) -> Path:
    icc = srgb_icc()
    kwargs = {"exif": camera_exif(gps=gps, orientation=orientation).tobytes(), "quality": 90}
    if icc:
        kwargs["icc_profile"] = icc
    if xmp:
        kwargs["xmp"] = xmp.encode()
    scene(size).save(path, "JPEG", subsampling=subsampling, **kwargs)
    return path


def srgb_icc() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def ai_png(path: Path, *, size: tuple[int, int] = (512, 512)) -> Path:
    info = PngImagePlugin.PngInfo()
    info.add_text(
        "parameters",
        "a cat astronaut, masterpiece\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7, "
        "Seed: 1234, Size: 512x512, Model: sd_xl_base_1.0",
    )
    scene(size).save(path, "PNG", pnginfo=info)
    return path


def webp(path: Path, *, lossless: bool = False, size: tuple[int, int] = (320, 240)) -> Path:
    scene(size).save(path, "WEBP", lossless=lossless, quality=80)
    return path


def png_bytes(size: tuple[int, int] = (64, 64)) -> bytes:
    buf = BytesIO()
    scene(size).save(buf, "PNG")
    return buf.getvalue()


def video(
    path: Path,
    *,
    seconds: float = 3.0,
    fps: int = 10,
    size: tuple[int, int] = (320, 240),
    location: bool = True,
    aigc: str | None = None,
) -> Path:
    """A small H.264 MP4 with AAC audio and iPhone-style location/creation keys."""
    import av
    import numpy as np

    w, h = size
    with av.open(str(path), "w", format="mp4", options={"movflags": "use_metadata_tags"}) as out:
        if location:
            out.metadata["com.apple.quicktime.location.ISO6709"] = "+30.2500+120.1600+010.000/"
        out.metadata["com.apple.quicktime.creationdate"] = "2026-11-03T14:22:05+0800"
        if aigc:
            out.metadata["AIGC"] = aigc
        vs = out.add_stream("libx264" if "libx264" in av.codecs_available else "mpeg4", rate=fps)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        aus = out.add_stream("aac", rate=16000)
        base = np.asarray(scene(size))
        for i in range(int(seconds * fps)):
            frame = av.VideoFrame.from_ndarray(np.roll(base, i * 3, axis=1), format="rgb24")
            frame.pts = i
            out.mux(vs.encode(frame))
        out.mux(vs.encode(None))
        samples = int(seconds * 16000)
        t = np.arange(samples) / 16000
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype("float32").reshape(1, -1)
        for start in range(0, samples, 1024):
            chunk = tone[:, start : start + 1024]
            af = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk), format="flt", layout="mono")
            af.sample_rate = 16000
            af.pts = start
            out.mux(aus.encode(af))
        out.mux(aus.encode(None))
    return path

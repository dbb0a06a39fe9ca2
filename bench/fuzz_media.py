"""Fuzz the media readers: mutated corpus and generated files, each read in a worker subprocess.

Usage: python bench/fuzz_media.py [--files N] [--seed S] [--timeout SEC] [--corpus DIR] [--keep DIR]

Seeds are the files of ../shared/corpus (when present) plus small generated files (JPEG, PNG,
WebP, TIFF, HEIC, MP4) and the hostile builders of tests/media/hostile_media.py. Each fuzz file is
one seed with one or more mutations: bit flips, truncation, inserted bytes, box/chunk/segment
lengths set to 0 or huge, nested boxes, IFD offset loops, XMP entity expansion, decompression
bombs; some are written under a wrong extension, and special paths are mixed in (FIFOs, symlink
loops, dangling links, directories and unreadable files named like photos).

Every file goes to a persistent worker process (restarted after a crash or a hang), which resets
its peak-RSS counter, calls `read_one` and, for a file it cannot read, runs the media_unreadable
rule. The parent enforces a per-file timeout. Printed: crashes (an exception out of `read_one`,
or the worker dying), hangs, peak RSS, slowest file, and whether every failure became a
media_unreadable finding naming the file and the reason. Exit status 1 when any of those fail.
Not part of the default test run; tests/media/test_fuzz_sample.py runs a small seeded sample.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EXTS = [".jpg", ".png", ".webp", ".tif", ".heic", ".mp4", ".mov", ".gif", ".bmp", ".avif", ".txt"]
MAX_SEED = 4 * 1024 * 1024
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(b'<!ENTITY %c "%s">' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(8))
    + b']><x:xmpmeta xmlns:x="adobe:ns:meta/">&i;</x:xmpmeta>'
)


# ---------------------------------------------------------------- seeds


def generated_seeds() -> dict[str, bytes]:
    from PIL import Image, PngImagePlugin

    from tests.media import hostile_media as hm

    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "EOS"
    exif.get_ifd(0x8769)[0x9003] = "2026:01:02 03:04:05"
    im = Image.new("RGB", (32, 24), "white")
    out: dict[str, bytes] = {}
    for fmt, ext, kw in (
        ("JPEG", ".jpg", {"exif": exif, "xmp": hm.XMP_DST}),
        ("WEBP", ".webp", {"exif": exif, "xmp": hm.XMP_DST}),
        ("TIFF", ".tif", {"exif": exif}),
        ("GIF", ".gif", {}),
        ("BMP", ".bmp", {}),
    ):
        buf = io.BytesIO()
        im.save(buf, fmt, **kw)
        out[f"gen{ext}"] = buf.getvalue()
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "Steps: 20, Sampler: Euler a")
    info.add_itxt("XML:com.adobe.xmp", hm.XMP_DST.decode(), zip=True)
    buf = io.BytesIO()
    im.save(buf, "PNG", pnginfo=info, exif=exif)
    out["gen.png"] = buf.getvalue()
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        buf = io.BytesIO()
        im.save(buf, "HEIF", exif=exif.tobytes())
        out["gen.heic"] = buf.getvalue()
    except ImportError:
        pass
    out["gen.mp4"] = _tiny_mp4()
    out["hostile-extents.heic"] = hm.heic_extent_bomb(200, 1000)
    out["hostile-text.png"] = hm.png_text_bomb(40, 256 * 1024)
    out["hostile-ascii.tif"] = hm.tiff_ascii_bomb(8)
    out["hostile-chain.tif"] = hm.tiff_ifd_chain(20_000)
    out["hostile-loop.tif"] = hm.tiff_ifd_chain(50, loop=True)
    out["hostile-deep.png"] = hm.png_ai_with_deep_blocks(300)
    out["hostile-extxmp.jpg"] = hm.jpeg_extended_xmp(1)
    return out


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def _tiny_mp4() -> bytes:
    mvhd = _box(b"mvhd", b"\x00" * 4 + struct.pack(">IIII", 0, 0, 1000, 5000) + b"\x00" * 80)
    tkhd = _box(b"tkhd", b"\x00\x00\x00\x03" + b"\x00" * 72 + struct.pack(">II", 640 << 16, 360 << 16))
    hdlr = _box(b"hdlr", b"\x00" * 8 + b"vide" + b"\x00" * 13)
    trak = _box(b"trak", tkhd + _box(b"mdia", hdlr))
    return _box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41") + _box(b"moov", mvhd + trak) + _box(b"mdat", b"\x00" * 64)


def corpus_seeds(folder: Path | None) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    if folder is None or not folder.is_dir():
        return out
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            with p.open("rb") as fh:
                out[f"corpus:{p.relative_to(folder)}"] = fh.read(MAX_SEED)  # big files: their head
    return out


# ---------------------------------------------------------------- mutations


def _huge(rng: random.Random, width: int) -> int:
    return rng.choice([0, 1, 7, 8, (1 << (8 * width)) - 1, 1 << (8 * width - 1), rng.randrange(1 << (8 * width))])


def _png_chunks(data: bytes) -> list[int]:
    pos, out = 8, []
    while pos + 8 <= len(data) and len(out) < 500:
        out.append(pos)
        pos += 12 + struct.unpack(">I", data[pos : pos + 4])[0]
    return out


def _jpeg_segments(data: bytes) -> list[int]:
    pos, out = 2, []
    while pos + 4 <= len(data) and data[pos] == 0xFF and len(out) < 500:
        out.append(pos + 2)
        if data[pos + 1] == 0xDA:
            break
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]
    return out


def _boxes(data: bytes) -> list[int]:
    """Box size positions: top level and one level into containers (moov, meta, trak, iprp …)."""
    out: list[int] = []

    def walk(start: int, end: int, depth: int) -> None:
        pos = start
        while pos + 8 <= end and len(out) < 500:
            size, kind = struct.unpack(">I4s", data[pos : pos + 8])
            out.append(pos)
            if size < 8 or pos + size > end:
                return
            if depth < 3 and kind in (b"moov", b"trak", b"mdia", b"minf", b"iprp", b"ipco", b"udta"):
                walk(pos + 8, pos + size, depth + 1)
            elif depth < 3 and kind == b"meta":
                walk(pos + 12, pos + size, depth + 1)
            pos += size

    walk(0, len(data), 0)
    return out


def _tiff_at(data: bytes) -> int | None:
    for sig in (b"II*\x00", b"MM\x00*"):
        at = data.find(sig, 0, 1 << 20)
        if at >= 0:
            return at
    return None


def m_bitflip(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    hot = min(len(b), 1 << 16)  # metadata lives at the front
    for _ in range(rng.randrange(1, 16)):
        i = rng.randrange(hot) if rng.random() < 0.8 else rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def m_truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def m_insert(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + rng.randbytes(rng.randrange(1, 256)) + data[i:]


def m_lengths(data: bytes, rng: random.Random) -> bytes:
    """A container length field (PNG chunk, JPEG segment, BMFF box) set to 0, 1, huge or random."""
    b = bytearray(data)
    if data.startswith(b"\x89PNG"):
        spots = [(p, 4) for p in _png_chunks(data)]
    elif data.startswith(b"\xff\xd8"):
        spots = [(p, 2) for p in _jpeg_segments(data)]
    elif data[4:8] in (b"ftyp", b"moov", b"mdat", b"free"):
        spots = [(p, 4) for p in _boxes(data)]
    elif data[:4] == b"RIFF":
        spots = [(4, 4)] + [(p + 4, 4) for p in range(12, min(len(data), 4096), 4) if data[p : p + 4].isalnum()]
    else:
        spots = []
    if not spots:
        return m_bitflip(data, rng)
    for _ in range(rng.randrange(1, 3)):
        pos, width = rng.choice(spots)
        if pos + width <= len(b):
            b[pos : pos + width] = _huge(rng, width).to_bytes(width, "big" if data[:4] != b"RIFF" else "little")
    return bytes(b)


def m_tiff(data: bytes, rng: random.Random) -> bytes:
    """TIFF/EXIF structure: entry counts huge, value counts 0xFFFFFFFF, next-IFD links looping."""
    at = _tiff_at(data)
    if at is None or at + 8 > len(data):
        return m_bitflip(data, rng)
    e = "<" if data[at : at + 2] == b"II" else ">"
    b = bytearray(data)
    ifd = at + struct.unpack(e + "I", data[at + 4 : at + 8])[0]
    if ifd + 2 > len(b):
        return m_bitflip(data, rng)
    count = struct.unpack(e + "H", data[ifd : ifd + 2])[0]
    choice = rng.randrange(4)
    if choice == 0:
        b[ifd : ifd + 2] = struct.pack(e + "H", rng.choice([0xFFFF, 0x8000, 0]))
    elif choice == 1 and count:
        entry = ifd + 2 + 12 * rng.randrange(count)
        if entry + 8 <= len(b):
            b[entry + 4 : entry + 8] = struct.pack(e + "I", rng.choice([0xFFFFFFFF, 0x7FFFFFFF, 1 << 20]))
    else:
        link = ifd + 2 + 12 * count
        if link + 4 <= len(b):  # loop to itself or to the header, or point past the end
            b[link : link + 4] = struct.pack(e + "I", rng.choice([ifd - at, 8, 0xFFFFFFF0]))
    return bytes(b)


def m_nest(data: bytes, rng: random.Random) -> bytes:
    """Deeply nested boxes (BMFF) or deeply nested JSON in a text chunk (others)."""
    depth = rng.choice([20, 200, 2000])
    if data[4:8] == b"ftyp":
        inner = b""
        for _ in range(depth):
            inner = _box(rng.choice([b"meta", b"moov", b"trak", b"iprp"]), (b"\x00" * 4) + inner)
        return data + inner
    from tests.media import hostile_media as hm

    text = hm.deep_json(depth).encode()
    if data.startswith(b"\x89PNG"):
        return data[:33] + hm.png_chunk(b"tEXt", b"Comment\x00" + text) + data[33:]
    if data.startswith(b"\xff\xd8"):
        return data[:2] + b"\xff\xfe" + struct.pack(">H", min(len(text), 65000) + 2) + text[:65000] + data[2:]
    return m_insert(data, rng)


def m_entities(data: bytes, rng: random.Random) -> bytes:
    """XMP entity expansion: a billion-laughs packet where the reader looks for XMP."""
    from tests.media import hostile_media as hm

    if data.startswith(b"\x89PNG"):
        return data[:33] + hm.png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + BILLION_LAUGHS) + data[33:]
    if data.startswith(b"\xff\xd8"):
        payload = b"http://ns.adobe.com/xap/1.0/\x00" + BILLION_LAUGHS
        return data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]
    at = data.find(b"<x:xmpmeta")
    if at >= 0:
        return data[:at] + BILLION_LAUGHS + data[at + len(BILLION_LAUGHS) :]
    return m_bitflip(data, rng)


def m_bomb(data: bytes, rng: random.Random) -> bytes:
    """Decompression bombs: giant declared dimensions, a zTXt that inflates to 64 MB."""
    import zlib

    from tests.media import hostile_media as hm

    b = bytearray(data)
    if data.startswith(b"\x89PNG") and len(b) > 24:
        if rng.random() < 0.5:
            b[16:24] = struct.pack(">II", 0x7FFFFFFF, rng.choice([1, 0x7FFFFFFF]))
            return bytes(b)
        packed = zlib.compress(b"\x00" * (64 << 20), 9)
        return data[:33] + hm.png_chunk(b"zTXt", b"Comment\x00\x00" + packed) + data[33:]
    if data.startswith(b"\xff\xd8"):
        for pos in _jpeg_segments(data):
            if pos + 7 <= len(b) and data[pos - 1] in (0xC0, 0xC2):
                b[pos + 3 : pos + 7] = b"\xff\xff\xff\xff"
        return bytes(b)
    return m_lengths(data, rng)


MUTATORS = [m_bitflip, m_bitflip, m_truncate, m_insert, m_lengths, m_lengths, m_tiff, m_nest, m_entities, m_bomb]


def make_file(folder: Path, i: int, seeds: list[tuple[str, bytes]], rng: random.Random) -> tuple[Path, str]:
    """The i-th fuzz file (or special path) and a description of how it was made."""
    roll = rng.random()
    if roll < 0.01:
        return _special(folder, i, rng)
    name, data = rng.choice(seeds)
    steps = []
    for _ in range(1 if rng.random() < 0.7 else rng.randrange(2, 4)):
        mut = rng.choice(MUTATORS)
        if data:
            data = mut(data, rng)
        steps.append(mut.__name__[2:])
    ext = Path(name).suffix.lower() or ".bin"
    if rng.random() < 0.1:
        ext = rng.choice(EXTS)
        steps.append("wrong-extension")
    path = folder / f"f{i:06d}{ext}"
    path.write_bytes(data)
    return path, f"{name} + {'+'.join(steps)}"


def _special(folder: Path, i: int, rng: random.Random) -> tuple[Path, str]:
    kind = rng.choice(["fifo", "symlink-loop", "dangling", "directory", "unreadable", "empty", "device"])
    path = folder / f"s{i:06d}.{rng.choice(['jpg', 'png', 'heic', 'mp4'])}"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink-loop":
        other = path.with_suffix(".loop")
        os.symlink(other, path)
        os.symlink(path, other)
    elif kind == "dangling":
        os.symlink(folder / "nowhere", path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "unreadable":
        path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
        path.chmod(0)
    elif kind == "device":
        os.symlink("/dev/zero", path)
    else:
        path.write_bytes(b"")
    return path, f"special:{kind}"


# ---------------------------------------------------------------- worker


def worker() -> int:
    """Read one path per stdin line; answer one JSON line. Runs in its own process."""
    import resource
    from datetime import UTC, datetime

    from checks.media import read_one
    from checks.model import Draft
    from checks.packs import load_packs
    from checks.rules import get_rule
    from checks.rules.base import Context

    limit = int(os.environ.get("FUZZ_AS_LIMIT", "0"))
    if limit:  # a runaway allocation fails in this process, never on the shared machine
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    packs, rule = load_packs(), get_rule("media_unreadable")
    for line in sys.stdin:
        path = line.rstrip("\n")
        _reset_peak()
        before = _status_mb("VmRSS")
        start = time.monotonic()
        out: dict[str, object] = {}
        try:
            facts = read_one(path, use_cache=False, ocr=False)
            out["error"] = facts.error
            if facts.error:
                ctx = Context(
                    draft=Draft(title="t", media=(path,)),
                    media=(facts,),
                    packs=packs,
                    publish_at=datetime(2026, 11, 21, 12, tzinfo=UTC),
                    lang="en",
                )
                found = list(rule.check(ctx))
                name = Path(path).name
                out["finding_ok"] = (
                    len(found) == 1 and name in found[0].message and found[0].evidence == facts.error
                )
        except BaseException as exc:  # the contract under test: nothing escapes read_one
            out["crash"] = f"{type(exc).__name__}: {exc}"[:300]
        out["seconds"] = time.monotonic() - start
        out["peak_mb"] = _status_mb("VmHWM")
        out["growth_mb"] = out["peak_mb"] - before  # type: ignore[operator]
        print(json.dumps(out), flush=True)
    return 0


def _status_mb(key: str) -> float:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


class Worker:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.proc: subprocess.Popen[str] | None = None
        self.restarts = -1

    def start(self) -> None:
        self.restarts += 1
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, cwd=ROOT, env=self.env,
        )

    def read(self, path: Path, timeout: float) -> dict[str, object]:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc and self.proc.stdin and self.proc.stdout
        try:
            self.proc.stdin.write(f"{path}\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return {"crash": "worker died before reading"}
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            self.stop()
            return {"hang": True}
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            self.proc = None
            return {"crash": f"worker died (exit {code})"}
        return json.loads(line)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


def default_corpus() -> Path | None:
    for p in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")):
        if p.is_dir():
            return p
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per file before it counts as a hang")
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--no-corpus", action="store_true")
    ap.add_argument("--max-rss-mb", type=float, default=1024.0)
    ap.add_argument("--keep", type=Path, default=None, help="copy crashing/hanging files here")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker()

    rng = random.Random(args.seed)
    corpus = None if args.no_corpus else (args.corpus or default_corpus())
    seeds = sorted(corpus_seeds(corpus).items()) + sorted(generated_seeds().items())
    n_corpus = sum(1 for k, _ in seeds if k.startswith("corpus:"))
    home = Path(tempfile.mkdtemp(prefix="fuzz-home-"))
    env = {**os.environ, "PREFLIGHT_HOME": str(home), "PYTHONPATH": str(ROOT), "FUZZ_AS_LIMIT": str(3 << 30)}
    work = Path(tempfile.mkdtemp(prefix="fuzz-media-"))
    w = Worker(env)
    crashes: list[str] = []
    hangs: list[str] = []
    bad_findings: list[str] = []
    unreadable = peak = growth = slowest = 0.0
    peak_file = growth_file = slow_file = ""
    started = time.monotonic()
    try:
        for i in range(args.files):
            path, how = make_file(work, i, seeds, rng)
            out = w.read(path, args.timeout)
            label = f"{path.name} ({how})"
            if "hang" in out:
                hangs.append(label)
            elif "crash" in out:
                crashes.append(f"{label}: {out['crash']}")
            else:
                if out.get("error"):
                    unreadable += 1
                    if not out.get("finding_ok"):
                        bad_findings.append(f"{label}: {out['error']}")
                if float(out["peak_mb"]) > peak:  # type: ignore[arg-type]
                    peak, peak_file = float(out["peak_mb"]), label  # type: ignore[arg-type]
                if float(out["growth_mb"]) > growth:  # type: ignore[arg-type]
                    growth, growth_file = float(out["growth_mb"]), label  # type: ignore[arg-type]
                if float(out["seconds"]) > slowest:  # type: ignore[arg-type]
                    slowest, slow_file = float(out["seconds"]), label  # type: ignore[arg-type]
            if ("hang" in out or "crash" in out) and args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                if path.is_file() and not path.is_symlink():
                    shutil.copy(path, args.keep / path.name)
            _remove(path)
            if (i + 1) % 1000 == 0:
                print(f"… {i + 1} files, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    finally:
        w.stop()
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
    wall = time.monotonic() - started
    print(f"fuzz_media: files={args.files} seed={args.seed} seeds={len(seeds)} (corpus {n_corpus}) wall={wall:.0f}s")
    print(f"fuzz_media: crashes={len(crashes)} hangs={len(hangs)} (timeout {args.timeout:g} s) worker restarts={w.restarts}")
    print(
        f"fuzz_media: unreadable={int(unreadable)} named media_unreadable findings="
        f"{int(unreadable) - len(bad_findings)}/{int(unreadable)}"
    )
    print(f"fuzz_media: peak RSS {peak:.0f} MB (limit {args.max_rss_mb:.0f} MB) at {peak_file}")
    print(f"fuzz_media: largest growth {growth:.0f} MB at {growth_file}; slowest {slowest:.2f} s at {slow_file}")
    for line in (crashes + [f"hang: {h}" for h in hangs] + [f"bad finding: {b}" for b in bad_findings])[:30]:
        print(f"  {line}")
    ok = not crashes and not hangs and not bad_findings and peak <= args.max_rss_mb
    print(f"fuzz_media: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


def _remove(path: Path) -> None:
    try:
        if path.is_symlink() or not path.is_dir():
            other = path.with_suffix(".loop")
            if other.is_symlink():
                other.unlink()
            path.unlink()
        else:
            path.rmdir()
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())

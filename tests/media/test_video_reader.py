"""The MP4/MOV reader on real bytes: boxes built here, videos encoded with PyAV, and the corpus."""

from __future__ import annotations

import csv
import struct
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from checks.media.video import XMP_UUID, read_video, video_xmp
from checks.model import Provenance

EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)


def box(kind: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I4s", 8 + len(body), kind) + body


def full(kind: bytes, *parts: bytes, version: int = 0) -> bytes:
    return box(kind, bytes([version, 0, 0, 0]), *parts)


def mvhd(created: datetime | None, seconds: float = 2.5, scale: int = 1000) -> bytes:
    stamp = int((created - EPOCH_1904).total_seconds()) if created else 0
    return full(b"mvhd", struct.pack(">IIII", stamp, stamp, scale, int(seconds * scale)), bytes(80))


def video_trak(width: int, height: int, quarter_turn: bool = False) -> bytes:
    a, b, c, d = (0, 0x10000, -0x10000, 0) if quarter_turn else (0x10000, 0, 0, 0x10000)
    matrix = struct.pack(">9i", a, b, 0, c, d, 0, 0, 0, 0x40000000)
    tkhd = full(b"tkhd", bytes(20 + 8 + 8), matrix, struct.pack(">II", width << 16, height << 16))
    hdlr = full(b"hdlr", bytes(4), b"vide", bytes(12), b"VideoHandler\0")
    return box(b"trak", tkhd, box(b"mdia", hdlr))


def sound_trak() -> bytes:
    tkhd = full(b"tkhd", bytes(20 + 8 + 8 + 36), bytes(8))
    return box(b"trak", tkhd, box(b"mdia", full(b"hdlr", bytes(4), b"soun", bytes(12), b"\0")))


def keys_meta(items: dict[str, str]) -> bytes:
    keys = b"".join(box(b"mdta", k.encode()) for k in items)
    ilst = b"".join(
        box(struct.pack(">I", i), box(b"data", struct.pack(">II", 1, 0), v.encode()))
        for i, v in enumerate(items.values(), 1)
    )
    hdlr = full(b"hdlr", bytes(4), b"mdta", bytes(12), b"\0")
    return box(b"meta", hdlr, full(b"keys", struct.pack(">I", len(items)), keys), box(b"ilst", ilst))


def udta_text(kind: bytes, text: str) -> bytes:
    raw = text.encode()
    return box(kind, struct.pack(">HH", len(raw), 0x15C7), raw)


def mp4(*moov_children: bytes, brand: bytes = b"isom", extra: bytes = b"", mdat: bytes = b"\0" * 64) -> bytes:
    ftyp = box(b"ftyp", brand, bytes(4), b"isommp41")
    return ftyp + box(b"mdat", mdat) + box(b"moov", *moov_children) + extra


def write(tmp_path: Path, data: bytes, name: str = "clip.mp4") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_iphone_keys_give_local_time_place_and_device(tmp_path: Path) -> None:
    meta = keys_meta(
        {
            "com.apple.quicktime.location.ISO6709": "+30.2590+120.1530+012.345/",
            "com.apple.quicktime.make": "Apple",
            "com.apple.quicktime.model": "iPhone 15",
            "com.apple.quicktime.software": "17.4",
            "com.apple.quicktime.creationdate": "2026-11-03T14:22:05+0800",
        }
    )
    created = datetime(2026, 11, 3, 6, 22, 30, tzinfo=UTC)
    p = write(tmp_path, mp4(mvhd(created), video_trak(1920, 1080), meta, brand=b"qt  "), "IMG_1.MOV")
    facts = read_video(p)
    assert facts.kind == "video" and facts.format == "mov"
    assert facts.capture_time == datetime(2026, 11, 3, 14, 22, 5, tzinfo=timezone(timedelta(hours=8)))
    assert facts.capture_time_source == "QuickTime creationdate"
    assert (facts.gps.lat, facts.gps.lon, facts.gps.altitude) == (30.259, 120.153, 12.345)
    assert facts.device == "Apple iPhone 15" and facts.software == "17.4"
    assert (facts.width, facts.height, facts.duration) == (1920, 1080, 2.5)
    assert facts.size_bytes == p.stat().st_size and facts.evidence == ()


def test_android_udta_xyz_and_mvhd_time(tmp_path: Path) -> None:
    created = datetime(2025, 7, 11, 15, 44, 38, tzinfo=UTC)
    udta = box(b"udta", udta_text(b"\xa9xyz", "-33.8688+151.2093/"))
    meta = keys_meta({"com.android.manufacturer": "Xiaomi", "com.android.model": "23127PN0CC"})
    facts = read_video(write(tmp_path, mp4(mvhd(created), sound_trak(), video_trak(720, 1280), udta, meta)))
    assert facts.capture_time == created and facts.capture_time_source == "QuickTime mvhd creation_time"
    assert (facts.gps.lat, facts.gps.lon) == (-33.8688, 151.2093)
    assert facts.device == "Xiaomi 23127PN0CC"
    assert (facts.width, facts.height) == (720, 1280)
    assert facts.format == "mp4"


def test_display_size_follows_the_track_matrix(tmp_path: Path) -> None:
    upright = read_video(write(tmp_path, mp4(mvhd(None), video_trak(1920, 1080, quarter_turn=True))))
    assert (upright.width, upright.height) == (1080, 1920)


def test_3gpp_loci_location(tmp_path: Path) -> None:
    loci = full(
        b"loci",
        b"\x15\xc7",
        b"Home\0",
        b"\0",
        struct.pack(">iii", int(-118.25 * 65536), int(34.07 * 65536), 0),
    )
    facts = read_video(write(tmp_path, mp4(mvhd(None), box(b"udta", loci), brand=b"3gp5"), "a.3gp"))
    assert facts.format == "3gp"
    assert abs(facts.gps.lat - 34.07) < 1e-4 and abs(facts.gps.lon + 118.25) < 1e-4
    assert facts.capture_time is None and facts.capture_time_source is None


def test_udta_day_string_before_mvhd(tmp_path: Path) -> None:
    created = datetime(2020, 1, 1, tzinfo=UTC)
    udta = box(b"udta", udta_text(b"\xa9day", "2019-07-24T11:25:40+0300"))
    facts = read_video(write(tmp_path, mp4(mvhd(created), udta)))
    assert facts.capture_time == datetime(2019, 7, 24, 8, 25, 40, tzinfo=UTC)
    assert facts.capture_time_source == "QuickTime ©day"
    year_only = box(b"udta", udta_text(b"\xa9day", "2019"))
    assert read_video(write(tmp_path, mp4(mvhd(created), year_only))).capture_time == created


def test_zero_and_pre_1971_times_are_absent(tmp_path: Path) -> None:
    old = datetime(1904, 1, 2, tzinfo=UTC)
    assert read_video(write(tmp_path, mp4(mvhd(old)))).capture_time is None
    assert read_video(write(tmp_path, mp4(mvhd(None)))).capture_time is None


def test_encoder_tag_is_software(tmp_path: Path) -> None:
    ilst = box(b"ilst", box(b"\xa9too", box(b"data", struct.pack(">II", 1, 0), b"Lavf61.7.100")))
    meta = full(b"meta", full(b"hdlr", bytes(4), b"mdir", bytes(12), b"\0"), ilst)
    facts = read_video(write(tmp_path, mp4(mvhd(None), box(b"udta", meta))))
    assert facts.software == "Lavf61.7.100"


def test_aigc_key_becomes_label_and_ai_evidence(tmp_path: Path) -> None:
    value = '{"AIGC":{"Label":"1","ContentProducer":"001191110102MACQD9K64010000","ProduceID":"abc123"}}'
    facts = read_video(write(tmp_path, mp4(mvhd(None), keys_meta({"AIGC": value}))))
    assert facts.aigc_label is not None
    assert (facts.aigc_label.label, facts.aigc_label.produce_id) == ("1", "abc123")
    assert facts.aigc_label.where == "MP4 keys AIGC" and not facts.aigc_label.malformed
    assert [e.points_to for e in facts.ai_evidence] == [Provenance.AI_GENERATED]


def test_bare_and_broken_aigc_values_parse_leniently(tmp_path: Path) -> None:
    bare = read_video(
        write(tmp_path, mp4(mvhd(None), keys_meta({"AIGC": '{"Label":"2","ContentProducer":"kling"}'})))
    )
    assert bare.aigc_label.label == "2" and bare.aigc_label.content_producer == "kling"
    broken = read_video(
        write(tmp_path, mp4(mvhd(None), keys_meta({"AIGC": '{"Label":"1","ContentProducer":"dou'})))
    )
    assert broken.aigc_label.malformed and broken.aigc_label.label == "1"
    junk = read_video(write(tmp_path, mp4(mvhd(None), keys_meta({"AIGC": "yes"}))))
    assert junk.aigc_label.malformed and [e.points_to for e in junk.ai_evidence] == [Provenance.AI_GENERATED]


def test_preflight_visible_label_marker(tmp_path: Path) -> None:
    p = write(tmp_path, mp4(mvhd(None), keys_meta({"com.preflight.visiblelabel": "AI生成"})))
    assert read_video(p).visible_ai_label
    assert not read_video(write(tmp_path, mp4(mvhd(None)), "b.mp4")).visible_ai_label


def test_xmp_from_uuid_box_and_udta(tmp_path: Path) -> None:
    packet = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>'
    p = write(tmp_path, mp4(mvhd(None), extra=box(b"uuid", XMP_UUID, packet)))
    assert video_xmp(p) == packet
    q = write(tmp_path, mp4(mvhd(None), box(b"udta", box(b"XMP_", packet))), "q.mov")
    assert video_xmp(q) == packet
    assert video_xmp(write(tmp_path, mp4(mvhd(None)), "none.mp4")) is None
    assert video_xmp(write(tmp_path, b"garbage!" * 3, "bad.mp4")) is None


def test_largesize_and_size_zero_boxes(tmp_path: Path) -> None:
    created = datetime(2024, 1, 8, 23, 6, 17, tzinfo=UTC)
    moov = box(b"moov", mvhd(created))
    big_mdat = struct.pack(">I4sQ", 1, b"mdat", 16 + 32) + bytes(32)
    to_eof = struct.pack(">I4s", 0, b"mdat") + bytes(100)
    data = box(b"ftyp", b"isom", bytes(4)) + moov + big_mdat + to_eof
    assert read_video(write(tmp_path, data)).capture_time == created


def test_damage_after_moov_keeps_the_facts(tmp_path: Path) -> None:
    created = datetime(2024, 1, 8, 23, 6, 17, tzinfo=UTC)
    head = box(b"ftyp", b"isom", bytes(4)) + box(b"moov", mvhd(created))
    cut_fragment = struct.pack(">I4s", 5000, b"moof") + bytes(100)
    assert read_video(write(tmp_path, head + cut_fragment)).capture_time == created
    many_fragments = b"".join(box(b"moof", bytes(8)) + box(b"mdat", bytes(8)) for _ in range(6000))
    assert read_video(write(tmp_path, head + many_fragments, "frag.mp4")).capture_time == created


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "only 0 bytes"),
        (b"\x89PNG\r\n\x1a\n" + bytes(32), "not an MP4/MOV"),
        (box(b"ftyp", b"isom", bytes(4)) + box(b"mdat", bytes(10)), "no moov"),
        (box(b"ftyp", b"isom", bytes(4)) + struct.pack(">I4s", 5000, b"moov") + bytes(100), "truncated"),
        (box(b"ftyp", b"isom", bytes(4)) + struct.pack(">I4s", 3, b"moov") + bytes(8), "invalid box size"),
        (box(b"ftyp", b"isom", bytes(4)) + box(b"moov", struct.pack(">I4s", 999, b"trak")), "overruns"),
    ],
)
def test_broken_files_raise_a_specific_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        read_video(write(tmp_path, data))


def test_deep_nesting_is_bounded(tmp_path: Path) -> None:
    inner = mvhd(None)
    for _ in range(1000):
        inner = box(b"moov", inner)
    started = time.perf_counter()
    with pytest.raises(ValueError, match="nested deeper"):
        read_video(write(tmp_path, box(b"ftyp", b"isom", bytes(4)) + inner))
    assert time.perf_counter() - started < 1


def test_box_count_is_bounded(tmp_path: Path) -> None:
    many = box(b"udta", *(box(b"free") for _ in range(30_000)))
    with pytest.raises(ValueError, match="more than"):
        read_video(write(tmp_path, mp4(mvhd(None), many)))


def test_real_encoded_video(tmp_path: Path) -> None:
    av = pytest.importorskip("av")
    import numpy as np

    p = tmp_path / "enc.mp4"
    with av.open(str(p), "w") as out:
        out.metadata["creation_time"] = "2026-05-01T08:30:00Z"
        stream = out.add_stream("mpeg4", rate=10)
        stream.width, stream.height = 64, 48
        for i in range(10):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), i * 20, dtype=np.uint8), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    facts = read_video(p)
    assert (facts.width, facts.height) == (64, 48)
    assert facts.duration == pytest.approx(1.0, abs=0.15)
    assert facts.capture_time == datetime(2026, 5, 1, 8, 30, tzinfo=UTC)
    assert facts.software and facts.software.startswith("Lavf")


VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp")


def test_corpus_videos_agree_with_manifest(corpus: Path) -> None:
    rows = list(csv.DictReader((corpus / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    videos = [r for r in rows if r["path"].lower().endswith(VIDEO_SUFFIXES) and r["kind"] != "corrupt"]
    assert videos
    for row in videos:
        facts = read_video(corpus / row["path"])
        if row["capture_time"]:
            want = datetime.strptime(row["capture_time"], "%Y:%m:%d %H:%M:%S").replace(tzinfo=UTC)
            assert abs((facts.capture_time - want).total_seconds()) <= 120, row["path"]
        if row["gps_lat"]:
            assert abs(facts.gps.lat - float(row["gps_lat"])) < 1e-3, row["path"]
            assert abs(facts.gps.lon - float(row["gps_lon"])) < 1e-3, row["path"]
        else:
            assert facts.gps is None, row["path"]
        if row["model"]:
            assert facts.model == row["model"], row["path"]
        if row["software"] and row["kind"] == "video" and "XMP" not in row["notes"]:
            assert facts.software == row["software"], row["path"]


def test_corpus_corrupt_videos_fail_fast_with_reason(corpus: Path) -> None:
    for p in sorted((corpus / "corrupt").iterdir()):
        if p.suffix.lower() in VIDEO_SUFFIXES:
            started = time.perf_counter()
            with pytest.raises(ValueError):
                read_video(p)
            assert time.perf_counter() - started < 0.5, p.name


def test_keys_written_by_ffmpeg_use_metadata_tags(tmp_path: Path) -> None:
    """The way Preflight's own fixer (and `ffmpeg -movflags use_metadata_tags`) writes labels."""
    av = pytest.importorskip("av")
    import numpy as np

    p = tmp_path / "labelled.mp4"
    tags = {
        "AIGC": '{"Label":"1","ContentProducer":"demo","ProduceID":"42"}',
        "com.preflight.visiblelabel": "AI生成",
        "com.apple.quicktime.location.ISO6709": "+24.4470+118.0670/",
    }
    with av.open(str(p), "w", format="mp4", options={"movflags": "use_metadata_tags"}) as out:
        out.metadata.update(tags)
        stream = out.add_stream("mpeg4", rate=10)
        stream.width = stream.height = 32
        for packet in stream.encode(
            av.VideoFrame.from_ndarray(np.zeros((32, 32, 3), np.uint8), format="rgb24")
        ):
            out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    facts = read_video(p)
    assert facts.aigc_label.label == "1" and facts.aigc_label.produce_id == "42"
    assert facts.visible_ai_label
    assert (facts.gps.lat, facts.gps.lon) == (24.447, 118.067)


def test_large_file_is_not_read(tmp_path: Path) -> None:
    """A 3 GB (sparse) mdat before moov: only box headers and moov are read."""
    created = datetime(2024, 5, 31, 11, 33, 20, tzinfo=UTC)
    p = tmp_path / "big.mp4"
    size = 3 * 1024**3
    with p.open("wb") as f:
        f.write(box(b"ftyp", b"isom", bytes(4)))
        f.write(struct.pack(">I4sQ", 1, b"mdat", 16 + size))
        f.seek(size, 1)
        f.write(box(b"moov", mvhd(created, seconds=60)))
    started = time.perf_counter()
    facts = read_video(p)
    assert time.perf_counter() - started < 0.1
    assert facts.capture_time == created and facts.duration == 60 and facts.size_bytes > size

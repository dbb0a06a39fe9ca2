"""Fixed copies of the shared real-file corpus: GPS really gone, labels readable by our own reader."""

from __future__ import annotations

from pathlib import Path

import exifread
import pytest

from checks.fixes.media_export import MediaExportError, export_media
from checks.media import read_media

pytestmark = pytest.mark.corpus
IMAGES = {".jpg", ".jpeg", ".png", ".webp"}


def files(corpus: Path, *folders: str) -> list[Path]:
    return [p for f in folders for p in sorted((corpus / f).iterdir()) if p.suffix.lower() in IMAGES]


def gps_tags(path: Path) -> list[str]:
    with open(path, "rb") as fh:
        return [k for k in exifread.process_file(fh, details=False) if k.startswith("GPS")]


def test_gps_stripped_copies_keep_capture_time(corpus: Path, tmp_path: Path) -> None:
    checked = 0
    for src in files(corpus, "camera-gps"):
        try:
            out = export_media(
                src, tmp_path / src.name, visible_label=None, implicit_label=False, strip_gps=True, facts=None
            )
        except MediaExportError as exc:
            assert "\n" not in str(exc)
            continue
        before, after = read_media([src, out])
        assert gps_tags(out) == [], src.name
        assert after.gps is None, src.name
        assert after.capture_time == before.capture_time, src.name
        checked += 1
    assert checked >= 10


def test_labelled_ai_copies_are_read_back_as_labelled(corpus: Path, tmp_path: Path) -> None:
    checked = 0
    for src in files(corpus, "ai-png", "c2pa"):
        try:
            out = export_media(
                src,
                tmp_path / src.name,
                visible_label="AI生成",
                implicit_label=True,
                strip_gps=True,
                facts=None,
            )
        except MediaExportError as exc:
            assert str(exc).startswith(src.name)  # e.g. a 1-pixel test image cannot carry a legible label
            continue
        (facts,) = read_media([out])
        assert facts.error is None, (src.name, facts.error)
        assert facts.visible_ai_label, src.name
        assert facts.aigc_label is not None and facts.aigc_label.label == "1", src.name
        assert facts.provenance.is_ai, src.name
        checked += 1
    assert checked >= 15


@pytest.mark.parametrize("name", ["Stonehenge.heic", "IMG_5195.HEIC"])
def test_heic_copies_become_jpeg_without_gps(corpus: Path, tmp_path: Path, name: str) -> None:
    src = corpus / "heic" / name
    out = export_media(
        src, tmp_path / name, visible_label=None, implicit_label=True, strip_gps=True, facts=None
    )
    assert out.suffix == ".jpg"
    before, after = read_media([src, out])
    assert before.gps is not None and after.gps is None
    assert after.capture_time == before.capture_time
    assert (after.width, after.height) == (before.width, before.height)
    assert after.aigc_label is not None and after.aigc_label.label == "1"


@pytest.mark.parametrize("name", ["with-gps.mp4", "with-gps.mov", "sample.3gp"])
def test_corpus_video_copies_drop_location_and_carry_the_label(
    corpus: Path, tmp_path: Path, name: str
) -> None:
    src = corpus / "video" / name
    out = export_media(
        src, tmp_path / name, visible_label=None, implicit_label=True, strip_gps=True, facts=None
    )
    before, after = read_media([src, out])
    assert after.error is None
    assert after.gps is None
    assert after.aigc_label is not None and after.aigc_label.label == "1"
    assert after.duration == pytest.approx(before.duration, abs=0.25)  # AAC priming when AMR is transcoded


def test_rotated_phone_video_is_labelled_upright(corpus: Path, tmp_path: Path) -> None:
    import av

    src = corpus / "video" / "with-gps.mov"  # stored 568x320 with a -90° display matrix
    out = export_media(
        src, tmp_path / "v.mov", visible_label="AI生成", implicit_label=True, strip_gps=True, facts=None
    )
    with av.open(str(out)) as c:
        frame = next(c.decode(video=0))
        assert (frame.width, frame.height) == (320, 568)
        assert not (getattr(frame, "rotation", 0) or 0)
    (facts,) = read_media([out])
    assert facts.visible_ai_label and facts.gps is None

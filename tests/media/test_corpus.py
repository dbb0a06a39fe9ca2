"""The readers against ../shared/corpus/MANIFEST.tsv (facts read there with ExifTool + c2pa-python).

Generalisation check: every fact is compared by rule, never by file name. Skipped when the corpus
is absent.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from checks.media import read_media
from checks.model import MediaFacts

pytestmark = pytest.mark.corpus

AI = re.compile(
    r"trainedAlgorithmicMedia|compositeSynthetic|PNG tEXt parameters|PNG prompt|PNG workflow|invokeai|"
    r"sd-metadata|Dream|fooocus|generation_data|NovelAI|stealth|UserComment generation",
    re.I,
)
DECODED = re.compile(r"Pillow decoded \w+ (\d+)x(\d+)")


@cache
def _read(corpus: Path) -> tuple[list[dict[str, str]], list[MediaFacts]]:
    rows = list(csv.DictReader((corpus / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    return rows, read_media([corpus / r["path"] for r in rows], use_cache=False)


def _pairs(corpus: Path, *, corrupt: bool = False):
    rows, facts = _read(corpus)
    return [(r, f) for r, f in zip(rows, facts, strict=True) if (r["kind"] == "corrupt") == corrupt]


def test_every_file_gets_facts_in_order_and_corrupt_files_name_a_problem(corpus: Path) -> None:
    rows, facts = _read(corpus)
    assert [Path(f.path).name for f in facts] == [Path(r["path"]).name for r in rows]
    for row, f in _pairs(corpus, corrupt=True):
        decodes = "decode check ok" in row["notes"]
        assert f.error or decodes, row["path"]
    for row, f in _pairs(corpus):
        assert f.error is None, (row["path"], f.error)


def test_capture_times_match_exiftool(corpus: Path) -> None:
    for row, f in _pairs(corpus):
        if not row["capture_time"]:
            continue
        assert f.capture_time is not None, row["path"]
        if row["kind"] == "video":
            continue  # video times are compared in UTC by the video reader's own tests
        assert f.capture_time.strftime("%Y:%m:%d %H:%M:%S") == row["capture_time"][:19], row["path"]


def test_gps_matches_and_zero_zero_is_no_fix(corpus: Path) -> None:
    for row, f in _pairs(corpus):
        lat, lon = row["gps_lat"], row["gps_lon"]
        if lat and lon and not float(lat) == float(lon) == 0:
            assert f.gps is not None, row["path"]
            assert f.gps.lat == pytest.approx(float(lat), abs=1e-4), row["path"]
            assert f.gps.lon == pytest.approx(float(lon), abs=1e-4), row["path"]
        elif row["kind"] != "c2pa":
            assert f.gps is None, row["path"]


def test_camera_model_and_c2pa_presence(corpus: Path) -> None:
    for row, f in _pairs(corpus):
        if row["model"]:
            assert row["model"].lower() in (f.device or "").lower(), row["path"]
        assert (f.c2pa is not None and f.c2pa.present) == (row["c2pa_present"] == "yes"), row["path"]


def test_c2pa_validation_state_matches(corpus: Path) -> None:
    for row, f in _pairs(corpus):
        m = re.search(r"validation_state=(\w+)", row["notes"])
        if m:
            assert f.c2pa.validation_state == m.group(1), row["path"]


def test_ai_verdict_matches_markers(corpus: Path) -> None:
    for row, f in _pairs(corpus):
        marker = row["ai_marker"]
        if re.search(r"\balgorithmicMedia\b", marker) and not AI.search(marker):
            continue
        assert f.provenance.is_ai == bool(AI.search(marker)), (row["path"], f.provenance, marker)


def test_pixel_size_matches_pillow_decode(corpus: Path) -> None:
    for row, f in _pairs(corpus):
        m = DECODED.search(row["notes"])
        if m and f.kind == "photo":
            assert (f.width, f.height) == (int(m.group(1)), int(m.group(2))), row["path"]

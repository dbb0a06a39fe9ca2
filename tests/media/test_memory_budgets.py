"""Small hostile files must not eat memory, and deep metadata must not hide AI (issue #14 items 8–9).

Each file is built here and read in a fresh subprocess that reports its peak RSS growth
(`resource.getrusage`); the address space of that subprocess is capped so a regression fails
the test instead of exhausting the shared machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from checks.media import read_one
from checks.model import Provenance
from tests.media import hostile_media as hm

ROOT = Path(__file__).resolve().parents[2]
MAX_GROWTH_MB = 300

_PROBE = r"""
import json, resource, sys, time
from checks.media import read_one
from checks.packs.files import read_pack
from checks.packs.model import PackError

def status_mb(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

def reset_peak():
    try:  # Linux: make VmHWM (peak RSS) start again from the current RSS
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False

def rss_mb():  # ru_maxrss survives exec (it may hold the parent's peak): prefer VmHWM
    return status_mb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def vm_bytes():
    for line in open("/proc/self/status"):
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0

warm, target, what = sys.argv[1], sys.argv[2], sys.argv[3]
read_one(warm, use_cache=False, ocr=False)  # lazy imports happen here, not in the measurement
base = status_mb("VmRSS") if reset_peak() and status_mb("VmHWM") else rss_mb()
limit = vm_bytes() + 2 * 1024**3  # a regression hits MemoryError at +2 GB, never the machine's RAM
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.monotonic()
if what == "pack":
    try:
        read_pack(target)
        out = {"error": None}
    except PackError as exc:
        out = {"error": str(exc)}
else:
    facts = read_one(target, use_cache=False, ocr=False)
    out = {
        "error": facts.error,
        "model": facts.model,
        "evidence": [[e.marker, e.where, e.detail, str(e.points_to)] for e in facts.evidence],
    }
out["seconds"] = time.monotonic() - start
out["growth_mb"] = rss_mb() - base
print(json.dumps(out))
"""


def _probe(tmp_path: Path, name: str, data: bytes, what: str = "media") -> dict:
    target = tmp_path / name
    target.write_bytes(data)
    warm = tmp_path / "warm.png"
    warm.write_bytes(hm.plain_png())
    env = {**os.environ, "PREFLIGHT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, str(warm), str(target), what],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["growth_mb"] <= MAX_GROWTH_MB, f"{name}: peak RSS grew {out['growth_mb']:.0f} MB"
    return out


def _notes(out: dict) -> list[str]:
    return [detail for marker, _where, detail, _p in out["evidence"] if marker == "file:skipped"]


def test_heif_item_table_of_655_million_extents_is_cut_with_a_note(tmp_path: Path) -> None:
    data = hm.heic_extent_bomb()
    assert len(data) < 64 * 1024
    out = _probe(tmp_path, "bomb.heic", data)
    assert out["seconds"] < 10
    assert any("HEIF item table" in n for n in _notes(out)), out


def test_png_with_600_inflating_text_chunks_stays_small_and_keeps_the_ai_marker(tmp_path: Path) -> None:
    data = hm.png_text_bomb()
    assert len(data) < 4 * 1024 * 1024
    out = _probe(tmp_path, "bomb.png", data)
    assert out["error"] is None
    assert any("text chunks beyond" in n for n in _notes(out)), out
    assert any(m == "gen:parameters" and p == "ai_generated" for m, _w, _d, p in out["evidence"]), out


def test_tiff_ascii_tags_claiming_4_gb_each_are_skipped(tmp_path: Path) -> None:
    out = _probe(tmp_path, "bomb.tif", hm.tiff_ascii_bomb())
    assert out["model"] == "EOS"  # the honest tag is still read
    assert any("0x010E" in n for n in _notes(out)), out


def test_tiff_with_a_five_million_ifd_chain_reads_fast_and_small(tmp_path: Path) -> None:
    out = _probe(tmp_path, "chain.tif", hm.tiff_ifd_chain(5_000_000))
    assert out["seconds"] < 10, out
    assert out["model"] == "EOS"
    assert any("directories beyond" in n for n in _notes(out)), out


def test_tiff_ifd_loop_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "loop.tif"
    path.write_bytes(hm.tiff_ifd_chain(5, loop=True))
    facts = read_one(path, use_cache=False, ocr=False)
    assert facts.model == "EOS"
    assert any(e.marker == "file:skipped" and "loops" in e.detail for e in facts.evidence)


def test_jpeg_with_40_mb_of_extended_xmp_keeps_its_ai_marker(tmp_path: Path) -> None:
    out = _probe(tmp_path, "ext.jpg", hm.jpeg_extended_xmp(40))
    assert out["error"] is None
    assert any("extended XMP segments beyond" in n for n in _notes(out)), out
    assert any(m == "xmp:DigitalSourceType" and p == "ai_generated" for m, _w, _d, p in out["evidence"]), out


def test_zip_pack_whose_headers_understate_sizes_is_refused_small(tmp_path: Path) -> None:
    src = tmp_path / "lying.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pack.toml", 'id = "x"\nversion = "1.0.0"\n')
        with zf.open("rules/big.toml", "w") as fh:  # streamed: the test stays small too
            block = b"#" * (1 << 20)
            for _ in range(300):
                fh.write(block)
    data = bytearray(src.read_bytes())
    # rewrite the uncompressed size of every entry (local headers and central directory) to 10 bytes
    for sig, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(sig)
        while pos >= 0:
            data[pos + at : pos + at + 4] = (10).to_bytes(4, "little")
            pos = data.find(sig, pos + 4)
    out = _probe(tmp_path, "lying2.zip", bytes(data), what="pack")
    assert out["error"], out


def test_deep_json_and_xml_do_not_hide_an_ai_png(tmp_path: Path) -> None:
    path = tmp_path / "deep.png"
    path.write_bytes(hm.png_ai_with_deep_blocks(1000))
    facts = read_one(path, use_cache=False, ocr=False)
    assert facts.error is None
    assert any(e.points_to is Provenance.AI_GENERATED and e.marker == "gen:parameters" for e in facts.evidence)
    notes = [e.detail for e in facts.evidence if e.marker == "file:skipped"]
    assert any("JSON nested too deeply" in n for n in notes) and any("XML nested deeper" in n for n in notes)
    assert facts.provenance is Provenance.AI_GENERATED


@pytest.mark.parametrize("levels", [10, 50])
def test_moderately_nested_json_is_still_parsed(levels: int) -> None:
    from checks.media.budget import load_json

    assert load_json(hm.deep_json(levels)) is not None


def test_mp4_with_nested_60_mb_moov_is_walked_without_copies(tmp_path: Path) -> None:
    out = _probe(tmp_path, "nested.mp4", hm.mp4_nested_moov(60, 15))
    assert out["error"] is None, out


def test_an_ai_png_with_deep_metadata_and_no_label_stays_fix_required(tmp_path: Path) -> None:
    from checks.engine import check_draft
    from checks.model import Draft

    photo = tmp_path / "deep.png"
    photo.write_bytes(hm.png_ai_with_deep_blocks(1000))
    report = check_draft(Draft(title="周末的猫", text="今天拍了一只猫。", media=(str(photo),)))
    assert str(report.verdict) == "fix_required", [f.rule for f in report.findings]
    assert "ai_label_missing" in {f.rule for f in report.findings}
    assert "media_unreadable" not in {f.rule for f in report.findings}


def test_xmp_with_two_million_attributes_is_skipped_at_once() -> None:
    import time

    from checks.media.xmp import parse_xmp

    attrs = b" ".join(b'a%d="1"' % i for i in range(2_000_000))
    packet = hm.XMP_DST.replace(b"<rdf:Description ", b"<rdf:Description " + attrs + b" ")
    start = time.monotonic()
    xmp = parse_xmp(packet)
    assert time.monotonic() - start < 2
    assert any("attributes skipped" in n for n in xmp.notes)
    assert parse_xmp(hm.XMP_DST).get("Iptc4xmpExt:DigitalSourceType")  # an honest packet still parses

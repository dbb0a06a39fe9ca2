"""Audit over real files from the shared corpus (read in place), and thumbnails that carry no metadata."""

from __future__ import annotations

import base64
import csv
import io
import re
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from checks.audit import run_audit
from checks.report.html import pixels_only


def test_thumbnail_png_keeps_pixels_drops_metadata() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a secret prompt, Steps: 20")
    buf = io.BytesIO()
    Image.new("RGBA", (8, 6), (10, 20, 30, 255)).save(buf, "PNG", pnginfo=info)
    clean = pixels_only(buf.getvalue())
    assert clean is not None and b"secret prompt" not in clean
    img = Image.open(io.BytesIO(clean))
    img.load()
    assert img.size == (8, 6) and img.getpixel((0, 0)) == (10, 20, 30, 255)
    assert pixels_only(b"not a png") is None
    assert pixels_only(buf.getvalue()[:40]) is None


@pytest.mark.corpus
def test_audit_real_files_two_of_each_kind(corpus: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader((corpus / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    picked: dict[str, list[str]] = {}
    for r in rows:
        if len(picked.setdefault(r["kind"], [])) < 2:
            picked[r["kind"]].append(str(corpus / r["path"]))
    files = [p for group in picked.values() for p in group]
    for i in range(0, len(files), 3):
        media = ", ".join(f"'{p}'" for p in files[i : i + 3])
        (tmp_path / f"d{i:03d}.toml").write_text(
            f'title = "素材{i}"\ntext = "今天拍的。"\nmedia = [{media}]\n', encoding="utf-8"
        )
    audit = run_audit(tmp_path, jobs=2, thumbnails=True)
    assert len(audit.rows) == -(-len(files) // 3)
    assert [r.error for r in audit.rows if r.error] == []  # corrupt media is a finding, not a failed draft
    unreadable = {
        f["target"] for r in audit.rows for f in r.report["findings"] if f["rule"] == "media_unreadable"
    }
    assert unreadable  # the corpus has corrupt files
    html = audit.to_html()
    for i in range(0, len(files), 3):
        assert f"素材{i}" in html
    uris = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert uris
    for uri in uris:
        png = base64.b64decode(uri)
        assert pixels_only(png) == png  # nothing but pixel chunks
        assert max(Image.open(io.BytesIO(png)).size) <= 160

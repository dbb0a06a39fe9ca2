"""The gazetteer memo (checks/media/place_cache.py): a known GPS point never loads the gazetteer
again, a new gazetteer never serves an old name, and a damaged memo is only an empty one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from checks.media import place_cache, read_one
from tests.media.test_photo_readers import camera_exif

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_memo():
    place_cache.forget()
    yield
    place_cache.forget()


def test_a_known_point_is_answered_from_the_memo() -> None:
    calls: list[tuple[float, float]] = []

    def lookup(lat: float, lon: float) -> str | None:
        calls.append((lat, lon))
        return "浙江省杭州市西湖区"

    assert place_cache.place(30.25, 120.16, lookup) == "浙江省杭州市西湖区"
    place_cache.forget()  # as a new process would: only the file remains
    assert place_cache.place(30.25, 120.16, lookup) == "浙江省杭州市西湖区"
    assert calls == [(30.25, 120.16)]
    assert place_cache.place(30.2500001, 120.16, lookup) == "浙江省杭州市西湖区"  # exact keys only
    assert len(calls) == 2


def test_no_place_is_remembered_too() -> None:
    calls: list[int] = []

    def lookup(lat: float, lon: float) -> str | None:
        calls.append(1)
        return None

    assert place_cache.place(-60.0, -30.0, lookup) is None
    assert place_cache.place(-60.0, -30.0, lookup) is None
    assert calls == [1]


def test_a_changed_gazetteer_starts_an_empty_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    place_cache.place(30.25, 120.16, lambda lat, lon: "旧名")
    old_file = place_cache._file()
    monkeypatch.setattr(place_cache, "fingerprint", lambda: "0123456789")
    assert place_cache.place(30.25, 120.16, lambda lat, lon: "新名") == "新名"
    assert not old_file.exists()  # other versions' memos are pruned


def test_a_damaged_memo_is_an_empty_one() -> None:
    file = place_cache._file()
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text('{"30.25,120.16": ["not", "a name"], "broken', encoding="utf-8")
    assert place_cache.place(30.25, 120.16, lambda lat, lon: "杭州") == "杭州"
    assert json.loads(file.read_text(encoding="utf-8")) == {"30.25,120.16": "杭州"}


def test_a_photo_read_again_in_a_new_process_does_not_load_the_gazetteer(tmp_path: Path) -> None:
    photo = tmp_path / "IMG_0001.jpg"
    Image.new("RGB", (64, 48)).save(photo, exif=camera_exif(gps=(30.25, 120.16)))
    first = read_one(photo)
    assert first.place and "杭州" in first.place
    probe = (
        "import sys; from checks.media import read_one; f = read_one(sys.argv[1]);"
        "print(f.place); print('checks.geo.gazetteer' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(photo)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [first.place, "False"]

"""`fix` never overwrites an original, never copies what lies outside the draft, and `check -o`
never writes over the draft or its media."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from checks.draft import DraftError, load_draft
from checks.fixes.pipeline import fix_draft

ROOT = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def photo(path: Path, colour: tuple[int, int, int], fmt: str = "JPEG", *, gps: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if gps:  # precise GPS: `fix` exports a copy without it (the HEIC copy becomes a JPEG)
        g = exif.get_ifd(0x8825)
        g[1], g[2], g[3], g[4] = "N", (Fraction(30), Fraction(15), Fraction(0)), "E", (Fraction(120), Fraction(10), Fraction(0))
    Image.new("RGB", (64, 48), colour).save(path, fmt, exif=exif.tobytes())
    return path


def write_draft(folder: Path, media: list[str], extra: str = "") -> Path:
    names = ", ".join(f'"{m}"' for m in media)
    file = folder / "draft.toml"
    file.write_text(f'title = "周末"\ntext = "AI生成的图片"\nmedia = [{names}]\n{extra}', encoding="utf-8")
    return file


def test_out_is_the_drafts_own_folder_and_names_collide(tmp_path: Path) -> None:
    """a.jpg and media/a.jpg, fixed into the draft's own folder: media/a.jpg must survive."""
    a = photo(tmp_path / "a.jpg", (200, 0, 0))
    inner = photo(tmp_path / "media" / "a.jpg", (0, 0, 200))
    before = {p: sha(p) for p in (a, inner)}
    draft_file = write_draft(tmp_path, ["a.jpg", "media/a.jpg"])
    draft_file.rename(tmp_path / "post.toml")
    result = fix_draft(load_draft(tmp_path / "post.toml"), tmp_path, unsafe=True)
    assert {p: sha(p) for p in before} == before
    copies = [tmp_path / m for m in result.draft.media]
    assert len({c.resolve() for c in copies}) == 2
    assert not {c.resolve() for c in copies} & {a.resolve(), inner.resolve()}


def test_heic_and_jpg_of_the_same_name_stay_two_files(tmp_path: Path) -> None:
    pytest.importorskip("pillow_heif").register_heif_opener()
    photo(tmp_path / "x" / "IMG.heic", (10, 200, 10), "HEIF", gps=True)
    photo(tmp_path / "y" / "IMG.jpg", (200, 10, 10), gps=True)
    draft = load_draft(write_draft(tmp_path, ["x/IMG.heic", "y/IMG.jpg"]))
    result = fix_draft(draft, tmp_path / "out", unsafe=True)
    media = list(result.draft.media)
    assert {a.rule for a in result.applied} == {"gps_privacy"}
    assert len(media) == len(set(m.lower() for m in media)) == 2
    assert all((tmp_path / "out" / m).is_file() for m in media)


def test_media_outside_the_drafts_folder_is_refused(tmp_path: Path) -> None:
    outside = photo(tmp_path / "private" / "secret.jpg", (1, 2, 3))
    folder = tmp_path / "post"
    folder.mkdir()
    os.symlink(outside, folder / "link.jpg")
    for ref in ("../private/secret.jpg", str(outside), "link.jpg"):
        draft = load_draft(write_draft(folder, [ref]))
        with pytest.raises(DraftError, match="outside the draft's folder"):
            fix_draft(draft, tmp_path / "out")
        assert not (tmp_path / "out" / "media" / "secret.jpg").exists()
    result = fix_draft(load_draft(write_draft(folder, ["../private/secret.jpg"])), tmp_path / "out2", allow_outside=True)
    assert len(result.draft.media) == 1


def test_cli_fix_outside_is_one_line_and_allow_outside_copies(tmp_path: Path) -> None:
    photo(tmp_path / "elsewhere.jpg", (5, 5, 5))
    folder = tmp_path / "post"
    folder.mkdir()
    draft = write_draft(folder, ["../elsewhere.jpg"])
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "fix", str(draft), "--out", str(tmp_path / "o")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 2 and "--allow-outside" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_files_are_never_copied_even_when_outside_is_allowed(tmp_path: Path) -> None:
    draft = load_draft(write_draft(tmp_path, ["/dev/zero"]))
    with pytest.raises(DraftError, match="not a regular file"):
        fix_draft(draft, tmp_path / "out", allow_outside=True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_in_the_drafts_folder_is_never_copied(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jpg")
    with pytest.raises(DraftError, match="not a regular file"):
        fix_draft(load_draft(write_draft(tmp_path, ["pipe.jpg"])), tmp_path / "out")


def test_check_output_refuses_the_draft_and_its_media(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pic = photo(tmp_path / "p.jpg", (9, 9, 9))
    draft = write_draft(tmp_path, ["p.jpg"])
    before = (sha(draft), sha(pic))
    for target in (draft, pic, tmp_path / "." / "p.jpg"):
        assert main(["check", str(draft), "-o", str(target)]) == 2
        assert "refusing to overwrite" in capsys.readouterr().err
    assert (sha(draft), sha(pic)) == before
    assert main(["check", str(draft), "-o", str(tmp_path / "report.txt")]) in (0, 1)
    assert (tmp_path / "report.txt").stat().st_size > 0

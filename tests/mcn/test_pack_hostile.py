"""Hostile rule packs: only the files a signature covers are ever read, and no pattern can hang a check."""

from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from checks.packs import loader, store
from checks.packs.model import PackError
from checks.packs.validate import unsafe_pattern

ROOT = Path(__file__).resolve().parents[2]
INJECTED = (
    'kind = "override"\nrule = "clickbait_title"\nseverity = "info"\nreason = "injected"\n'
)


def _zip_with_stray(folder: Path, out: Path, stray: str = "evil.toml") -> Path:
    with zipfile.ZipFile(out, "w") as zf:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zf.write(file, f"agency/{file.relative_to(folder).as_posix()}")
        zf.writestr(stray, INJECTED)
    return out


def test_a_file_beside_a_signed_pack_in_a_zip_is_refused(make_pack, trusted, tmp_path: Path) -> None:
    zipped = _zip_with_stray(make_pack(), tmp_path / "bypass.zip")
    with pytest.raises(PackError, match="outside the pack folder"):
        store.explicit_pack(zipped)
    with pytest.raises(PackError, match="outside the pack folder"):
        loader.load_pack(zipped)
    with pytest.raises(PackError, match="outside the pack folder"):
        store.install(zipped)


def test_check_with_a_bypass_zip_exits_2_and_runs_nothing(make_pack, trusted, tmp_path: Path) -> None:
    zipped = _zip_with_stray(make_pack(), tmp_path / "bypass.zip")
    draft = tmp_path / "d.toml"
    draft.write_text('title = "震惊！家人们谁懂啊"\ntext = "正文"\n', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "check", str(draft), "--pack", str(zipped), "--format", "json", "--lang", "en"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 2, run.stdout
    assert "outside the pack folder" in run.stderr
    assert '"signed": true' not in run.stdout
    verify = subprocess.run(
        [sys.executable, "-m", "app.cli", "pack", "verify", str(zipped)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert verify.returncode != 0 and "不在规则包文件夹" in verify.stderr  # the CLI's default language


def test_a_signed_folder_with_a_fifo_is_refused_not_skipped(make_pack, trusted) -> None:
    import os

    folder = make_pack()
    os.mkfifo(folder / "rules" / "pipe.toml")
    with pytest.raises(PackError, match="not a regular file"):
        store.explicit_pack(folder)


@pytest.mark.parametrize(
    "pattern, text",
    [
        (r"(a|a)*b", "a" * 300),
        (r"(\d|\d)*x", "1" * 300),
        (r"\w*" * 10 + "x", "a" * 300),
        (r"(a|aa)+$", "a" * 41 + "!"),
        (r"(?:a{0,20}){0,20}b", "a" * 300),
        (r"([ab]|a)*c", "ab" * 200),
    ],
)
def test_pack_patterns_cannot_backtrack(pattern: str, text: str, tmp_path: Path) -> None:
    """Either refused at load time, or matched in linear time — never a hung check."""
    folder = tmp_path / "p"
    (folder / "rules").mkdir(parents=True)
    (folder / "pack.toml").write_text('id = "redos"\nversion = "1"\npublisher = "p"\n', encoding="utf-8")
    escaped = pattern.replace("\\", "\\\\")
    (folder / "rules" / "r.toml").write_text(
        f'kind = "existence"\nid = "r"\nmessage = "m"\n[trigger]\npatterns = ["{escaped}"]\n',
        encoding="utf-8",
    )
    (folder / "rules" / "lex.toml").write_text(
        f'kind = "lexicon"\nlexicon = "label_ai"\npatterns = ["{escaped}"]\n', encoding="utf-8"
    )
    try:
        pack = loader.load_pack(folder)
    except PackError:
        return  # refused with a reason: fine
    from checks.draft import draft_from_dict
    from checks.engine import check_draft

    started = time.monotonic()
    check_draft(draft_from_dict({"title": "t", "text": text}), packs=loader.merge([loader.core_pack(), pack]))
    assert time.monotonic() - started < 5


def test_lookarounds_and_backreferences_are_refused_with_a_reason() -> None:
    assert unsafe_pattern(r"(?=(a|a)*b)") is not None
    assert unsafe_pattern(r"(a)\1") is not None


def test_documented_patterns_still_match(tmp_path: Path) -> None:
    from checks.vocabulary.safe_regex import compile_pattern

    assert [m.span() for m in compile_pattern("销量第[一1]").finditer("第二 销量第一名")] == [(3, 7)]
    assert compile_pattern(r"AI\s*生成").search("ai 生成") is not None  # case-insensitive
    assert compile_pattern(r"[\u4e00-\u9fff]{2}局").search("气象局") is not None
    assert compile_pattern(r"来源[:：]\s*(?P<src>\w{2,8})").search("来源：新华社").groupdict()["src"] == "新华社"
    assert compile_pattern(r"\d月").search("３月".replace("３", "3")) is not None


def test_an_older_signed_version_does_not_replace_a_newer_one(make_pack, trusted) -> None:
    store.install(make_pack("new", version="2026.12.1"))
    old = make_pack("old", version="2026.11.1", words=("旧词",))
    with pytest.raises(PackError, match=r"older than the installed 2026\.12\.1"):
        store.install(old)
    assert store.installed("mcn-xinghe").version == "2026.12.1"
    assert store.install(old, allow_older=True).version == "2026.11.1"  # pack install --force


def test_cli_pack_install_refuses_a_downgrade_without_force(make_pack, trusted, capsys) -> None:
    from app.cli import main

    store.install(make_pack("new", version="2.0"))
    old = make_pack("old", version="1.0")
    assert main(["pack", "install", str(old), "--lang", "en"]) != 0
    assert "--force" in capsys.readouterr().err
    assert main(["pack", "install", str(old), "--force"]) == 0
    assert store.installed("mcn-xinghe").version == "1.0"


def test_a_pattern_matching_empty_text_is_refused_and_matches_are_capped() -> None:
    from checks.vocabulary.safe_regex import MAX_MATCHES, compile_pattern

    assert "empty text" in (unsafe_pattern("x*") or "")
    assert "empty text" in (unsafe_pattern("(?:广告)?") or "")
    assert len(list(compile_pattern("a").finditer("a" * (MAX_MATCHES * 3)))) == MAX_MATCHES

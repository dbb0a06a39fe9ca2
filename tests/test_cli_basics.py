"""The command line's contract: version, exit codes, one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *argv], capture_output=True, text=True, cwd=ROOT)


def test_version_prints_package_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("preflight 0.")


def test_missing_draft_is_one_line_exit_2(tmp_path: Path) -> None:
    proc = run("check", str(tmp_path / "nope.toml"))
    assert proc.returncode == 2
    assert "not found" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_invalid_toml_names_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "ok"\ntext = "unterminated\n', encoding="utf-8")
    proc = run("check", str(bad))
    assert proc.returncode == 2
    assert f"{bad}:2:" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_platform_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "d.toml"
    bad.write_text('platform = "myspace"\ntitle = "x"\n', encoding="utf-8")
    proc = run("check", str(bad))
    assert proc.returncode == 2
    assert "unknown platform 'myspace'" in proc.stderr


def test_json_report_follows_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(ROOT / "examples" / "draft.toml"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert set(report) >= {"preflight", "draft", "platform", "packs", "summary", "media", "findings"}
    assert report["summary"]["verdict"] in ("ready", "review", "fix_required")
    assert code == (1 if report["summary"]["verdict"] == "fix_required" else 0)
    for m in report["media"]:
        assert set(m) >= {
            "path",
            "kind",
            "provenance",
            "capture_time",
            "gps",
            "place",
            "device",
            "software",
            "ai_evidence",
            "c2pa",
            "error",
        }


def test_explain_unknown_rule_exit_2() -> None:
    proc = run("explain", "no_such_rule")
    assert proc.returncode == 2
    assert "unknown rule" in proc.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ("check", "{draft}", "--format", "json", "-o", "{blocked}/r.json"),
        ("audit", "{dir}", "--report", "{blocked}/a.csv"),
        ("pack", "keygen", "--out", "{blocked}/key"),
    ],
)
def test_unwritable_output_is_one_line_exit_2(tmp_path: Path, argv: tuple[str, ...]) -> None:
    """An output path under a file (or a read-only place) is bad input, not a traceback."""
    draft = tmp_path / "d" / "draft.toml"
    draft.parent.mkdir()
    draft.write_text('title = "t"\ntext = "今天的午饭"\n', encoding="utf-8")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder", encoding="utf-8")
    fill = {"draft": str(draft), "dir": str(draft.parent), "blocked": str(blocked)}
    proc = run(*(a.format(**fill) for a in argv))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert str(blocked) in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_english_summary_line_has_no_broken_plurals(tmp_path: Path) -> None:
    """'1 notes' read wrong; the counts are now labelled, so any number reads right."""
    draft = tmp_path / "draft.toml"
    draft.write_text('title = "t"\ntext = "今天的午饭"\n', encoding="utf-8")
    proc = run("check", str(draft), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().splitlines()[-1].endswith("errors 0, warnings 0, notes 0")


def test_empty_draft_file_is_bad_input_not_ready(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    proc = run("check", str(empty))
    assert proc.returncode == 2
    assert "empty" in proc.stderr and "Traceback" not in proc.stderr

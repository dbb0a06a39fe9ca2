"""Input that is not a draft, or is built to hurt, is refused with one line — never a crash or a hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checks.audit import find_drafts, run_audit
from checks.draft import DraftError, NotADraftError, load_draft

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *argv], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def one_line_exit_2(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def draft(tmp_path: Path, body: str, name: str = "d.toml") -> Path:
    file = tmp_path / name
    file.write_text(body, encoding="utf-8")
    return file


# --------------------------------------------------------------------------- not a draft


def test_account_history_file_is_not_a_draft() -> None:
    line = one_line_exit_2(cli("check", str(ROOT / "examples" / "account-history.toml")))
    assert "not a draft" in line and "title, text or media" in line
    with pytest.raises(NotADraftError):
        load_draft(ROOT / "examples" / "account-history.toml")


@pytest.mark.parametrize("body", ["", "# nothing\n", 'platform = "douyin"\n', 'title = "  "\ntext = ""\n'])
def test_a_draft_with_nothing_to_check_is_refused(tmp_path: Path, body: str) -> None:
    with pytest.raises(NotADraftError):
        load_draft(draft(tmp_path, body))


@pytest.mark.parametrize("typo, meant", [("tittle", "title"), ("medai", "media"), ("txet", "text")])
def test_a_misspelt_key_is_named(tmp_path: Path, typo: str, meant: str) -> None:
    file = draft(tmp_path, f'title = "标题"\ntext = "正文"\n{typo} = "x"\n'.replace(f"{meant} = ", "x_ = ", 0))
    line = one_line_exit_2(cli("check", str(file)))
    assert f"'{typo}'" in line and f"'{meant}'" in line


def test_unknown_account_and_credential_keys_are_named(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="'nmae'"):
        load_draft(draft(tmp_path, 'title = "t"\n[account]\nnmae = "x"\n'))
    with pytest.raises(DraftError, match="'verfied'"):
        load_draft(
            draft(tmp_path, 'title = "t"\n[[account.credentials]]\nfield = "health"\nverfied = true\n')
        )


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    "account, key",
    [
        ('[[account.credentials]]\nfield = "health"\ntitle = "执业医师"\nverified = "false"\n', "verified"),
        ('mcn = "星河"\nmcn_displayed = "false"\n', "mcn_displayed"),
        ("mcn = 42\n", "mcn"),
        ("mcn = true\n", "mcn"),
        ('[[account.credentials]]\nfield = "health"\ntitle = 3\nverified = true\n', "title"),
        ('[[account.credentials]]\nfield = 1\nverified = true\n', "field"),
        ('name = ["a"]\n', "name"),
    ],
)
def test_every_account_key_is_type_checked(tmp_path: Path, account: str, key: str) -> None:
    file = draft(tmp_path, f'title = "t"\n[account]\n{account}')
    line = one_line_exit_2(cli("check", str(file)))
    assert f"'{key}'" in line


def test_quoted_false_never_counts_as_verified(tmp_path: Path) -> None:
    file = draft(
        tmp_path,
        'title = "t"\n[account]\n[[account.credentials]]\nfield = "health"\ntitle = "医师"\nverified = "false"\n',
    )
    with pytest.raises(DraftError, match="true or false"):
        load_draft(file)


# --------------------------------------------------------------------------- hostile files


def test_dev_zero_as_draft_or_account_is_one_line(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert "not a regular file" in one_line_exit_2(cli("check", "/dev/zero", timeout=30))
    file = draft(tmp_path, 'title = "t"\naccount = "/dev/zero"\n')
    assert "not a regular file" in one_line_exit_2(cli("check", str(file), timeout=30))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_as_draft_or_account_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert "not a regular file" in one_line_exit_2(cli("check", str(fifo), timeout=30))
    file = draft(tmp_path, 'title = "t"\naccount = "pipe.toml"\n')
    assert "not a regular file" in one_line_exit_2(cli("check", str(file), timeout=30))


def test_oversized_draft_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    with open(big, "wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(DraftError, match="too large"):
        load_draft(big)


def test_deeply_nested_toml_is_one_line(tmp_path: Path) -> None:
    file = draft(tmp_path, "title = " + "[" * 5000 + "]" * 5000 + "\n")
    line = one_line_exit_2(cli("check", str(file)))
    assert "nested too deeply" in line or "invalid TOML" in line


def test_nul_in_a_media_path_is_one_line(tmp_path: Path) -> None:
    file = draft(tmp_path, 'title = "t"\nmedia = ["a\\u0000b.jpg"]\n')
    line = one_line_exit_2(cli("check", str(file)))
    assert "control character" in line
    file = draft(tmp_path, 'title = "t"\naccount = "a\\u0000.toml"\n', "e.toml")
    assert "control character" in one_line_exit_2(cli("check", str(file)))


# --------------------------------------------------------------------------- audit


def test_a_draft_1000_folders_deep_is_found(tmp_path: Path) -> None:
    top = tmp_path / "deep"
    deep = str(top)
    os.mkdir(deep)
    for _ in range(1000):  # Path.mkdir(parents=True) itself recurses: build it level by level
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    try:
        (Path(deep) / "post.toml").write_text('title = "深处"\ntext = "正文"\n', encoding="utf-8")
        drafts, _ = find_drafts(top)
        assert [p.name for p in drafts] == ["post.toml"]
    finally:  # pytest's own clean-up of old temp folders recurses too: leave nothing this deep
        os.unlink(os.path.join(deep, "post.toml"))
        while deep != str(top):
            os.rmdir(deep)
            deep = os.path.dirname(deep)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_audit_with_fifo_drafts_finishes_with_error_rows(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text('title = "好"\ntext = "正文"\n', encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "acc.toml").write_text('title = "t"\naccount = "pipe2.toml"\n', encoding="utf-8")
    os.mkfifo(tmp_path / "pipe2.toml")
    proc = cli("audit", str(tmp_path), "--jobs", "1", "--lang", "en", timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform != "linux", reason="fork + FIFO")
def test_a_stalled_media_read_is_one_timed_out_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A media file that never finishes reading (here: blocking on a FIFO nobody writes, as on a
    stalled network drive) stops only its own draft."""
    import checks.media

    stall = tmp_path / "stall.fifo"
    os.mkfifo(stall)
    real = checks.media.read_media

    def read_media(paths, **kw):  # type: ignore[no-untyped-def]
        if any(Path(p).name == "stuck.jpg" for p in paths):
            with open(stall, "rb") as fh:  # blocks forever: no writer
                fh.read()
        return real(paths, **kw)

    monkeypatch.setattr(checks.media, "read_media", read_media)
    for i in range(3):
        (tmp_path / f"ok{i}.toml").write_text(f'title = "第{i}篇"\ntext = "正文"\n', encoding="utf-8")
    (tmp_path / "stuck.toml").write_text('title = "卡住"\nmedia = ["stuck.jpg"]\n', encoding="utf-8")
    started = time.monotonic()
    audit = run_audit(tmp_path, jobs=2, timeout=3)
    assert time.monotonic() - started < 40
    errors = {Path(r.draft).name: r.error for r in audit.rows if r.error}
    assert list(errors) == ["stuck.toml"] and "timed out" in (errors["stuck.toml"] or "")
    assert sorted(Path(r.draft).name for r in audit.rows if r.report) == ["ok0.toml", "ok1.toml", "ok2.toml"]


def test_account_history_types_and_hostile_files(tmp_path: Path) -> None:
    from checks.account_standing import HistoryError, load_history

    bad = draft(tmp_path, '[mcn]\nname = "星河"\ndisplayed = "false"\n', "h.toml")
    with pytest.raises(HistoryError, match="true or false"):
        load_history(bad)
    deep = draft(tmp_path, "name = " + "[" * 5000 + "]" * 5000 + "\n", "deep.toml")
    with pytest.raises(HistoryError, match=r"nested too deeply|invalid TOML"):
        load_history(deep)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.toml")
        assert "not a regular file" in one_line_exit_2(cli("account", str(tmp_path / "pipe.toml"), timeout=30))


def test_usage_errors_are_one_line_through_python_m_app_cli() -> None:
    """`python -m app.cli` runs cli.py as __main__; its errors must still be one line, exit 2."""
    assert "unknown rule" in one_line_exit_2(cli("explain", "no_such_rule"))


def test_audit_reports_a_misspelt_draft_instead_of_skipping_it(tmp_path: Path) -> None:
    (tmp_path / "ok.toml").write_text('title = "好"\ntext = "正文"\n', encoding="utf-8")
    (tmp_path / "typo.toml").write_text('tittle = "标题"\nmedai = ["a.jpg"]\n', encoding="utf-8")
    (tmp_path / "history.toml").write_text('name = "号"\n[mcn]\nname = "星河"\n', encoding="utf-8")
    audit = run_audit(tmp_path, jobs=1, timeout=None)
    errors = {Path(r.draft).name: r.error for r in audit.rows if r.error}
    assert list(errors) == ["typo.toml"] and "'tittle'" in (errors["typo.toml"] or "")
    assert audit.skipped == 1

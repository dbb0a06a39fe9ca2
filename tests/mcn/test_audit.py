"""Batch audits over a generated folder: every draft checked, broken ones are rows, reports are complete."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from checks.audit import find_drafts, run_audit
from checks.engine import check_file
from checks.report.html import render_html


def photo(path: Path, seed: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    exif.get_ifd(0x8769)[0x9003] = f"2026:11:{1 + seed % 20:02d} 10:00:00"
    Image.new("RGB", (64, 48), (seed * 40 % 256, 90, 160)).save(path, "JPEG", exif=exif)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "drafts"
    (root / "accounts").mkdir(parents=True)
    (root / "accounts" / "wang.toml").write_text(
        '[account]\nname = "小王的日常"\nmcn = "星河文化传媒"\nmcn_displayed = false\n', encoding="utf-8"
    )
    (root / "accounts" / "li.toml").write_text('[account]\nname = "李姐做饭"\n', encoding="utf-8")
    for i in range(6):
        sub = root / ("wang" if i % 2 else "li")
        names = []
        for k in range(3):
            photo(sub / "media" / f"p{i}_{k}.jpg", i * 3 + k)
            names.append(f'"media/p{i}_{k}.jpg"')
        acc = "wang" if i % 2 else "li"
        (sub / f"post{i}.toml").write_text(
            f'title = "第{i}篇：周末探店"\ntext = "今天去了一家面馆。"\nmedia = [{", ".join(names)}]\n'
            f'account = "../accounts/{acc}.toml"\n',
            encoding="utf-8",
        )
    (root / "li" / "broken.toml").write_text('title = "没写完\n', encoding="utf-8")
    (root / "li" / "evil.toml").write_text(
        'title = "<script>alert(1)</script>"\ntext = "=HYPERLINK(\\"x\\")"\n', encoding="utf-8"
    )
    pack = root / "packs" / "agency"
    pack.mkdir(parents=True)
    (pack / "pack.toml").write_text('id = "agency"\nversion = "1"\npublisher = "p"\n', encoding="utf-8")
    (pack / "words.toml").write_text('kind = "lexicon"\nlexicon = "x"\nentries = ["y"]\n', encoding="utf-8")
    return root


def test_find_drafts_skips_accounts_and_packs(folder: Path) -> None:
    drafts, skipped = find_drafts(folder)
    names = sorted(p.name for p in drafts)
    assert names == ["broken.toml", "evil.toml", *(f"post{i}.toml" for i in range(6))]
    assert skipped == 4  # two account files, pack.toml, words.toml


@pytest.mark.parametrize("jobs", [1, 2])
def test_audit_checks_every_draft_and_reports_broken_one(folder: Path, jobs: int) -> None:
    audit = run_audit(folder, jobs=jobs)
    assert len(audit.rows) == 8
    errors = [r for r in audit.rows if r.error]
    assert [Path(r.draft).name for r in errors] == ["broken.toml"]
    assert "invalid TOML" in errors[0].error
    assert audit.exit_code == 1
    s = audit.summary()
    assert s["drafts"] == 8 and s["errors"] == 1
    by_account = {a["account"]: a for a in s["by_account"]}
    assert by_account["小王的日常"]["drafts"] == 3 and by_account["小王的日常"]["mcn"] == "星河文化传媒"
    assert by_account["小王的日常"]["fix_required"] == 3  # MCN not displayed
    rules = {r["rule"]: r for r in s["by_rule"]}
    assert (
        rules["mcn_name_not_displayed"]["drafts"] == 3
        and rules["mcn_name_not_displayed"]["clause"] == "N2023-11"
    )


def test_clean_folder_exits_0(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        'title = "周末探店"\ntext = "今天去了一家面馆，味道不错。"\n', encoding="utf-8"
    )
    assert run_audit(tmp_path, jobs=1).exit_code == 0
    assert main(["audit", str(tmp_path), "--jobs", "1"]) == 0


def test_cli_reports(folder: Path, tmp_path: Path, capsys) -> None:
    html_file, json_file, csv_file = tmp_path / "r.html", tmp_path / "r.json", tmp_path / "r.csv"
    assert main(["audit", str(folder), "--report", str(html_file), "--jobs", "2"]) == 1
    out = capsys.readouterr().out
    assert "小王的日常" in out and "mcn_name_not_displayed" in out and "broken.toml" in out
    html = html_file.read_text(encoding="utf-8")
    for i in range(6):
        assert f"第{i}篇：周末探店" in html
    assert "broken.toml" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 0 and "N2023-11" in html and "MCN" in html

    assert main(["audit", str(folder), "--report", str(json_file), "--lang", "en", "--jobs", "1"]) == 1
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert len(data["reports"]) == 7 and len(data["errors"]) == 1
    assert data["summary"]["drafts"] == 8 and data["packs"][0]["id"] == "core"
    assert all({"summary", "findings", "media", "packs"} <= set(r) for r in data["reports"])

    assert main(["audit", str(folder), "--report", str(csv_file), "--jobs", "1"]) == 1
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    drafts = {Path(r["draft"]).name for r in rows}
    assert len(drafts) == 8
    assert any(r["verdict"] == "error" and "invalid TOML" in r["message"] for r in rows)
    assert all(not r[c].startswith("=") for r in rows for c in r)


def test_cli_bad_input_exit_2(tmp_path: Path, folder: Path, capsys) -> None:
    assert main(["audit", str(tmp_path / "nope")]) == 2
    assert main(["audit", str(folder), "--report", str(tmp_path / "r.pdf")]) == 2
    assert main(["audit", str(folder), "--pack", str(tmp_path / "nopack")]) == 2
    err = capsys.readouterr().err
    assert "not a folder" in err and ".html, .json or .csv" in err


def test_single_draft_html_escapes_and_cites(folder: Path) -> None:
    report = check_file(folder / "li" / "evil.toml")
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in html and "<script>" not in html
    report = check_file(folder / "wang" / "post1.toml", lang="en")
    html = render_html(report)
    assert "N2023-11" in html and "homepage" in html and 'lang="en"' in html


def test_check_format_html(folder: Path, capsys) -> None:
    assert main(["check", str(folder / "wang" / "post1.toml"), "--format", "html"]) == 1
    assert capsys.readouterr().out.lstrip().startswith("<!DOCTYPE html>")

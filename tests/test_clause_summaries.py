"""Every clause carries our plain-words summary in Chinese and English, shown labelled as ours."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from checks.clauses import SUMMARY_LABEL, clause_summary, clauses
from checks.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_clause_has_a_chinese_and_an_english_summary() -> None:
    lacking = [cid for cid, c in clauses().items() if len(CJK.findall(c.zh)) < 8]
    assert not lacking, f"clauses without a Chinese summary: {lacking}"
    assert all(c.en.strip() for c in clauses().values())
    unnamed = [cid for cid, c in clauses().items() if not CJK.search(c.source_zh)]
    assert not unnamed, f"clauses whose source has no Chinese title: {unnamed}"


def test_every_rule_cites_a_clause_that_has_both_summaries() -> None:
    missing = [r.id for r in all_rules() if not (clause_summary(r.clause, "zh") and clause_summary(r.clause, "en"))]
    assert not missing


def test_explain_in_chinese_shows_the_chinese_summary_labelled_as_ours() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "explain", "shooting_time_place_missing", "--lang", "zh"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert f"{SUMMARY_LABEL.zh}: {clauses()['N2023-3b'].zh}" in run.stdout
    assert clauses()["N2023-3b"].en not in run.stdout

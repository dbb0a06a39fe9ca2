"""The engine's guarantees: one broken rule becomes a warning, the other rules still report."""

from __future__ import annotations

from dataclasses import replace

from checks import engine
from checks.model import Account, Draft, Severity
from checks.rules import all_rules


def test_a_crashing_rule_is_a_warning_not_a_crash(monkeypatch) -> None:
    def boom(ctx):
        raise RuntimeError("kaput")

    rules = list(all_rules())
    rules[0] = replace(rules[0], check=boom)
    monkeypatch.setattr(engine, "all_rules", lambda: tuple(rules))
    draft = Draft(title="t", text="x", account=Account(name="小明", mcn="某机构", mcn_displayed=False))
    report = engine.check_draft(draft, lang="en")
    crashed = [f for f in report.findings if f.rule == rules[0].id]
    assert crashed and crashed[0].severity == Severity.WARNING
    assert "kaput" in crashed[0].message
    assert any(f.rule == "mcn_name_not_displayed" for f in report.findings)

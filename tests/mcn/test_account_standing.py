"""Account standing (N2023-8, -9, -11): calendar-month arithmetic and which constraint binds."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from checks.account_standing import (
    EntityChange,
    History,
    HistoryError,
    Silencing,
    Violation,
    add_months,
    history_from_dict,
    load_history,
    standing,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 8, 31), 3, date(2026, 11, 30)),
        (date(2026, 10, 31), 3, date(2027, 1, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 12, 15), 3, date(2027, 3, 15)),
        (date(2026, 5, 10), 0, date(2026, 5, 10)),
    ],
)
def test_add_months_clamps_at_month_ends(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_latest_constraint_binds() -> None:
    h = History(
        violations=(Violation(date(2026, 3, 1)), Violation(date(2026, 11, 30))),
        entity_changes=(EntityChange(date(2026, 10, 1)),),
        silencings=(Silencing(date(2026, 9, 1), date(2026, 9, 10)),),  # 10 days
    )
    s = standing(h, on=date(2027, 1, 15))
    kinds = {c.kind: c for c in s.constraints}
    assert kinds["violation"].until == date(2027, 2, 28)  # only the last violation counts
    assert kinds["entity_change"].until == date(2027, 1, 1)
    assert (kinds["silencing"].earliest, kinds["silencing"].until) == (date(2026, 10, 1), date(2026, 10, 11))
    assert s.monetise_from == date(2027, 2, 28) and s.status == "wait"
    assert standing(h, on=date(2027, 2, 28)).status == "allowed"


def test_silencing_two_to_three_times_after_it_ends() -> None:
    h = History(silencings=(Silencing(date(2026, 11, 1), date(2026, 11, 30)),))  # 30 days, lifted 12-01
    s = standing(h, on=date(2027, 1, 31))
    assert s.monetise_earliest == date(2027, 1, 30)  # end + 60 days
    assert s.monetise_from == date(2027, 3, 1)  # end + 90 days
    assert s.status == "maybe"
    assert standing(h, on=date(2027, 1, 29)).status == "wait"


def test_clean_history_is_allowed_and_mcn_display() -> None:
    s = standing(History(mcn="星河文化传媒", mcn_displayed=False), on=date(2026, 11, 21))
    assert s.status == "allowed" and s.monetise_from is None
    assert s.must_display_mcn and not s.mcn_ok
    assert standing(History(), on=date(2026, 11, 21)).mcn_ok


def test_file_format_days_and_errors() -> None:
    h = history_from_dict(
        {"silencing": [{"start": date(2026, 2, 1), "days": 28}], "mcn": {"name": "星河", "displayed": True}}
    )
    assert h.silencings[0].end == date(2026, 2, 28) and h.silencings[0].days == 28 and h.mcn_displayed
    with pytest.raises(HistoryError, match=r"'end' .* or 'days'"):
        history_from_dict({"silencing": [{"start": date(2026, 2, 1), "days": 0}]})
    with pytest.raises(HistoryError, match=r"'end' .* or 'days'"):
        history_from_dict({"silencing": [{"start": date(2026, 2, 1)}]})
    with pytest.raises(HistoryError, match="before 'start'"):
        history_from_dict({"silencing": [{"start": date(2026, 2, 1), "end": date(2026, 1, 1)}]})
    with pytest.raises(HistoryError, match="violation 1 'date'"):
        history_from_dict({"violation": [{"date": "yesterday"}]})
    with pytest.raises(HistoryError, match="unknown key 'violations'"):
        history_from_dict({"violations": []})


@pytest.mark.parametrize(
    "data",
    [
        {"silencing": [{"start": date(2026, 9, 10), "days": 100_000_000}]},
        {"silencing": [{"start": date(2026, 9, 10), "end": date(9999, 12, 31)}]},
        {"violation": [{"date": date(9999, 12, 1)}]},
        {"entity_change": [{"date": "9999-11-30"}]},
    ],
)
def test_absurd_dates_are_input_errors_not_overflows(data: dict) -> None:
    """A typo'd length or year used to crash `preflight account` with OverflowError/ValueError."""
    with pytest.raises(HistoryError):
        standing(history_from_dict(data), date(2026, 11, 21))


def test_example_file_and_cli(capsys, tmp_path: Path) -> None:
    example = ROOT / "examples" / "account-history.toml"
    assert load_history(example).mcn == "星河文化传媒"
    assert main(["account", str(example), "--format", "json", "--on", "2026-11-21"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["monetisation"]["from"] == "2026-11-30" and data["monetisation"]["status"] == "wait"
    assert data["mcn"] == {
        "name": "星河文化传媒",
        "displayed": False,
        "must_display": True,
        "ok": False,
        "clause": "N2023-11",
    }
    assert (
        main(["account", str(example), "--on", "2026-12-01", "--lang", "en"]) == 1
    )  # MCN still not displayed
    out = capsys.readouterr().out
    assert "Monetisation may be enabled" in out and "2026-11-30" in out and "N2023-11" in out
    ok = tmp_path / "ok.toml"
    ok.write_text('name = "李姐"\n[[violation]]\ndate = 2026-01-31\n', encoding="utf-8")
    assert main(["account", str(ok), "--on", "2026-04-30"]) == 0
    assert main(["account", str(ok), "--on", "2026-04-29"]) == 1
    assert main(["account", str(tmp_path / "missing.toml")]) == 2
    assert main(["account", str(ok), "--on", "30/04/2026"]) == 2

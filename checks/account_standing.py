"""Account standing under the 2023 self-media notice: when may monetisation be (re)enabled, and must
the MCN's name be displayed.

- art. 8 (N2023-8): 3 months without violations before monetisation; an entity (holder) change
  suspends it for 3 months from the change;
- art. 9 (N2023-9): a silencing suspends it for 2–3× the silencing's length. The notice says the
  suspension runs "concurrently"; to stay on the safe side Preflight counts the 2–3× from the day the
  silencing is lifted, and reports both the conservative 3× date and the 2× earliest date. A
  silencing's `end` is its last day, counted in its length (safe whichever way a notice words it);
- art. 11 (N2023-11): an account that belongs to an MCN shows the MCN's name on its homepage.

Monetisation may be enabled from the latest of all those dates. Months are calendar months clamped
at month ends (2026-11-30 + 3 months = 2027-02-28), the way people and platforms count them.
"""

from __future__ import annotations

import calendar
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from checks.draft import DraftError, read_regular_file


class HistoryError(DraftError):
    """An account history file that cannot be used, with a one-line reason."""


@dataclass(frozen=True)
class Violation:
    date: date
    note: str = ""


@dataclass(frozen=True)
class Silencing:
    start: date
    end: date  # the LAST day silenced (inclusive): "禁言 9月1日至9月14日" is start 09-01, end 09-14
    note: str = ""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def lifted(self) -> date:
        return self.end + timedelta(days=1)


@dataclass(frozen=True)
class EntityChange:
    date: date
    note: str = ""


@dataclass(frozen=True)
class History:
    account: str = ""
    mcn: str | None = None
    mcn_displayed: bool = False
    violations: tuple[Violation, ...] = ()
    silencings: tuple[Silencing, ...] = ()
    entity_changes: tuple[EntityChange, ...] = ()


@dataclass(frozen=True)
class Constraint:
    """One event that holds monetisation back until `until` (conservative) / `earliest`."""

    kind: str  # violation | silencing | entity_change
    clause: str
    event: date
    until: date
    earliest: date
    note: str = ""
    days: int | None = None  # silencing length
    end: date | None = None  # silencing's last day


@dataclass(frozen=True)
class Standing:
    history: History
    on: date
    constraints: tuple[Constraint, ...]
    monetise_from: date | None  # conservative: None = nothing holds it back
    monetise_earliest: date | None

    @property
    def status(self) -> str:
        """allowed | maybe (past the 2× date, not the 3× date) | wait."""
        if self.monetise_from is None or self.on >= self.monetise_from:
            return "allowed"
        if self.monetise_earliest is not None and self.on >= self.monetise_earliest:
            return "maybe"
        return "wait"

    @property
    def must_display_mcn(self) -> bool:
        return bool(self.history.mcn)

    @property
    def mcn_ok(self) -> bool:
        return not self.must_display_mcn or self.history.mcn_displayed

    def to_json(self) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "account": self.history.account,
            "on": self.on.isoformat(),
            "monetisation": {
                "status": self.status,
                "allowed": self.status == "allowed",
                "from": iso(self.monetise_from),
                "earliest": iso(self.monetise_earliest),
                "constraints": [
                    {
                        "kind": c.kind,
                        "clause": c.clause,
                        "event": c.event.isoformat(),
                        "days": c.days,
                        "end": iso(c.end),
                        "until": c.until.isoformat(),
                        "earliest": c.earliest.isoformat(),
                        "note": c.note,
                        "binding": c.until == self.monetise_from,
                    }
                    for c in self.constraints
                ],
            },
            "mcn": {
                "name": self.history.mcn,
                "displayed": self.history.mcn_displayed,
                "must_display": self.must_display_mcn,
                "ok": self.mcn_ok,
                "clause": "N2023-11",
            },
        }


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's last day (Jan 31 + 1 → Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def standing(history: History, on: date | None = None) -> Standing:
    on = on or date.today()
    out: list[Constraint] = []
    if history.violations:
        last = max(history.violations, key=lambda v: v.date)
        until = add_months(last.date, 3)
        out.append(Constraint("violation", "N2023-8", last.date, until, until, last.note))
    for change in history.entity_changes:
        until = add_months(change.date, 3)
        out.append(Constraint("entity_change", "N2023-8", change.date, until, until, change.note))
    for s in history.silencings:
        out.append(
            Constraint(
                "silencing",
                "N2023-9",
                s.start,
                s.lifted + timedelta(days=3 * s.days),
                s.lifted + timedelta(days=2 * s.days),
                s.note,
                days=s.days,
                end=s.end,
            )
        )
    out.sort(key=lambda c: (c.event, c.kind))
    return Standing(
        history=history,
        on=on,
        constraints=tuple(out),
        monetise_from=max((c.until for c in out), default=None),
        monetise_earliest=max((c.earliest for c in out), default=None),
    )


# --------------------------------------------------------------------------- reading the file


MAX_SILENCING_DAYS = 3650  # longer is a ban, not a silencing, and keeps date arithmetic in range
LAST_YEAR = 9000  # waiting periods are added to every date; year 9999 would overflow


def _date(value: Any, where: str) -> date:
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if day is None or day.year > LAST_YEAR:
        raise HistoryError(f"{where}: expected a date like 2026-11-30, not {value!r}")
    return day


def _tables(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise HistoryError(f"{where}: '{key}' must be an array of tables ([[{key}]])")
    return value


def history_from_dict(data: dict[str, Any], where: str = "account history") -> History:
    known = {"name", "mcn", "violation", "silencing", "entity_change"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise HistoryError(f"{where}: unknown key '{unknown[0]}' (expected: {', '.join(sorted(known))})")
    violations = []
    for i, v in enumerate(_tables(data, "violation", where), 1):
        violations.append(
            Violation(_date(v.get("date"), f"{where}: violation {i} 'date'"), str(v.get("note", "")))
        )
    silencings = []
    for i, s in enumerate(_tables(data, "silencing", where), 1):
        w = f"{where}: silencing {i}"
        start = _date(s.get("start"), f"{w} 'start'")
        if "end" in s:
            end = _date(s["end"], f"{w} 'end'")
        elif isinstance(s.get("days"), int) and not isinstance(s.get("days"), bool) and s["days"] >= 1:
            if s["days"] > MAX_SILENCING_DAYS:
                raise HistoryError(f"{w}: {s['days']} days is not a silencing (at most {MAX_SILENCING_DAYS})")
            end = start + timedelta(days=s["days"] - 1)
        else:
            raise HistoryError(f"{w}: give 'end' (the last day silenced) or 'days' (a whole number ≥ 1)")
        if end < start:
            raise HistoryError(f"{w}: 'end' {end} is before 'start' {start}")
        if (end - start).days >= MAX_SILENCING_DAYS:
            raise HistoryError(f"{w}: {start} – {end} is not a silencing (at most {MAX_SILENCING_DAYS} days)")
        silencings.append(Silencing(start, end, str(s.get("note", ""))))
    changes = []
    for i, c in enumerate(_tables(data, "entity_change", where), 1):
        changes.append(
            EntityChange(_date(c.get("date"), f"{where}: entity_change {i} 'date'"), str(c.get("note", "")))
        )
    mcn = data.get("mcn", {})
    if not isinstance(mcn, dict):
        raise HistoryError(f"{where}: 'mcn' must be a table ([mcn] with name and displayed)")
    account = data.get("name", "")
    if not isinstance(account, str):
        raise HistoryError(f"{where}: 'name' must be the account's name (a string)")
    return History(
        account=account,
        mcn=str(mcn.get("name", "")).strip() or None,
        mcn_displayed=_displayed(mcn, where),
        violations=tuple(violations),
        silencings=tuple(silencings),
        entity_changes=tuple(changes),
    )


def _displayed(mcn: dict[str, Any], where: str) -> bool:
    value = mcn.get("displayed", False)
    if not isinstance(value, bool):  # "false" in quotes must not count as displayed
        raise HistoryError(f"{where}: 'mcn.displayed' must be true or false (without quotes), not {value!r}")
    return value


def load_history(path: str | Path) -> History:
    file = Path(path)
    if not file.exists():
        raise HistoryError(f"account history not found: {file}")
    try:
        raw = read_regular_file(file, "account history")
    except DraftError as exc:
        raise HistoryError(str(exc)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise HistoryError(f"{file}: invalid TOML: arrays or tables nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise HistoryError(f"{file}: not UTF-8 text (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise HistoryError(f"{file}: invalid TOML: {exc}") from exc
    except OSError as exc:
        raise HistoryError(f"cannot read {file}: {exc.strerror or exc}") from exc
    return history_from_dict(data, str(file))

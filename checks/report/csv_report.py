"""The audit as CSV for spreadsheets: one row per finding, one per draft without findings, one per
draft that could not be checked (verdict `error`), so every draft appears at least once.

UTF-8 with a BOM so Excel shows Chinese correctly; cells that a spreadsheet would run as a
formula (starting with = + - @) are prefixed with a quote, since drafts are untrusted text.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.audit import Audit

COLUMNS = (
    "draft",
    "account",
    "mcn",
    "platform",
    "verdict",
    "rule",
    "severity",
    "clause",
    "target",
    "message",
    "evidence",
    "fixes",
    "note",
)


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def audit_to_csv(audit: Audit) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in audit.rows:
        if row.report is None:
            writer.writerow(
                [_cell(v) for v in (row.draft, "", "", "", "error", "", "", "", "", row.error, "", "", "")]
            )
            continue
        rep = row.report
        account = rep.get("account") or {}
        head = (row.draft, account.get("name"), account.get("mcn"), rep.get("platform"), row.verdict)
        findings = rep.get("findings") or []
        if not findings:
            writer.writerow([_cell(v) for v in (*head, "", "", "", "", "", "", "", "")])
        for f in findings:
            fixes = " | ".join(str(x.get("title", "")) for x in f.get("fixes") or [])
            cells = (
                *head,
                f.get("rule"),
                f.get("severity"),
                f.get("clause"),
                f.get("target"),
                f.get("message"),
                f.get("evidence"),
                fixes,
                f.get("note"),
            )
            writer.writerow([_cell(v) for v in cells])
    return out.getvalue()

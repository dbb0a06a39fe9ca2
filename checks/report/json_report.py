"""The report JSON of DESIGN.md ("Report JSON"); keys and values are a contract — extend only."""

from __future__ import annotations

import json
from typing import Any

from checks import __version__
from checks.model import Report, Severity


def report_to_dict(report: Report) -> dict[str, Any]:
    draft = report.draft
    return {
        "preflight": __version__,
        "draft": str(draft.path) if draft.path else None,
        "platform": draft.platform,
        "lang": report.lang,
        "packs": [p.to_json() for p in report.packs],
        "summary": {
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
            "verdict": str(report.verdict),
        },
        "media": [m.to_json() for m in report.media],
        "findings": [f.to_json() for f in report.findings],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)

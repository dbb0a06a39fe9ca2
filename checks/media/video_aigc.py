"""The GB 45438-2025 Annex E implicit label as a video carries it (an `AIGC` metadata key).

Parsed leniently because real writers differ: bare 7-key JSON or wrapped `{"AIGC": {...}}`,
HTML-escaped quotes, extra fields such as MiniMax's `SecurityData`, bare provider names. A value
that is not JSON still proves a label was intended, so it yields a `malformed` label rather than
nothing.
"""

from __future__ import annotations

import html
import json
import re

from checks.model import AigcLabel, Evidence, Provenance

_FIELDS = {
    "Label": "label",
    "ContentProducer": "content_producer",
    "ProduceID": "produce_id",
    "ContentPropagator": "content_propagator",
    "PropagateID": "propagate_id",
    "ReservedCode1": "reserved_code1",
    "ReservedCode2": "reserved_code2",
}
_PAIR = re.compile(r'"?(\w+)"?\s*[:=]\s*"?([^",}]*)"?')


def parse_aigc(value: str, where: str) -> AigcLabel:
    text = html.unescape(value.strip().strip("\0"))
    data: object = None
    try:
        data = json.loads(text)
    except ValueError:
        pass
    malformed = not isinstance(data, dict)
    if isinstance(data, dict) and isinstance(data.get("AIGC"), dict):
        data = data["AIGC"]
    if not isinstance(data, dict):
        data = {k: v for k, v in _PAIR.findall(text)}
    fields = {attr: str(data.get(key, "") or "") for key, attr in _FIELDS.items()}
    if fields["label"] not in ("1", "2", "3"):
        malformed = True
    return AigcLabel(**fields, where=where, malformed=malformed)


def aigc_evidence(label: AigcLabel, value: str) -> Evidence:
    """An implicit label says AI unless it is unreadable; even then the creator must look at it."""
    detail = value.strip()
    if len(detail) > 120:
        detail = detail[:117] + "..."
    return Evidence(
        marker="mp4:AIGC",
        where=label.where,
        detail=detail,
        points_to=Provenance.UNKNOWN if label.malformed and not label.label else Provenance.AI_GENERATED,
    )

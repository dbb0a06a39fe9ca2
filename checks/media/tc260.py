"""The GB 45438-2025 implicit label (Annex E): parse leniently, remember what was wrong.

Real labels arrive bare (`{"Label":"1",…}`), wrapped (`{"AIGC":{…}}`), prefixed (`AIGC{…}`) or
HTML-escaped inside XMP. A label we cannot fully parse still means "a provider said this is AI",
so it is kept with `malformed=True` rather than dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from checks.media.budget import load_json
from checks.model import AigcLabel

FIELDS = (
    "Label",
    "ContentProducer",
    "ProduceID",
    "ReservedCode1",
    "ContentPropagator",
    "PropagateID",
    "ReservedCode2",
)
_ALLOWED = re.compile(r"^[\x21\x23-\x5b\x5d-\x7e]*$")  # Annex E j): no space, quote, backslash, CJK
_PAIR = re.compile('"(' + "|".join(FIELDS) + r')"\s*:\s*"?([^",}]*)"?')
_BYTE_HINTS = (b"tc260.org.cn/ns/AIGC",)


def parse_label(text: str, where: str) -> AigcLabel | None:
    """An `AigcLabel` when `text` carries Annex E fields, else None (a stray word "AIGC" is not a label)."""
    raw = html.unescape(text.strip())
    start = raw.find("{")
    if start < 0:
        return None
    obj = None
    try:
        obj = load_json(raw[start:])
    except ValueError:
        end = raw.rfind("}")
        try:
            obj = load_json(raw[start : end + 1]) if end > start else None
        except ValueError:
            obj = None
    if isinstance(obj, dict) and isinstance(obj.get("AIGC"), dict):
        obj = obj["AIGC"]
    if not isinstance(obj, dict):
        return _from_fragments(raw, where)
    if not any(k in obj for k in FIELDS):
        return None
    values = {k: "" if obj.get(k) is None else str(obj[k]) for k in FIELDS}
    label = values["Label"].strip()
    malformed = label not in ("1", "2", "3") or not all(_ALLOWED.match(v) for v in values.values())
    return _label(values, where, malformed)


def _label(values: dict[str, str], where: str, malformed: bool) -> AigcLabel:
    return AigcLabel(
        label=values.get("Label", "").strip(),
        content_producer=values.get("ContentProducer", ""),
        produce_id=values.get("ProduceID", ""),
        content_propagator=values.get("ContentPropagator", ""),
        propagate_id=values.get("PropagateID", ""),
        reserved_code1=values.get("ReservedCode1", ""),
        reserved_code2=values.get("ReservedCode2", ""),
        where=where,
        malformed=malformed,
    )


def _from_fragments(raw: str, where: str) -> AigcLabel | None:
    """Broken JSON: pick `"Key":"value"` pairs out so the creator still sees who labelled it."""
    pairs = dict(re.findall(_PAIR, raw))
    if "ContentProducer" not in pairs and "ProduceID" not in pairs and "Label" not in pairs:
        return None
    return _label(pairs, where, True)


def byte_scan(blobs: list[bytes], where: str) -> AigcLabel | None:
    """Reference §7 fallback: TC260 namespace, or ContentProducer with ProduceID, in raw metadata."""
    for blob in blobs:
        if any(h in blob for h in _BYTE_HINTS) or (b"ContentProducer" in blob and b"ProduceID" in blob):
            text = blob.decode("utf-8", "replace")
            found = parse_label(text[text.find("{") :] if "{" in text else text, where)
            return found or AigcLabel(label="", where=where, malformed=True)
    return None


def combine(labels: list[AigcLabel]) -> AigcLabel | None:
    """Clause 6.1 c): one file keeps one implicit label; contradictory copies mark it malformed."""
    if not labels:
        return None
    first = labels[0]
    distinct = {(lb.label, lb.content_producer, lb.produce_id) for lb in labels}
    if len(distinct) > 1:
        return replace(first, malformed=True)
    return first

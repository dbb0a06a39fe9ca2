"""The GB 45438-2025 implicit label (Annex E) that Preflight writes into a copy.

Values are limited to the Annex E j) charset (printable ASCII without space, '"' and '\\'), so
provider names become codes. Preflight is not the generation service, so when the file does
not name its producer the label says `unknown`; ProduceID is a digest of the original file —
unique, reproducible, and it ties the copy to what the creator received. Per Note 1, the
propagation fields equal the production fields on first write.
"""

from __future__ import annotations

import hashlib
import json
import re

from checks.model import MediaFacts

_NOT_ALLOWED = re.compile(r"[^\x21\x23-\x5b\x5d-\x7e]+")


def charset_safe(value: str, limit: int = 64) -> str:
    return _NOT_ALLOWED.sub("-", value.strip()).strip("-")[:limit]


def producer(facts: MediaFacts | None) -> str:
    """The generator the file names (C2PA claim generator, Software tag), as a charset-safe code."""
    candidates = []
    if facts is not None:
        if facts.c2pa and facts.c2pa.claim_generator:
            candidates.append(facts.c2pa.claim_generator.split("/")[0])
        if facts.software:
            candidates.append(facts.software)
    for name in candidates:
        code = charset_safe(name)
        if code:
            return code
    return "unknown"


def label_fields(original: bytes, facts: MediaFacts | None) -> dict[str, str]:
    who = producer(facts)
    content_id = "sha256-" + hashlib.sha256(original).hexdigest()[:32]
    return {
        "Label": "1",
        "ContentProducer": who,
        "ProduceID": content_id,
        "ReservedCode1": "",
        "ContentPropagator": who,
        "PropagateID": content_id,
        "ReservedCode2": "",
    }


def label_json(original: bytes, facts: MediaFacts | None, *, wrapped: bool = False) -> str:
    """Compact JSON: bare seven keys (XMP, MP4) or wrapped in {"AIGC": …} (PNG text chunk)."""
    fields = label_fields(original, facts)
    return json.dumps({"AIGC": fields} if wrapped else fields, separators=(",", ":"), ensure_ascii=True)

"""The provenance verdict for one file, from its evidence: the strongest claim wins.

Order of strength: a provider's AI claim (TC260 label, generator parameters, IPTC/C2PA
trainedAlgorithmicMedia) > AI editing (composite with trained media) > screenshot > human editing >
camera capture > unknown. AI beats camera because generators and AI edits keep the camera's EXIF;
editing beats capture because an edited photo is no longer what the camera saw. No marker means
`unknown` — never "not AI".
"""

from __future__ import annotations

from dataclasses import replace

from checks.model import AigcLabel, Evidence, MediaFacts, Provenance

ORDER = (
    Provenance.AI_GENERATED,
    Provenance.AI_EDITED,
    Provenance.SCREENSHOT,
    Provenance.EDITED,
    Provenance.SELF_SHOT,
)


def label_evidence(label: AigcLabel) -> Evidence:
    """TC260 Label "1" is the provider saying "AI"; "2"/"3" are 'possibly'/'suspected' — still AI, flagged."""
    meaning = {"1": "AI-generated", "2": "possibly AI (Label 2)", "3": "suspected AI (Label 3)"}
    detail = meaning.get(label.label, f"Label {label.label!r}")
    if label.content_producer:
        detail += f", producer {label.content_producer}"
    if label.malformed:
        detail += ", malformed label"
    return Evidence("tc260:AIGC", label.where, detail, Provenance.AI_GENERATED)


def verdict(evidence: tuple[Evidence, ...] | list[Evidence]) -> Provenance:
    pointed = {e.points_to for e in evidence}
    return next((p for p in ORDER if p in pointed), Provenance.UNKNOWN)


def with_verdict(facts: MediaFacts) -> MediaFacts:
    """Fold the TC260 label and C2PA facts into the evidence, then decide."""
    evidence = list(facts.evidence)
    if facts.aigc_label and not any(e.marker == "tc260:AIGC" for e in evidence):
        evidence.insert(0, label_evidence(facts.aigc_label))
    return replace(facts, evidence=tuple(evidence), provenance=verdict(evidence))

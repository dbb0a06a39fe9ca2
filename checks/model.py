"""The engine's vocabulary: drafts, accounts, media facts, findings and fixes.

Everything here is a plain frozen dataclass so that rules see *facts*, never library objects
(exifread tags, c2pa readers, PyAV containers): a rule test needs no binary file, and a front end
can render any of it without knowing where it came from. `to_json()` methods produce exactly the
report contract of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

PLATFORMS = ("douyin", "xiaohongshu", "bilibili", "weibo", "wechat", "kuaishou", "toutiao", "generic")
DECLARATIONS = (
    "ai_generated",
    "fiction",
    "self_shot",
    "sourced_from_web",
    "personal_opinion",
    "advertising",
    "reposted",
    "dangerous_behaviour",
    "may_disturb",
)
CREDENTIAL_FIELDS = ("finance", "education", "health", "justice")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Provenance(StrEnum):
    SELF_SHOT = "self_shot"
    AI_GENERATED = "ai_generated"
    AI_EDITED = "ai_edited"
    EDITED = "edited"
    SCREENSHOT = "screenshot"
    UNKNOWN = "unknown"

    @property
    def is_ai(self) -> bool:
        return self in (Provenance.AI_GENERATED, Provenance.AI_EDITED)


class FixKind(StrEnum):
    INSERT_TEXT = "insert_text"
    DECLARE = "declare"
    EXPORT_MEDIA = "export_media"
    STRIP_GPS = "strip_gps"
    EDIT_ACCOUNT = "edit_account"
    MANUAL = "manual"


class Applicability(StrEnum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display_only"


class Verdict(StrEnum):
    READY = "ready"
    REVIEW = "review"
    FIX_REQUIRED = "fix_required"


# --------------------------------------------------------------------------- account and draft


@dataclass(frozen=True)
class Credential:
    field: str  # one of CREDENTIAL_FIELDS
    title: str = ""
    expires: date | None = None
    verified: bool = False

    def valid_on(self, day: date) -> bool:
        """A credential counts only when verified and not expired on the publish day."""
        return self.verified and (self.expires is None or self.expires >= day)


@dataclass(frozen=True)
class Account:
    name: str = ""
    bio: str = ""
    mcn: str | None = None
    mcn_displayed: bool = False
    credentials: tuple[Credential, ...] = ()


@dataclass(frozen=True)
class Draft:
    """A post as the creator will publish it. `media` paths are resolved against `base_dir`."""

    title: str = ""
    text: str = ""
    platform: str = "generic"
    declarations: tuple[str, ...] = ()
    media: tuple[str, ...] = ()
    publish_at: datetime | None = None
    account: Account = field(default_factory=Account)
    account_ref: str | None = None  # the `account = "file.toml"` path, when the account is external
    path: Path | None = None  # where the draft was loaded from, if anywhere

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def media_path(self, index: int) -> Path:
        p = Path(self.media[index])
        return p if p.is_absolute() else self.base_dir / p

    def with_changes(self, **changes: Any) -> Draft:
        return replace(self, **changes)


# --------------------------------------------------------------------------- media facts


@dataclass(frozen=True)
class Gps:
    lat: float
    lon: float
    altitude: float | None = None

    def to_json(self) -> list[float]:
        return [round(self.lat, 6), round(self.lon, 6)]


@dataclass(frozen=True)
class Evidence:
    """One provenance marker and where it was found.

    `points_to` is the provenance this marker supports on its own (e.g. a ComfyUI `prompt` chunk →
    ai_generated, an IPTC `digitalCapture` → self_shot, CreatorTool "Adobe Photoshop" → edited).
    """

    marker: str  # short machine name: "png:parameters", "xmp:DigitalSourceType", "c2pa:action", ...
    where: str  # human-readable location: "PNG tEXt chunk 'parameters'", "XMP Iptc4xmpExt", ...
    detail: str = ""  # the value, abbreviated
    points_to: Provenance = Provenance.UNKNOWN

    def to_json(self) -> dict[str, str]:
        return {
            "marker": self.marker,
            "where": self.where,
            "detail": self.detail,
            "points_to": str(self.points_to),
        }


@dataclass(frozen=True)
class C2paInfo:
    present: bool
    validation_state: str | None = None  # Invalid | Valid | Trusted
    codes: tuple[str, ...] = ()  # failure codes, e.g. "assertion.dataHash.mismatch"
    claim_generator: str | None = None
    signer: str | None = None
    actions: tuple[str, ...] = ()  # "c2pa.created", ...
    digital_source_types: tuple[str, ...] = ()  # IPTC terms (last path segment), active + ingredients
    manifests: int = 0
    error: str | None = None

    @property
    def broken(self) -> bool:
        return self.present and self.validation_state == "Invalid"

    def to_json(self) -> dict[str, Any]:
        return {
            "present": self.present,
            "validation_state": self.validation_state,
            "codes": list(self.codes),
            "claim_generator": self.claim_generator,
            "signer": self.signer,
            "actions": list(self.actions),
            "digital_source_types": list(self.digital_source_types),
            "manifests": self.manifests,
        }


@dataclass(frozen=True)
class AigcLabel:
    """The GB 45438-2025 implicit label (Annex E), as found in a file."""

    label: str  # "1" AI, "2" possibly, "3" suspected
    content_producer: str = ""
    produce_id: str = ""
    content_propagator: str = ""
    propagate_id: str = ""
    reserved_code1: str = ""
    reserved_code2: str = ""
    where: str = ""  # "XMP TC260:AIGC", "PNG tEXt AIGC", "EXIF UserComment", "MP4 keys AIGC"
    malformed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "Label": self.label,
            "ContentProducer": self.content_producer,
            "ProduceID": self.produce_id,
            "ContentPropagator": self.content_propagator,
            "PropagateID": self.propagate_id,
            "where": self.where,
            "malformed": self.malformed,
        }


@dataclass(frozen=True)
class TextLine:
    """One line of text a media file shows: recognised on a picture/frame (OCR) or a subtitle cue.

    `box` is (x0, y0, x1, y1) in the pixels of the picture or frame as displayed; `frame_s` is the
    time of the video frame or subtitle cue (None for a still image). `source` is "ocr" or "subtitle".
    The detector's box has padding around the characters, so the glyph height is measured apart.
    """

    text: str
    box: tuple[int, int, int, int] = (0, 0, 0, 0)
    confidence: float = 1.0
    frame_s: float | None = None
    source: str = "ocr"
    glyph_px: int = 0  # measured ink height of the line's characters (GB 45438's "text height")

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "box": list(self.box),
            "confidence": round(self.confidence, 3),
            "frame_s": self.frame_s,
            "source": self.source,
            "glyph_px": self.glyph_px,
        }


@dataclass(frozen=True)
class MediaFacts:
    """What Preflight read from one media file. `error` is set (and most facts empty) when unreadable."""

    path: str
    kind: str = "photo"  # photo | video
    format: str = ""  # jpeg | png | webp | heic | tiff | avif | mp4 | mov | 3gp ...
    size_bytes: int = 0
    width: int | None = None
    height: int | None = None
    orientation: int | None = None  # EXIF orientation 1..8
    capture_time: datetime | None = None  # aware when the file says its offset
    capture_time_source: str | None = None  # "EXIF DateTimeOriginal", "QuickTime creationdate", ...
    gps: Gps | None = None
    place: str | None = None  # offline gazetteer name for gps
    make: str | None = None
    model: str | None = None
    software: str | None = None
    duration: float | None = None  # seconds, video
    evidence: tuple[Evidence, ...] = ()
    aigc_label: AigcLabel | None = None
    c2pa: C2paInfo | None = None
    visible_ai_label: bool = False  # a visible label Preflight itself applied (recorded in XMP)
    visible_warning_label: bool = False  # a minors' warning Preflight stamped on it (MINORS2026)
    provenance: Provenance = Provenance.UNKNOWN
    error: str | None = None
    text: tuple[TextLine, ...] = ()  # what the picture/frames/subtitles say (checks.media.ocr)
    text_read: bool = False  # OCR ran on this file (False: switched off or unavailable)

    @property
    def device(self) -> str | None:
        if self.make and self.model:
            if self.model.lower().startswith(self.make.lower()):
                return self.model
            return f"{self.make} {self.model}"
        return self.model or self.make

    @property
    def ai_evidence(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.points_to.is_ai)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "format": self.format,
            "provenance": str(self.provenance),
            "capture_time": self.capture_time.isoformat() if self.capture_time else None,
            "gps": self.gps.to_json() if self.gps else None,
            "altitude": self.gps.altitude if self.gps else None,
            "place": self.place,
            "device": self.device,
            "software": self.software,
            "width": self.width,
            "height": self.height,
            "duration": self.duration,
            "ai_evidence": [e.to_json() for e in self.ai_evidence],
            "evidence": [e.to_json() for e in self.evidence],
            "aigc_label": self.aigc_label.to_json() if self.aigc_label else None,
            "c2pa": self.c2pa.to_json() if self.c2pa and self.c2pa.present else None,
            "error": self.error,
            "text": [line.to_json() for line in self.text],
        }


# --------------------------------------------------------------------------- findings and fixes


@dataclass(frozen=True)
class Fix:
    """A typed edit a front end can apply (ruff's model). `payload` is plain JSON data:

    insert_text:  {"text": str, "where": "title_prefix"|"text_start"|"text_end"|"replace",
                   "span": [start, end] (for replace, offsets into `target`), "target": "title"|"text"}
    declare:      {"declaration": id, "platform": id, "wording": "内容由AI生成"}
    export_media: {"media": index, "visible_label": str|None, "implicit_label": bool,
                   "warning_label": str|None (a minors' warning, stamped top-left)}
    strip_gps:    {"media": index}
    edit_account: {"field": "mcn_displayed"|"name"|"bio"|"credentials", "value": ...}
    manual:       {"steps": [str, ...]}
    """

    kind: FixKind
    title: str
    applicability: Applicability = Applicability.SAFE
    payload: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "title": self.title,
            "applicability": str(self.applicability),
            "payload": self.payload,
        }


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    clause: str
    message: str
    target: str = "text"  # "title" | "text" | "account" | "media:N" | "draft"
    span: tuple[int, int] | None = None  # offsets into the target string (title or text)
    evidence: str | None = None
    fixes: tuple[Fix, ...] = ()
    note: str | None = None  # e.g. a rule-pack override's stated reason, shown to the creator
    box: tuple[int, int, int, int] | None = None  # target media:N: where on the picture (pixels)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": str(self.severity),
            "clause": self.clause,
            "message": self.message,
            "target": self.target,
            "span": list(self.span) if self.span else None,
            "evidence": self.evidence,
            "fixes": [f.to_json() for f in self.fixes],
            "note": self.note,
            "box": list(self.box) if self.box else None,
        }


@dataclass(frozen=True)
class PackInfo:
    id: str
    version: str
    publisher: str
    signed: bool = False
    path: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version, "publisher": self.publisher, "signed": self.signed}


@dataclass(frozen=True)
class Report:
    draft: Draft
    media: tuple[MediaFacts, ...]
    findings: tuple[Finding, ...]
    packs: tuple[PackInfo, ...] = ()
    lang: str = "zh"

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def verdict(self) -> Verdict:
        if self.count(Severity.ERROR):
            return Verdict.FIX_REQUIRED
        if self.count(Severity.WARNING):
            return Verdict.REVIEW
        return Verdict.READY

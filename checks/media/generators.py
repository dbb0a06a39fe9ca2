"""AI-generation markers: generator parameters, IPTC DigitalSourceType, TC260 labels, vendor tags.

Every marker becomes an `Evidence` naming the marker and where it was found, so a creator (and a
reviewer) can see *why* Preflight calls a file AI-generated. A marker is evidence *for* AI; the
absence of markers proves nothing (metadata is easily stripped), so nothing here says "not AI".
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from checks.media.tc260 import parse_label
from checks.media.xmp import Xmp
from checks.model import AigcLabel, Evidence, Provenance

if TYPE_CHECKING:  # only the type: exifread is imported by the readers that parse EXIF
    from checks.media.exif import ExifFacts

AI = Provenance.AI_GENERATED
DST_POINTS = {
    "trainedAlgorithmicMedia": Provenance.AI_GENERATED,
    "compositeWithTrainedAlgorithmicMedia": Provenance.AI_EDITED,
    "compositeSynthetic": Provenance.AI_EDITED,
    "digitalCapture": Provenance.SELF_SHOT,
    "computationalCapture": Provenance.SELF_SHOT,
    "screenCapture": Provenance.SCREENSHOT,
    "humanEdits": Provenance.EDITED,
    "minorHumanEdits": Provenance.EDITED,
    "algorithmicallyEnhanced": Provenance.EDITED,
    "composite": Provenance.EDITED,
    "compositeCapture": Provenance.EDITED,
}
_A1111 = re.compile(r"(^|\n)\s*(Steps|Sampler|Seed|CFG scale|Negative prompt)\s*:", re.I)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
# Generators that sign their output as the *software* (EXIF Software, XMP CreatorTool/History, PNG
# Software, video encoder tags): naming one there is a generation marker on its own.
AI_TOOLS = re.compile(
    r"firefly|midjourney|dall[·\-\s]?e|stable[\s_-]?diffusion|comfyui|automatic1111|novelai|invokeai|fooocus|"
    r"\bimagen\b|gpt-image|leonardo\.ai|ideogram|\bflux(?:\.1)?\b|kling|可灵|即梦|jimeng|dreamina|豆包|doubao|通义万相|"
    r"tongyi|wanx|文心一格|hunyuan|混元|runway(?:ml)?\b|\bsora\b|hailuo|海螺|minimax|liblib|image playground",
    re.I,
)
_CREDITS = (
    ("image playground", AI),
    ("made with ai", AI),
    ("meta ai", AI),
    ("edited with google ai", Provenance.AI_EDITED),
)

# PNG/WebP text keys that only image generators write: key → (generator, marker)
_GENERATOR_KEYS = {
    "parameters": ("A1111/Forge-style parameters", "gen:parameters"),
    "prompt": ("ComfyUI prompt graph", "gen:comfyui"),
    "workflow": ("ComfyUI workflow", "gen:comfyui"),
    "invokeai_metadata": ("InvokeAI", "gen:invokeai"),
    "invokeai_graph": ("InvokeAI", "gen:invokeai"),
    "sd-metadata": ("InvokeAI (v2)", "gen:invokeai"),
    "dream": ("InvokeAI (legacy Dream)", "gen:invokeai"),
    "fooocus_scheme": ("Fooocus", "gen:fooocus"),
    "generation_data": ("generation_data (TensorArt/SD UI)", "gen:generation_data"),
    "sui_image_params": ("SwarmUI", "gen:swarmui"),
    "negative_prompt": ("SD front end", "gen:negative_prompt"),
}


def short(value: str, n: int = 80) -> str:
    value = " ".join(value.split())
    return value if len(value) <= n else value[: n - 1] + "…"


def dst_term(value: str) -> str:
    return value.strip().rstrip("/").rsplit("/", 1)[-1]


def dst_evidence(term: str, where: str, marker: str = "xmp:DigitalSourceType") -> Evidence:
    return Evidence(marker, where, term, DST_POINTS.get(term, Provenance.UNKNOWN))


def tool_evidence(value: str | None, where: str) -> list[Evidence]:
    """An AI generator named where software signs its output."""
    if value and AI_TOOLS.search(value) and not value.strip().lower().startswith("novelai"):
        return [Evidence("gen:software", where, short(value), AI)]
    return []


def _looks_generated(key: str, value: str) -> bool:
    v = value.strip()
    if not v:
        return False
    if key == "prompt":
        return '"class_type"' in v or '"inputs"' in v or not v.startswith("{")
    if key == "workflow":
        return '"nodes"' in v or '"links"' in v
    return True


def text_markers(texts: list[tuple[str, str, str]]) -> tuple[list[Evidence], list[AigcLabel]]:
    """Markers in key/value text (PNG tEXt/zTXt/iTXt, JPEG COM)."""
    ev: list[Evidence] = []
    labels: list[AigcLabel] = []
    keys = {k.lower() for k, _, _ in texts}
    for key, value, where in texts:
        k = key.lower()
        if k == "aigc" or (k.startswith("aigc") and "{" in value):
            label = parse_label(value, where)
            if label:
                labels.append(label)
            continue
        if '"AIGC"' in value or ("ContentProducer" in value and "ProduceID" in value):
            label = parse_label(value, where)
            if label:
                labels.append(label)
                continue
        if k in _GENERATOR_KEYS and _looks_generated(k, value):
            name, marker = _GENERATOR_KEYS[k]
            if k == "parameters" and "fooocus" in value.lower()[:400]:
                name, marker = "Fooocus", "gen:fooocus"
            elif k == "parameters" and "sui_image_params" in value:
                name, marker = "SwarmUI", "gen:swarmui"
            ev.append(Evidence(marker, where, f"{name}: {short(value, 60)}", AI))
        elif k == "software" and value.strip().lower().startswith("novelai"):
            ev.append(Evidence("gen:novelai", where, short(value), AI))
        elif k == "comment" and _generator_json(value):
            ev.append(Evidence("gen:comment", where, short(value, 60), AI))
        elif k in ("description", "comment") and "job id:" in value.lower():
            ev.append(Evidence("gen:midjourney", where, short(value, 60), AI))
        elif k in ("comment", "description") and _A1111.search(value):
            ev.append(Evidence("gen:parameters", where, short(value, 60), AI))
    if "source" in keys and "software" in keys and not any(e.marker == "gen:novelai" for e in ev):
        for key, value, where in texts:
            if key.lower() == "source" and "novelai" in value.lower():
                ev.append(Evidence("gen:novelai", where, short(value), AI))
    return ev, labels


def _generator_json(value: str) -> bool:
    v = value.strip()
    if not v.startswith("{"):
        return False
    try:
        obj = json.loads(v)
    except ValueError:
        return False
    if not isinstance(obj, dict):
        return False
    keys = {k.lower() for k in obj}
    return bool(
        keys & {"prompt", "uc", "negative_prompt", "sampler", "steps", "sui_image_params", "seed"}
    ) and bool(
        keys & {"steps", "sampler", "seed", "scale", "cfg_scale", "uc", "sui_image_params", "negative_prompt"}
    )


def exif_markers(exif: ExifFacts, where: str = "EXIF") -> tuple[list[Evidence], list[AigcLabel]]:
    ev: list[Evidence] = []
    labels: list[AigcLabel] = []
    uc = exif.user_comment or ""
    if uc:
        if '"AIGC"' in uc or uc.lstrip().startswith("AIGC"):
            label = parse_label(uc, f"{where} UserComment")
            if label:
                labels.append(label)
        elif _A1111.search(uc) or _generator_json(uc) or "sui_image_params" in uc:
            ev.append(Evidence("gen:usercomment", f"{where} UserComment", short(uc, 60), AI))
        elif '"class_type"' in uc or '"prompt"' in uc:
            ev.append(Evidence("gen:usercomment", f"{where} UserComment", short(uc, 60), AI))
    if exif.software and exif.software.lower().startswith("novelai"):
        ev.append(Evidence("gen:novelai", f"{where} Software", exif.software, AI))
    if exif.make and exif.make.strip().lower().startswith("ideogram"):
        ev.append(Evidence("gen:ideogram", f"{where} Make", exif.make, AI))
    desc = exif.description or ""
    if "job id:" in desc.lower():
        ev.append(Evidence("gen:midjourney", f"{where} ImageDescription", short(desc, 60), AI))
    if desc.startswith("Signature:") and exif.artist and _UUID.match(exif.artist.strip()):
        ev.append(Evidence("gen:grok", f"{where} ImageDescription + Artist", short(desc, 40), AI))
    if "aigc_label_type" in desc or ("ServiceProvider" in desc and "{" in desc):
        label = parse_label(desc, f"{where} ImageDescription")
        if label:
            labels.append(label)
        else:
            ev.append(Evidence("gen:vendor_json", f"{where} ImageDescription", short(desc, 60), AI))
    if '"AIGC"' in desc and not labels:
        label = parse_label(desc, f"{where} ImageDescription")
        if label:
            labels.append(label)
    return ev, labels


def xmp_markers(xmp: Xmp) -> tuple[list[Evidence], list[AigcLabel]]:
    ev: list[Evidence] = []
    labels: list[AigcLabel] = []
    for value in xmp.get("Iptc4xmpExt:DigitalSourceType"):
        term = dst_term(value)
        if term:
            ev.append(dst_evidence(term, "XMP Iptc4xmpExt:DigitalSourceType"))
    for value in xmp.get("TC260:AIGC"):
        label = parse_label(value, "XMP TC260:AIGC")
        labels.append(label or AigcLabel(label="", where="XMP TC260:AIGC", malformed=True))
    for credit in xmp.get("photoshop:Credit"):
        low = credit.lower()
        for needle, points in _CREDITS:
            if needle in low:
                ev.append(Evidence("xmp:Credit", "XMP photoshop:Credit", short(credit), points))
                break
    for value in xmp.get("dc:description"):
        if "job id:" in value.lower():
            ev.append(Evidence("gen:midjourney", "XMP dc:description", short(value, 60), AI))
    for value in xmp.get("exif:UserComment"):
        if _A1111.search(value) or _generator_json(value) or "sui_image_params" in value:
            ev.append(Evidence("gen:usercomment", "XMP exif:UserComment", short(value, 60), AI))
    return ev, labels

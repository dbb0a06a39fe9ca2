"""Major AI services as they name themselves in C2PA manifests: claim generator, signer, softwareAgent.

A manifest written by Bing Image Creator, ChatGPT or Firefly says "AI" through *who wrote it*, even
where it carries no digitalSourceType, or its certificate expired, or validation failed on an edit
made afterwards. Only names that belong to generative products count; a vendor that also signs camera
photos (Google Pixel, Samsung) or ordinary editing (Photoshop) counts only through the product name
of its AI service (Imagen, Gemini, Firefly), never through the vendor's signer alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checks.model import Evidence, Provenance

# (pattern, service, signer_is_enough): a signer match counts only when the whole company is an AI service.
SERVICES: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(p, re.I), name, signer)
    for p, name, signer in (
        (r"\bopenai\b", "OpenAI", True),
        (r"chatgpt|gpt-?image|gpt-4o", "OpenAI ChatGPT", False),
        (r"dall[·\-\s]?e", "OpenAI DALL·E", False),
        (r"\bsora\b", "OpenAI Sora", False),
        (
            r"bing\s*image\s*creator|image\s*creator\s*from\s*(microsoft\s*)?designer|\bbing\b.*\bcreat",
            "Microsoft Bing Image Creator",
            False,
        ),
        (r"microsoft\s*designer|\bdesigner\b.*microsoft", "Microsoft Designer", False),
        (r"azure\s*openai|azure\s*ai\s*(foundry|image)", "Azure OpenAI", False),
        (r"\bcopilot\b", "Microsoft Copilot", False),
        (r"\bfirefly\b", "Adobe Firefly", False),
        (r"\bimagen\b|\bveo\b|nano\s*banana", "Google Imagen/Veo", False),
        (r"\bgemini\b|google\s*ai\s*studio|vertex\s*ai", "Google Gemini", False),
        (r"google\s*generative\s*ai|synthid", "Google Generative AI", False),
        (r"meta\s*ai\b|imagine\s*(with|by)\s*meta|\bemu\b.*meta", "Meta AI", False),
        (r"stability\s*ai", "Stability AI", True),
        (r"stable\s*(diffusion|assistant|image)|dreamstudio", "Stability AI", False),
        (r"midjourney", "Midjourney", True),
        (r"leonardo\.?ai", "Leonardo.Ai", True),
        (r"ideogram", "Ideogram", True),
        (r"runway\s*(ml|gen)", "Runway", True),
        (r"\bkling\b|可灵", "Kling (可灵)", False),
        (r"jimeng|dreamina|即梦", "Jimeng/Dreamina (即梦)", False),
        (r"doubao|豆包", "Doubao (豆包)", False),
        (r"hunyuan|混元", "Tencent Hunyuan (混元)", False),
        (r"tongyi|wanx|通义", "Alibaba Tongyi (通义)", False),
        (r"canva\s*(magic\s*media|ai)|dream\s*lab", "Canva AI", False),
    )
)


def service(name: str | None, *, signer: bool = False) -> str | None:
    """The AI service `name` belongs to (for a signer: only all-AI companies), else None."""
    if not name:
        return None
    for rx, label, signer_ok in SERVICES:
        if rx.search(name) and (signer_ok or not signer):
            return label
    return None


def c2pa_evidence(
    generator: str | None,
    signer: str | None,
    agents: Iterable[tuple[str, str, str, bool]],
) -> list[Evidence]:
    """Evidence from who wrote the manifest and which software agents acted.

    `agents` are (action, softwareAgent name or action description, where, in_active_manifest). A service that *created* the
    asset (claim generator, signer, or the agent of c2pa.created) → ai_generated; a service acting
    as an editing step (c2pa.edited with Firefly inside Photoshop) → ai_edited.
    """
    out: list[Evidence] = []
    for value, where, is_signer in (
        (generator, "C2PA claim generator", False),
        (signer, "C2PA signer", True),
    ):
        found = service(value, signer=is_signer)
        if found:
            out.append(Evidence("c2pa:ai_service", where, f"{found}: {value}"[:120], Provenance.AI_GENERATED))
    for action, agent, where, _active in agents:
        found = service(agent)
        if not found:
            continue
        points = Provenance.AI_GENERATED if action in ("c2pa.created", "") else Provenance.AI_EDITED
        out.append(Evidence("c2pa:ai_service", where, f"{found}: {agent}"[:120], points))
    return list(dict.fromkeys(out))

"""The one adapter around c2pa-python: manifest store → `C2paInfo` + provenance evidence.

Every remote lookup is switched off in the reader's own Context — remote manifests, OCSP, the
decoding of CAWG identity assertions (whose DID/identity-server lookups resolved host names), and
any network host at all — so reading a file never touches the network and the verdict is the
same online and offline (a manifest that lives only at a URL is reported as an error, not
fetched). The reader needs the whole asset to check hashes, so callers invoke it only when the
container walk saw a manifest store (JUMBF, caBX, C2PA chunk, C2PA uuid box).
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

from checks.media.ai_services import c2pa_evidence
from checks.media.generators import dst_evidence, dst_term
from checks.model import C2paInfo, Evidence, Provenance

MIME = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "heic": "image/heic",
    "avif": "image/avif",
    "tiff": "image/tiff",
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "3gp": "video/mp4",
}
OFFLINE = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "core": {"decode_identity_assertions": False, "allowed_network_hosts": [], "allow_redirects": False},
}
_local = threading.local()


def _context() -> Any:
    """One offline Context per thread and process (native handles are not shared)."""
    ctx, pid = getattr(_local, "ctx", None), getattr(_local, "pid", None)
    if ctx is None or pid != os.getpid():  # a forked worker cannot use its parent's native handle
        import c2pa

        ctx = c2pa.Context(c2pa.Settings.from_dict(OFFLINE))
        _local.ctx, _local.pid = ctx, os.getpid()
    return ctx


def read_c2pa(path: Path, fmt: str) -> tuple[C2paInfo, list[Evidence]]:
    try:
        import c2pa
    except ImportError:  # a broken install must not stop the other readers
        return C2paInfo(present=True, error="c2pa library unavailable"), []
    try:
        with path.open("rb") as fh, c2pa.Reader(MIME.get(fmt, ""), fh, context=_context()) as reader:
            store = json.loads(reader.json())
    except Exception as exc:  # C2paError subclasses, OSError, bad JSON
        name = type(exc).__name__.lstrip("_").removeprefix("C2pa")
        if "ManifestNotFound" in name:
            return C2paInfo(present=False), []
        if "NotSupported" in name:  # a store we cannot check is not a broken one
            return C2paInfo(present=True, error=f"{name}: {exc}"[:200]), []
        return C2paInfo(present=True, validation_state="Invalid", error=f"{name}: {exc}"[:200]), []
    return interpret(store)


def interpret(store: dict[str, Any]) -> tuple[C2paInfo, list[Evidence]]:
    """Pure: a manifest-store dict (Reader.json()) → facts. Separate so tests can feed JSON."""
    manifests: dict[str, Any] = store.get("manifests") or {}
    active_label = store.get("active_manifest")
    active = (manifests.get(active_label) if isinstance(active_label, str) else None) or {}
    codes = tuple(
        dict.fromkeys(s.get("code", "") for s in store.get("validation_status") or [] if s.get("code"))
    )
    state = store.get("validation_state") or ("Invalid" if _failing(codes) else "Valid")
    evidence: list[Evidence] = []
    terms: list[str] = []
    actions: list[str] = []
    agents: list[tuple[str, str, str, bool]] = []
    for label, manifest in manifests.items():
        is_active = label == active_label
        where = "C2PA active manifest" if is_active else "C2PA ingredient manifest"
        for assertion in manifest.get("assertions") or []:
            alabel = str(assertion.get("label", ""))
            data = assertion.get("data") or {}
            if alabel.startswith("c2pa.ai_generated_content") or alabel.startswith("c2pa.ai-generated"):
                evidence.append(Evidence("c2pa:ai_generated_content", where, alabel, Provenance.AI_GENERATED))
            if not alabel.startswith("c2pa.actions"):
                continue
            for action in data.get("actions") or []:
                name = str(action.get("action", ""))
                if is_active and name and name not in actions:
                    actions.append(name)
                said = (
                    ("softwareAgent", _agent_name(action.get("softwareAgent"))),
                    ("description", action.get("description")),
                )
                for field, value in said:
                    if value and isinstance(value, str):
                        agents.append((name, value, f"{where} {name or 'action'} {field}", is_active))
                term = dst_term(str(action.get("digitalSourceType") or ""))
                if term:
                    if term not in terms:
                        terms.append(term)
                    agent = action.get("softwareAgent")
                    agent = agent.get("name") if isinstance(agent, dict) else agent
                    ev = dst_evidence(term, f"{where} {name}".strip(), "c2pa:digitalSourceType")
                    if agent:
                        ev = Evidence(ev.marker, ev.where, f"{term} ({agent})", ev.points_to)
                    evidence.append(ev)
    sig = active.get("signature_info") or {}
    generator = active.get("claim_generator") or _generator_info(active)
    info = C2paInfo(
        present=True,
        validation_state=state,
        codes=tuple(c for c in codes if not c.endswith((".validated", ".match", ".trusted"))),
        claim_generator=generator,
        signer=sig.get("issuer") or sig.get("common_name"),
        actions=tuple(actions),
        digital_source_types=tuple(terms),
        manifests=len(manifests),
    )
    summary = Evidence(
        "c2pa:manifest", "C2PA manifest store", f"{state}; {generator or '?'}", Provenance.UNKNOWN
    )
    # Who wrote the manifest says "AI" even without a digitalSourceType and whatever the validation.
    evidence += c2pa_evidence(generator, info.signer, agents)
    return info, [summary, *evidence]


def _agent_name(agent: Any) -> str | None:
    if isinstance(agent, dict):
        agent = agent.get("name")
    return str(agent).strip() or None if agent else None


def _generator_info(manifest: dict[str, Any]) -> str | None:
    infos = manifest.get("claim_generator_info") or []
    names = [f"{i.get('name', '')} {i.get('version', '')}".strip() for i in infos if isinstance(i, dict)]
    return "; ".join(n for n in names if n) or None


def _failing(codes: tuple[str, ...]) -> bool:
    return any(c for c in codes if c != "signingCredential.untrusted" and not c.endswith(".untrusted"))

"""c2pa_invalid: Invalid manifests fire; Valid + untrusted signer does not."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.model import C2paInfo, Draft, MediaFacts, Severity
from checks.packs import load_packs
from checks.rules import get_rule
from checks.rules.base import Context


def run(media: list[MediaFacts], lang: str = "zh") -> list:
    ctx = Context(
        draft=Draft(media=tuple(m.path for m in media)),
        media=tuple(media),
        packs=load_packs(),
        publish_at=datetime(2026, 11, 21, 12, tzinfo=UTC),
        lang=lang,
    )
    return list(get_rule("c2pa_invalid").check(ctx))


def photo(info: C2paInfo | None) -> MediaFacts:
    return MediaFacts(path="signed.jpg", c2pa=info)


def test_hash_mismatch_is_edited_after_signing() -> None:
    info = C2paInfo(
        present=True,
        validation_state="Invalid",
        codes=("signingCredential.untrusted", "assertion.dataHash.mismatch"),
    )
    (f,) = run([photo(info)], lang="en")
    assert f.severity == Severity.WARNING and f.target == "media:0"
    assert "edited after signing" in f.message
    assert "assertion.dataHash.mismatch" in f.evidence


def test_expired_certificate_names_the_code() -> None:
    info = C2paInfo(present=True, validation_state="Invalid", codes=("signingCredential.expired",))
    (f,) = run([photo(info)])
    assert "signingCredential.expired" in f.message


def test_valid_with_untrusted_signer_is_not_invalid() -> None:
    info = C2paInfo(present=True, validation_state="Valid", codes=("signingCredential.untrusted",))
    assert run([photo(info)]) == []


def test_no_manifest_gives_nothing() -> None:
    assert run([photo(None), photo(C2paInfo(present=False))]) == []

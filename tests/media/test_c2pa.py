"""C2PA on real signed bytes: a JPEG signed in the test with a throwaway ES256 chain (no network).

Signing with `c2pa.created` + trainedAlgorithmicMedia must read back as ai_generated with a Valid
(untrusted-signer) manifest; flipping one byte of image data after signing must read as Invalid,
which is what the `c2pa_invalid` rule keys on.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image

from checks.media import read_one
from checks.media.c2pa_reader import interpret
from checks.model import Provenance

c2pa = pytest.importorskip("c2pa")
from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID  # noqa: E402

TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Preflight Test"),
        ]
    )


def _usage(*, sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not sign,
        crl_sign=not sign,
        encipher_only=False,
        decipher_only=False,
    )


def _signer():
    """A root CA and an end-entity signing certificate, made fresh for each test run."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Preflight Test Root"))
        .issuer_name(_name("Preflight Test Root"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(sign=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Preflight Test Signer"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(sign=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    chain = cert.public_bytes(serialization.Encoding.PEM) + ca.public_bytes(serialization.Encoding.PEM)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return c2pa.Signer.from_info(c2pa.C2paSignerInfo(b"es256", chain, pem, None))


@pytest.fixture(scope="module")
def signed_jpeg() -> bytes:
    manifest = {
        "claim_generator_info": [{"name": "preflight-test", "version": "1"}],
        "title": "generated.jpg",
        "assertions": [
            {
                "label": "c2pa.actions",
                "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": TRAINED}]},
            }
        ],
    }
    src, dst = io.BytesIO(), io.BytesIO()
    Image.effect_noise((96, 64), 40).convert("RGB").save(src, "JPEG", quality=90)
    src.seek(0)
    with c2pa.Builder(manifest) as builder:
        builder.sign(_signer(), "image/jpeg", src, dst)
    return dst.getvalue()


def test_signed_ai_jpeg_reads_as_ai_generated_with_valid_manifest(tmp_path: Path, signed_jpeg: bytes) -> None:
    path = tmp_path / "generated.jpg"
    path.write_bytes(signed_jpeg)
    f = read_one(path, use_cache=False)
    assert f.error is None and f.c2pa is not None and f.c2pa.present
    assert f.c2pa.validation_state == "Valid"
    assert set(f.c2pa.codes) <= {"signingCredential.untrusted"}
    assert f.c2pa.actions == ("c2pa.created",)
    assert f.c2pa.digital_source_types == ("trainedAlgorithmicMedia",)
    assert f.c2pa.claim_generator and "preflight-test" in f.c2pa.claim_generator
    assert f.c2pa.signer == "Preflight Test"
    assert f.provenance == Provenance.AI_GENERATED
    assert any(e.marker == "c2pa:digitalSourceType" for e in f.ai_evidence)
    assert f.to_json()["c2pa"]["validation_state"] == "Valid"


def test_one_flipped_image_byte_after_signing_is_invalid(tmp_path: Path, signed_jpeg: bytes) -> None:
    data = bytearray(signed_jpeg)
    sos = data.rfind(b"\xff\xda")
    i = sos + (len(data) - sos) // 2
    while data[i] in (0xFF, 0xFE) or data[i - 1] == 0xFF:
        i += 1
    data[i] ^= 0x01
    path = tmp_path / "tampered.jpg"
    path.write_bytes(bytes(data))
    f = read_one(path, use_cache=False)
    assert f.c2pa is not None and f.c2pa.validation_state == "Invalid" and f.c2pa.broken
    assert any("mismatch" in code for code in f.c2pa.codes)


def test_files_without_a_manifest_never_reach_c2pa(tmp_path: Path, monkeypatch) -> None:
    import checks.media.image as image

    monkeypatch.setattr(
        image, "read_c2pa", lambda *a: pytest.fail("c2pa called on a file without a manifest")
    )
    path = tmp_path / "plain.jpg"
    Image.new("RGB", (8, 8)).save(path)
    assert read_one(path, use_cache=False).c2pa is None


def test_interpret_reads_ingredients_and_ai_generated_content_assertion() -> None:
    store = {
        "active_manifest": "m2",
        "validation_state": "Valid",
        "validation_status": [{"code": "signingCredential.untrusted"}],
        "manifests": {
            "m1": {
                "assertions": [
                    {
                        "label": "c2pa.actions.v2",
                        "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": TRAINED}]},
                    }
                ]
            },
            "m2": {
                "claim_generator": "Editor/1.0",
                "signature_info": {"issuer": "Example Inc."},
                "assertions": [
                    {"label": "c2pa.actions.v2", "data": {"actions": [{"action": "c2pa.opened"}]}},
                    {"label": "c2pa.ai_generated_content", "data": {}},
                ],
            },
        },
    }
    info, evidence = interpret(store)
    assert info.actions == ("c2pa.opened",) and info.digital_source_types == ("trainedAlgorithmicMedia",)
    assert info.signer == "Example Inc." and info.manifests == 2 and not info.broken
    wheres = {(e.marker, e.where) for e in evidence if e.points_to.is_ai}
    assert ("c2pa:digitalSourceType", "C2PA ingredient manifest c2pa.created") in wheres
    assert ("c2pa:ai_generated_content", "C2PA active manifest") in wheres


def _tiny_mp4(path: Path, metadata: dict[str, str] | None = None) -> None:
    av = pytest.importorskip("av")
    out = av.open(str(path), "w", options={"movflags": "use_metadata_tags"})
    for key, value in (metadata or {}).items():
        out.metadata[key] = value
    stream = out.add_stream("mpeg4", rate=10)
    stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
    for i in range(5):
        for packet in stream.encode(av.VideoFrame.from_image(Image.new("RGB", (64, 48), (i * 40, 0, 0)))):
            out.mux(packet)
    for packet in stream.encode():
        out.mux(packet)
    out.close()


def test_signed_video_goes_through_the_same_c2pa_and_verdict(tmp_path: Path) -> None:
    plain = tmp_path / "clip.mp4"
    _tiny_mp4(plain)
    manifest = {
        "claim_generator_info": [{"name": "preflight-test", "version": "1"}],
        "assertions": [
            {
                "label": "c2pa.actions",
                "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": TRAINED}]},
            }
        ],
    }
    signed = tmp_path / "signed.mp4"
    with plain.open("rb") as src, signed.open("w+b") as dst, c2pa.Builder(manifest) as builder:
        builder.sign(_signer(), "video/mp4", src, dst)
    f = read_one(signed, use_cache=False)
    assert f.kind == "video" and f.format == "mp4" and f.error is None
    assert f.c2pa is not None and f.c2pa.validation_state == "Valid"
    assert f.provenance == Provenance.AI_GENERATED


def test_video_aigc_key_reaches_the_verdict(tmp_path: Path) -> None:
    path = tmp_path / "kling.mp4"
    _tiny_mp4(path, {"AIGC": '{"Label":"1","ContentProducer":"kling","ProduceID":"v-1"}'})
    f = read_one(path, use_cache=False)
    assert f.kind == "video" and f.c2pa is None
    assert f.aigc_label is not None and f.aigc_label.content_producer == "kling"
    assert f.provenance == Provenance.AI_GENERATED


def test_every_remote_lookup_is_off_in_the_c2pa_settings() -> None:
    """CAWG identity assertions made the library resolve an identity server's host name: decoding
    them, any network host and redirects are switched off, next to remote manifests and OCSP."""
    from checks.media import c2pa_reader

    assert c2pa_reader.OFFLINE["verify"] == {"remote_manifest_fetch": False, "ocsp_fetch": False}
    core = c2pa_reader.OFFLINE["core"]
    assert core["decode_identity_assertions"] is False
    assert core["allowed_network_hosts"] == []
    assert core["allow_redirects"] is False
    pytest.importorskip("c2pa")
    assert c2pa_reader._context() is not None  # the library accepts every key (it type-checks them)



def test_cawg_identity_assertions_are_not_decoded(corpus: Path) -> None:
    """Decoding an identity assertion is what looks up identity servers; with it off, the CAWG
    codes are gone and the verdict rests on the manifest alone."""
    facts = read_one(corpus / "c2pa" / "C_with_CAWG_data.jpg", use_cache=False)
    assert facts.c2pa is not None and facts.c2pa.validation_state == "Valid"
    assert not [c for c in facts.c2pa.codes if c.startswith("cawg.")]


# --------------------------------------------------------------------------- known AI services


def _store(generator: str | None, issuer: str, actions: list[dict], state: str = "Invalid") -> dict:
    return {
        "active_manifest": "m",
        "validation_state": state,
        "validation_status": [{"code": "signingCredential.expired"}] if state == "Invalid" else [],
        "manifests": {
            "m": {
                "claim_generator": generator,
                "signature_info": {"issuer": issuer},
                "assertions": [{"label": "c2pa.actions.v2", "data": {"actions": actions}}],
            }
        },
    }


def _verdict(store: dict) -> tuple[str, list]:
    from checks.media.provenance import verdict

    _info, evidence = interpret(store)
    return str(verdict(evidence)), [e for e in evidence if e.marker == "c2pa:ai_service"]


def test_a_bing_image_creator_manifest_is_ai_even_without_source_type_and_with_an_expired_cert() -> None:
    store = _store("Bing Image Creator c2pa-rs/0.20", "Microsoft Corporation", [{"action": "c2pa.created"}])
    verdict, evidence = _verdict(store)
    assert verdict == "ai_generated"
    assert evidence[0].where == "C2PA claim generator" and "Bing Image Creator" in evidence[0].detail


def test_a_firefly_step_inside_photoshop_is_ai_editing() -> None:
    actions = [
        {"action": "c2pa.opened"},
        {"action": "c2pa.edited", "softwareAgent": {"name": "Adobe Firefly"}},
    ]
    verdict, evidence = _verdict(_store("Adobe_Photoshop/26.9.0", "Adobe Inc.", actions, state="Valid"))
    assert verdict == "ai_edited" and "softwareAgent" in evidence[0].where


def test_an_all_ai_signer_counts_but_a_camera_vendor_signer_does_not() -> None:
    assert _verdict(_store(None, "OpenAI OpCo, LLC", []))[0] == "ai_generated"
    assert _verdict(_store("Pixel Camera", "Google LLC", [{"action": "c2pa.created"}]))[0] == "unknown"
    assert _verdict(_store("Adobe_Photoshop/26.9.0", "Adobe Inc.", [{"action": "c2pa.edited"}]))[0] == "unknown"

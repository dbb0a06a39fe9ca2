"""Content credentials (C2PA) present but broken: the file was changed after it was signed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checks.i18n import L
from checks.model import Finding, Severity
from checks.rules.base import Context, Rule, RuleDoc

HASH_CODES = (
    "dataHash.mismatch",
    "bmffHash.mismatch",
    "boxesHash.mismatch",
    "hashedURI.mismatch",
    "collectionHash.mismatch",
)


def check(ctx: Context) -> Iterator[Finding]:
    for i, media in enumerate(ctx.media):
        c2pa = media.c2pa
        if media.error or c2pa is None or not c2pa.broken:
            continue
        name = Path(media.path).name
        codes = [c for c in c2pa.codes if c != "signingCredential.untrusted"]
        edited = any(c.endswith(HASH_CODES) for c in codes)
        if edited:
            message = L(
                zh="“{name}”的内容凭证（C2PA）已失效：文件在签名后被修改过",
                en="The content credentials (C2PA) of '{name}' are broken: the file was edited after signing",
            )
        else:
            message = L(
                zh="“{name}”的内容凭证（C2PA）校验失败：{codes}",
                en="The content credentials (C2PA) of '{name}' fail validation: {codes}",
            )
        fix = ctx.manual_fix(
            L(zh="改用签名时的原始文件", en="Use the file as it was signed"),
            L(
                zh="上传签名时的原始文件；如确需修改，请用支持内容凭证的软件重新签名，或在正文说明修改情况",
                en="Upload the original signed file; if you must edit it, re-sign it with a tool that supports content credentials, or say in the post what was changed",
            ),
        )
        yield ctx.finding(
            RULE,
            message,
            target=f"media:{i}",
            evidence=f"C2PA validation_state {c2pa.validation_state}: {', '.join(c2pa.codes) or '-'}"
            + (f"; claim_generator {c2pa.claim_generator}" if c2pa.claim_generator else ""),
            fixes=(fix,),
            name=name,
            codes=", ".join(codes) or "Invalid",
        )


RULE = Rule(
    id="c2pa_invalid",
    clause="N2023-4",
    severity=Severity.WARNING,
    title=L(zh="内容凭证（C2PA）签名后被改动", en="Content credentials (C2PA) broken after signing"),
    doc=RuleDoc(
        what=L(
            zh="文件带有C2PA内容凭证，但校验结果为“无效”（如哈希不匹配、签名错误）。仅“签名者不在信任列表”不算无效。",
            en="The file carries C2PA content credentials whose validation state is Invalid (hash mismatch, bad signature). A signer that is merely not on a trust list is not invalid.",
        ),
        why=L(
            zh="凭证失效说明画面在签名后被改动，平台或读者核验时会显示“已被篡改”，与“不得拼凑剪辑、合成伪造”的要求相冲突。",
            en="Broken credentials mean the picture changed after signing; platforms and readers who verify it will see it as tampered, which conflicts with the ban on patchwork editing and synthesised forgery.",
        ),
        example=L(
            zh="相机签名的照片在修图软件里裁剪后直接发布，assertion.dataHash.mismatch。",
            en="A camera-signed photo cropped in an editor and published as is: assertion.dataHash.mismatch.",
        ),
        fix=L(
            zh="仅提示：改用原始签名文件或重新签名（需要手动处理）。",
            en="Display only: use the signed original or re-sign (manual).",
        ),
    ),
    check=check,
)

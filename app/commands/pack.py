"""`preflight pack …`: make, sign, verify and install rule packs; manage trusted publisher keys.

Exit codes: 0 done; 1 a pack was refused (unsigned, tampered, unknown key, expired, too new) or
an update failed; 2 bad input (missing file, not a pack, bad key file).
"""

from __future__ import annotations

import argparse
import json
import sys
from unicodedata import east_asian_width

from app.commands.account import text_table
from checks.i18n import L, tr
from checks.packs import signing, store, subscription, trust
from checks.packs.signing import PackSignatureError

_LANG = ("zh", "en")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pack", help="rule packs: keygen, sign, verify, info, trust, install, update …")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=_LANG, default="zh", help="language of messages (default zh)")
    cmds = p.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    c = cmds.add_parser(
        "keygen", parents=[common], help="make an Ed25519 signing key (KEYFILE, mode 0600) and KEYFILE.pub"
    )
    c.add_argument("--out", required=True, metavar="KEYFILE")
    c.set_defaults(run=run_keygen)

    c = cmds.add_parser("sign", parents=[common], help="sign a pack folder: writes pack.sig beside pack.toml")
    c.add_argument("dir", metavar="DIR")
    c.add_argument("--key", required=True, metavar="KEYFILE", help="the private key from 'pack keygen'")
    c.set_defaults(run=run_sign)

    c = cmds.add_parser("verify", parents=[common], help="check a pack's signature (exit 0 good, 1 refused)")
    c.add_argument("pack", metavar="DIR|ZIP")
    c.add_argument("--key", metavar="PUB", help="verify against this public key instead of the trusted keys")
    c.set_defaults(run=run_verify)

    c = cmds.add_parser(
        "info", parents=[common], help="show a pack's id, version, publisher, validity and signature"
    )
    c.add_argument("pack", metavar="DIR|ZIP")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.set_defaults(run=run_info)

    c = cmds.add_parser("trust", parents=[common], help="trust a publisher's public key")
    c.add_argument("pubfile", metavar="PUBFILE")
    c.add_argument("--name", help="a name for the key (default: the file name)")
    c.set_defaults(run=run_trust)

    c = cmds.add_parser("untrust", parents=[common], help="stop trusting a key (by key id or name)")
    c.add_argument("key", metavar="KEY")
    c.set_defaults(run=run_untrust)

    c = cmds.add_parser("list", parents=[common], help="installed packs, trusted keys and subscriptions")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.set_defaults(run=run_list)

    c = cmds.add_parser(
        "install",
        parents=[common],
        help="install a signed pack (replaces the old version only if it verifies)",
    )
    c.add_argument("pack", metavar="DIR|ZIP")
    c.add_argument("--force", action="store_true", help="install even an older version than the installed one")
    c.set_defaults(run=run_install)

    c = cmds.add_parser("remove", parents=[common], help="remove an installed pack")
    c.add_argument("id", metavar="ID")
    c.set_defaults(run=run_remove)

    c = cmds.add_parser(
        "subscribe", parents=[common], help="fetch pack updates from this HTTPS URL (a signed pack zip)"
    )
    c.add_argument("url", metavar="URL")
    c.set_defaults(run=run_subscribe)

    c = cmds.add_parser("unsubscribe", parents=[common], help="stop fetching from this URL")
    c.add_argument("url", metavar="URL")
    c.set_defaults(run=run_unsubscribe)

    c = cmds.add_parser(
        "update", parents=[common], help="fetch subscribed packs now (offline: the installed packs stay)"
    )
    c.set_defaults(run=run_update)


def _say(args: argparse.Namespace, text: L, **kw: object) -> None:
    print(tr(text, args.lang, **kw))


def _refused(args: argparse.Namespace, exc: PackSignatureError) -> int:
    print(
        tr(
            L(zh="preflight: 已拒绝：{msg}", en="preflight: REFUSED: {msg}"),
            args.lang,
            msg=exc.text(args.lang),
        ),
        file=sys.stderr,
    )
    return 1


def run_keygen(args: argparse.Namespace) -> int:
    private, public, kid = signing.generate_keypair(args.out)
    _say(
        args,
        L(
            zh="已生成密钥 {kid}\n  私钥（妥善保管，勿外传）：{priv}\n  公钥（发给创作者）：{pub}",
            en="Generated key {kid}\n  private key (keep it secret): {priv}\n  public key (give to creators): {pub}",
        ),
        kid=kid,
        priv=private,
        pub=public,
    )
    return 0


def run_sign(args: argparse.Namespace) -> int:
    key = signing.load_private_key(args.key)
    sig = signing.sign_pack(args.dir, key)
    _say(
        args,
        L(zh="已签名：{sig}（密钥 {kid}）", en="Signed: {sig} (key {kid})"),
        sig=sig,
        kid=signing.key_id(key.public_key()),
    )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    pack = signing.read_pack(args.pack)
    keys = [trust.key_from_file(args.key)] if args.key else None
    try:
        v = trust.verify_pack(pack, keys)
    except PackSignatureError as exc:
        return _refused(args, exc)
    _say(
        args,
        L(
            zh="签名有效：{id} {version}（发布者 {pub}，密钥 {kid} {name}）",
            en="Signature OK: {id} {version} (publisher {pub}, key {kid} {name})",
        ),
        id=v.pack_id,
        version=v.version,
        pub=v.publisher,
        kid=v.key_id,
        name=v.signer,
    )
    return 0


def _info(pack: signing.PackFiles, lang: str = "zh") -> dict[str, object]:
    manifest = pack.manifest
    try:
        sig = signing.read_signature(pack)
    except PackSignatureError as exc:
        sig, damaged = None, str(exc)
    else:
        damaged = None
    try:
        trust.verify_pack(pack)
        status = "verified"
        status_text = tr(L(zh="签名有效", en="signature OK"), lang)
    except PackSignatureError as exc:
        status = f"{exc.reason}: {exc}"
        status_text = exc.text(lang)
    desc = manifest.get("description", "")
    return {
        "id": pack.pack_id,
        "version": pack.version,
        "publisher": manifest.get("publisher", ""),
        "description": desc,
        "expires": str(manifest.get("expires", "") or "") or None,
        "min_app_version": manifest.get("min_app_version"),
        "files": sorted(p for p in pack.files if p != signing.SIG_NAME),
        "signed": sig is not None,
        "key_id": sig.key_id if sig else None,
        "signed_at": sig.signed_at if sig else None,
        "signature_error": damaged,
        "status": status,
        "status_text": status_text,
    }


def _width(s: str) -> int:
    """Terminal columns: CJK characters take two, so labels line up in a Chinese UI."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in s)


def run_info(args: argparse.Namespace) -> int:
    info = _info(signing.read_pack(args.pack), args.lang)
    if args.format == "json":
        print(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return 0
    desc = info["description"]
    if isinstance(desc, dict):
        desc = desc.get(args.lang) or desc.get("zh") or ""
    rows = [
        (L(zh="编号", en="id"), info["id"]),
        (L(zh="版本", en="version"), info["version"]),
        (L(zh="发布者", en="publisher"), info["publisher"]),
        (L(zh="说明", en="description"), desc),
        (L(zh="有效期至", en="expires"), info["expires"] or "—"),
        (L(zh="最低应用版本", en="min app version"), info["min_app_version"] or "—"),
        (L(zh="文件数", en="files"), len(info["files"])),  # type: ignore[arg-type]
        (L(zh="签名密钥", en="signing key"), info["key_id"] or tr(L(zh="未签名", en="unsigned"), args.lang)),
        (L(zh="签名时间", en="signed at"), info["signed_at"] or "—"),
        (L(zh="校验", en="verification"), info["status_text"]),
    ]
    labels = [tr(label, args.lang) for label, _ in rows]
    width = max(_width(s) for s in labels) + 2
    for label, (_, value) in zip(labels, rows, strict=True):
        print(f"{label}{' ' * (width - _width(label))}{value}")
    return 0


def run_trust(args: argparse.Namespace) -> int:
    key = trust.add_key(args.pubfile, args.name)
    _say(
        args,
        L(zh="已信任密钥 {kid}（{name}）", en="Trusted key {kid} ({name})"),
        kid=key.key_id,
        name=key.name,
    )
    return 0


def run_untrust(args: argparse.Namespace) -> int:
    key = trust.remove_key(args.key)
    _say(
        args,
        L(zh="已取消信任密钥 {kid}（{name}）", en="No longer trusting key {kid} ({name})"),
        kid=key.key_id,
        name=key.name,
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    packs, keys, urls = store.list_installed(), trust.trusted_keys(), subscription.subscription_urls()
    if args.format == "json":
        data = {
            "packs": [p.__dict__ for p in packs],
            "trusted_keys": [
                {"key_id": k.key_id, "name": k.name, "source": k.source, "path": k.path} for k in keys
            ],
            "subscriptions": urls,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    lang = args.lang
    print(tr(L(zh="已安装的规则包", en="Installed packs"), lang))
    if packs:
        head = [
            tr(h, lang)
            for h in (
                L(zh="编号", en="id"),
                L(zh="版本", en="version"),
                L(zh="发布者", en="publisher"),
                L(zh="密钥", en="key"),
                L(zh="状态", en="status"),
                L(zh="更新于", en="updated"),
                L(zh="来源", en="source"),
            )
        ]
        rows = [
            [
                p.id,
                p.version,
                p.publisher,
                p.key_id or "—",
                tr(L(zh="生效", en="in force") if p.trusted else L(zh="未生效", en="NOT in force"), lang),
                p.last_update,
                p.source,
            ]
            for p in packs
        ]
        print("\n".join("  " + line for line in text_table([head, *rows])))
        for p in packs:
            if p.problem:
                print(f"  ✗ {p.id}: {p.problem}")
    if not packs:
        print("  " + tr(L(zh="（无）", en="(none)"), lang))
    print(tr(L(zh="信任的发布者密钥", en="Trusted publisher keys"), lang))
    for k in keys:
        src = (
            tr(L(zh="安装包预置", en="preconfigured"), lang)
            if k.source == "bundled"
            else tr(L(zh="用户添加", en="added by you"), lang)
        )
        print(f"  {k.key_id}  {k.name}  ({src})")
    if not keys:
        print("  " + tr(L(zh="（无）", en="(none)"), lang))
    print(tr(L(zh="订阅", en="Subscriptions"), lang))
    for u in urls:
        print(f"  {u}")
    if not urls:
        print("  " + tr(L(zh="（无）", en="(none)"), lang))
    return 0


def run_install(args: argparse.Namespace) -> int:
    try:
        p = store.install(args.pack, allow_older=args.force)
    except PackSignatureError as exc:
        return _refused(args, exc)
    _say(
        args,
        L(zh="已安装 {id} {version}（{pub}）", en="Installed {id} {version} ({pub})"),
        id=p.id,
        version=p.version,
        pub=p.publisher,
    )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    p = store.remove(args.id)
    _say(args, L(zh="已移除 {id} {version}", en="Removed {id} {version}"), id=p.id, version=p.version)
    return 0


def run_subscribe(args: argparse.Namespace) -> int:
    subscription.subscribe(args.url)
    _say(
        args,
        L(
            zh="已订阅 {url}；运行 preflight pack update 获取",
            en="Subscribed to {url}; run 'preflight pack update' to fetch",
        ),
        url=args.url,
    )
    return 0


def run_unsubscribe(args: argparse.Namespace) -> int:
    subscription.unsubscribe(args.url)
    _say(args, L(zh="已取消订阅 {url}", en="Unsubscribed from {url}"), url=args.url)
    return 0


def run_update(args: argparse.Namespace) -> int:
    results = subscription.update()
    if not results:
        _say(
            args,
            L(
                zh="没有订阅；用 preflight pack subscribe URL 添加",
                en="No subscriptions; add one with 'preflight pack subscribe URL'",
            ),
        )
        return 0
    marks = {"installed": "✓", "unchanged": "=", "failed": "✗"}
    for r in results:
        print(f"{marks[r.status]} {r.url}: {r.message}")
    return 1 if any(r.status == "failed" for r in results) else 0

"""The pack problems a creator can meet, worded once in Chinese and English.

Every `PackError` raised while reading, verifying, installing or removing a pack names a `kind`
from this table (signature problems live beside their checks in trust.py/signing.py; a bad value
in a pack file is kind "invalid", worded by `validate.Where.error`). A front end
renders `exc.text(lang, cli=False)`: the message in the UI language without command-line advice.
English wording is kept identical to what the CLI printed before, so logs and scripts stay stable.
"""

from __future__ import annotations

from checks.i18n import L
from checks.packs.model import PackError

MESSAGES: dict[str, L] = {
    "not_a_pack": L(zh="{where}：不是规则包（缺少 pack.toml）", en="{where}: not a rule pack (no pack.toml)"),
    "not_a_pack_zip": L(
        zh="{where}：不是规则包（zip 中没有 pack.toml）", en="{where}: not a rule pack (no pack.toml in the zip)"
    ),
    "invalid_toml": L(zh="{where}：TOML 格式有误：{detail}", en="{where}: invalid TOML: {detail}"),
    "too_large": L(zh="{where}：文件过大，不是规则包（超过 {limit}）", en="{where}: too large for a rule pack (>{limit})"),
    "unreadable": L(zh="{where}：无法读取：{detail}", en="{where}: cannot read: {detail}"),
    "not_pack_file": L(
        zh="{where}：不是规则包文件夹或 zip 文件", en="{where}: not a rule pack folder or zip file"
    ),
    "bad_zip": L(
        zh="{where}：不是规则包文件夹，也不是有效的 zip 文件（{detail}）",
        en="{where}: not a rule pack folder or a valid zip ({detail})",
    ),
    "missing": L(zh="{where}：找不到这个规则包", en="{where}: no such rule pack"),
    "symlink": L(
        zh="{where}：“{file}”是符号链接；规则包只能包含普通文件",
        en="{where}: '{file}' is a symbolic link; a rule pack holds plain files only",
    ),
    "special_file": L(
        zh="{where}：“{file}”不是普通文件；规则包只能包含普通文件",
        en="{where}: '{file}' is not a regular file; a rule pack holds plain files only",
    ),
    "unsafe_path": L(zh="{where}：zip 中有不安全的路径：{file}", en="{where}: unsafe path in zip: {file}"),
    "duplicate_file": L(
        zh="{where}：zip 中“{file}”出现了两次；拒绝含义不明的规则包",
        en="{where}: the zip holds '{file}' twice; refusing an ambiguous rule pack",
    ),
    "stray_file": L(
        zh="{where}：“{file}”不在规则包文件夹“{folder}”内；一个规则包 zip 只能包含一个规则包",
        en="{where}: '{file}' lies outside the pack folder '{folder}'; a rule pack zip holds one pack and nothing else",
    ),
    "damaged_zip": L(zh="{where}：zip 文件已损坏：{detail}", en="{where}: damaged zip: {detail}"),
    "reserved_id": L(
        zh="{where}：编号“core”属于内置规则包；请给规则包另起一个编号",
        en="{where}: the id 'core' belongs to the built-in pack; give the pack its own id",
    ),
    "bad_id": L(
        zh="{where}：规则包编号 {id} 只能包含字母、数字、“.”“_”或“-”",
        en="{where}: pack id {id} must be letters, digits, '.', '_' or '-'",
    ),
    "not_installed": L(zh="没有已安装的规则包“{id}”", en="no installed pack '{id}'"),
    "builtin": L(
        zh="内置规则包“core”是应用自带的，不能移除",
        en="the built-in pack 'core' is part of the app and cannot be removed",
    ),
    "not_public_key": L(zh="{where}：不是 Ed25519 公钥文件（PEM）", en="{where}: not a PEM public key"),
    "not_ed25519": L(zh="{where}：不是 Ed25519 公钥", en="{where}: not an Ed25519 public key"),
    "key_unreadable": L(zh="无法读取公钥 {where}：{detail}", en="cannot read public key {where}: {detail}"),
}

HINTS: dict[str, L] = {
    "not_installed": L(zh="（见 preflight pack list）", en=" (see 'preflight pack list')"),
}


def pack_error(kind: str, **params: object) -> PackError:
    """A typed `PackError` of `kind` (a key of MESSAGES) with its parameters."""
    return PackError(MESSAGES[kind], kind, hint=HINTS.get(kind), **params)

"""The parts of a single-draft report page a reader needs besides the findings: the post as it will
be published, the account it was checked with, and what to tick on the chosen platform.

Everything is rendered from plain dicts (see `checks.report.html.render_html` for the keys), every
value escaped, in the report's language, with human names: 抖音 not "douyin", 账号名称 not
"account/name", local times with their offset. Tables carry explicit column widths as attributes
because the PDF export (Qt's rich-text engine) honours those and not CSS widths.
"""

from __future__ import annotations

from html import escape
from typing import Any

from checks.i18n import L, tr
from checks.platforms import declaration_menu, platform_name
from checks.report.plain import local_time, place_name

POST = L(zh="稿件内容", en="The post")
ACCOUNT = L(zh="检查所用的账号", en="Account checked")
CHECKLIST = L(zh="发布时勾选：{platform}", en="What to tick on {platform}")
WHERE = L(zh="在「{menu}」中勾选。", en="Tick these in '{menu}'.")
GROUPS = {
    "must": L(zh="必须勾选", en="Must tick"),
    "recommended": L(zh="建议勾选", en="Recommended"),
    "not_relevant": L(zh="与本帖无关", en="Not relevant to this post"),
}
TICKED = L(zh="已勾选", en="ticked")
NOT_TICKED = L(zh="未勾选", en="not ticked")
FIELDS = {
    "title": L(zh="标题", en="Title"),
    "text": L(zh="正文", en="Text"),
    "platform": L(zh="发布平台", en="Platform"),
    "declared": L(zh="已选择的声明", en="Declarations chosen"),
    "publish_at": L(zh="计划发布时间", en="Scheduled for"),
    "media": L(zh="配图与视频", en="Pictures and videos"),
    "name": L(zh="账号名称", en="Account name"),
    "bio": L(zh="账号简介", en="Bio"),
    "mcn": L(zh="MCN机构", en="MCN agency"),
    "credentials": L(zh="专业资质", en="Professional credentials"),
}
MEDIA_HEAD = (
    L(zh="#", en="#"),
    L(zh="文件", en="File"),
    L(zh="来源判断", en="What it is"),
    L(zh="拍摄时间", en="Taken"),
    L(zh="拍摄地点", en="Place"),
    L(zh="设备", en="Device"),
)
NONE = L(zh="无", en="none")
SHOWN = L(zh="主页已展示", en="shown on the homepage")
HIDDEN = L(zh="主页未展示", en="not shown on the homepage")
VERIFIED = L(zh="已认证", en="verified")
UNVERIFIED = L(zh="未认证", en="not verified")
EXPIRES = L(zh="有效期至 {d}", en="valid until {d}")
CREDENTIAL_FIELDS = {
    "finance": L(zh="金融", en="Finance"),
    "education": L(zh="教育", en="Education"),
    "health": L(zh="医疗卫生", en="Health"),
    "justice": L(zh="司法", en="Justice"),
}


def e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _rows(pairs: list[tuple[L, str]], lang: str) -> str:
    """A two-column facts table: the name column narrow, the value column takes the width."""
    body = "".join(
        f'<tr><th width="22%">{e(tr(name, lang))}</th><td width="78%">{value}</td></tr>'
        for name, value in pairs
    )
    return f'<table class="facts" width="100%" cellspacing="0" cellpadding="4">{body}</table>'


def _multiline(text: str) -> str:
    return e(text).replace("\n", "<br>")


def declaration_names(ids: list[str], platform: str, lang: str) -> str:
    from checks.fixes.declarations import NAMES
    from checks.platforms import wording

    names = [
        f"「{wording(platform, d)}」" if wording(platform, d) else tr(NAMES.get(d, L(zh=d, en=d)), lang)
        for d in ids
    ]
    return "、".join(names) if lang == "zh" else ", ".join(names)


def media_table(media: list[dict[str, Any]], thumbs: list[Any], lang: str) -> str:
    if not media:
        return ""
    heads = "".join(
        f'<th width="{w}">{e(tr(h, lang))}</th>'
        for h, w in zip(MEDIA_HEAD, ("4%", "26%", "16%", "20%", "20%", "14%"), strict=True)
    )
    rows = []
    for i, m in enumerate(media):
        uri = thumbs[i] if i < len(thumbs) else None
        name = str(m.get("path") or "").replace("\\", "/").rsplit("/", 1)[-1]
        img = (
            f'<br><img src="{e(uri)}" alt="{e(name)}" height="72">'
            if uri and str(uri).startswith("data:image/png;base64,")
            else ""
        )
        what = tr(f"provenance.{m.get('provenance')}", lang) if m.get("provenance") else ""
        if m.get("error"):
            what = tr(L(zh="无法读取", en="unreadable"), lang)
        place = place_name(m.get("gps"), m.get("place"), lang)
        rows.append(
            f'<tr><td class="n">{i + 1}</td><td>{e(name)}{img}</td><td>{e(what)}</td>'
            f"<td>{e(local_time(m.get('capture_time'), lang))}</td><td>{e(place)}</td>"
            f"<td>{e(m.get('device') or '')}</td></tr>"
        )
    return (
        f'<table class="media" width="100%" cellspacing="0" cellpadding="4"><thead><tr>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def post_section(report: dict[str, Any], lang: str) -> str:
    """Title, body, declarations, schedule and media as the creator will publish them."""
    post = report.get("post")
    if not post:
        return ""
    platform = str(report.get("platform") or "generic")
    pairs: list[tuple[L, str]] = [
        (FIELDS["platform"], e(human_platform(platform, lang))),
        (FIELDS["title"], e(post.get("title") or "")),
        (FIELDS["text"], f'<div class="body">{_multiline(post.get("text") or "")}</div>'),
        (
            FIELDS["declared"],
            e(declaration_names(list(post.get("declarations") or []), platform, lang) or tr(NONE, lang)),
        ),
    ]
    if post.get("publish_at"):
        pairs.append((FIELDS["publish_at"], e(local_time(post["publish_at"], lang))))
    media = media_table(list(report.get("media") or []), list(report.get("thumbnails") or []), lang)
    return f"<h2>{e(tr(POST, lang))}</h2>{_rows(pairs, lang)}{media}"


def account_section(account: dict[str, Any], lang: str) -> str:
    if not account:
        return ""
    mcn = account.get("mcn")
    mcn_text = (
        f"{e(mcn)}（{e(tr(SHOWN if account.get('mcn_displayed') else HIDDEN, lang))}）"
        if mcn
        else e(tr(NONE, lang))
    )
    creds = []
    for c in account.get("credentials") or []:
        bits = [tr(CREDENTIAL_FIELDS.get(str(c.get("field")), L(zh="—", en="—")), lang)]
        if c.get("title"):
            bits.append(str(c["title"]))
        bits.append(tr(VERIFIED if c.get("verified") else UNVERIFIED, lang))
        if c.get("expires"):
            bits.append(tr(EXPIRES, lang, d=c["expires"]))
        creds.append(" · ".join(bits))
    pairs: list[tuple[L, str]] = [
        (FIELDS["name"], e(account.get("name") or "—")),
        (FIELDS["bio"], e(account.get("bio") or "—")),
        (FIELDS["mcn"], mcn_text),
        (FIELDS["credentials"], "<br>".join(e(c) for c in creds) or e(tr(NONE, lang))),
    ]
    return f"<h2>{e(tr(ACCOUNT, lang))}</h2>{_rows(pairs, lang)}"


def human_platform(platform: str, lang: str) -> str:
    if platform == "generic":
        return tr(L(zh="通用（未选择平台）", en="Generic (no platform chosen)"), lang)
    return platform_name(platform, lang)


def checklist_section(report: dict[str, Any], lang: str) -> str:
    """The three groups the desktop app shows, every entry with its reason and whether it is ticked."""
    entries = report.get("checklist")
    if entries is None:
        return ""
    platform = str(report.get("platform") or "generic")
    title = tr(CHECKLIST, lang, platform=human_platform(platform, lang))
    menu = declaration_menu(platform, lang)
    parts = [f"<h2>{e(title)}</h2>"]
    if menu:
        parts.append(f'<p class="meta">{e(tr(WHERE, lang, menu=menu))}</p>')
    for group in ("must", "recommended", "not_relevant"):
        members = [x for x in entries if x.get("group") == group]
        if not members:
            continue
        heading = f'<h3 class="group-{e(group)}">{e(tr(GROUPS[group], lang))} ({len(members)})</h3>'
        if group == "not_relevant":  # nothing to do: one line, not a row each
            sep = "、" if lang == "zh" else ", "
            names = sep.join(
                f"「{x.get('label')}」" if x.get("has_toggle") else str(x.get("label")) for x in members
            )
            parts.append(f'{heading}<p class="meta" data-group="not_relevant">{e(names)}</p>')
            continue
        rows = []
        for x in members:
            box = "☑" if x.get("declared") else "☐"
            state = tr(TICKED if x.get("declared") else NOT_TICKED, lang)
            label = f"「{x.get('label')}」" if x.get("has_toggle") else str(x.get("label"))
            rows.append(
                f'<tr data-declaration="{e(x.get("declaration"))}"><td width="6%" class="box">{box}</td>'
                f'<td width="38%"><b>{e(label)}</b><div class="clause">{e(state)}</div></td>'
                f'<td width="56%">{e(x.get("reason") or "")}</td></tr>'
            )
        parts.append(
            f'{heading}<table class="ticks" width="100%" cellspacing="0" cellpadding="4"><tbody>{"".join(rows)}</tbody></table>'
        )
    if len(parts) == 1 + bool(menu):
        parts.append(
            f"<p>{e(tr(L(zh='此平台没有声明开关。', en='This platform has no declaration toggles.'), lang))}</p>"
        )
    return "".join(parts)


__all__ = ["account_section", "checklist_section", "human_platform", "post_section"]

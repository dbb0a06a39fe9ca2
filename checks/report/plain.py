"""Findings, places and times in the words a creator uses, for the desktop app and the reports.

A report an agency files is read by people who never saw our rule ids, field paths ("account",
"media:1"), raw platform ids ("douyin") or UTC stamps. These helpers turn each of those into what
the window shows, so the window and the HTML/PDF exports say the same thing in the same words.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import PurePath

from checks.i18n import L, tr

TARGETS = {
    "title": L(zh="标题", en="Title"),
    "text": L(zh="正文", en="Text"),
    "account": L(zh="账号信息", en="Account details"),
    "draft": L(zh="整篇", en="Whole post"),
}
MEDIA_N = L(zh="第 {n} 个媒体", en="Media {n}")
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\\/\s'\"“”‘’()（）,，。]+)+[\\/]([^\\/\s'\"“”‘’()（）,，。]+)")


def headline(message: str, evidence: str | None = None) -> str:
    """The message in plain words: evidence quoted inside it is left to the details, and full
    paths become file names (the creator knows their files by name, not by folder)."""
    text = message
    if evidence and len(evidence) > 12:
        for wrapped in (f"（{evidence}）", f"({evidence})", f" ({evidence})", evidence):
            if wrapped in text:
                text = text.replace(wrapped, "")
                break
    return _PATH.sub(lambda m: m.group(1), text).strip()


def target_name(target: str, lang: str = "zh", media: tuple[str, ...] | list[str] = ()) -> str:
    """Where a finding is, as a name: 标题, 正文, 第 2 个媒体（ai.png）… never "media:1"."""
    if target.startswith("media:"):
        try:
            i = int(target.split(":", 1)[1])
        except ValueError:
            return target
        where = tr(MEDIA_N, lang, n=i + 1)
        if 0 <= i < len(media):
            name = PurePath(str(media[i])).name
            where += f"（{name}）" if lang == "zh" else f" ({name})"
        return where
    return tr(TARGETS[target], lang) if target in TARGETS else target


UNKNOWN_ZONE = L(zh="（文件未记录时区）", en=" (the file records no time zone)")


def local_time(value: datetime | str | None, lang: str = "zh") -> str:
    """A time on this machine's clock with its offset ("2026-11-21 15:42 UTC+08:00"); a time the
    file stored without an offset is shown as written and said to have none (it is not guessed)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            when = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        when = value
    if when.tzinfo is None:
        return when.strftime("%Y-%m-%d %H:%M") + tr(UNKNOWN_ZONE, lang)
    here = when.astimezone()
    offset = here.strftime("%z")
    return here.strftime("%Y-%m-%d %H:%M") + f" UTC{offset[:3]}:{offset[3:]}"


def place_name(gps: tuple[float, float] | list[float] | None, place: str | None, lang: str = "zh") -> str:
    """The place a photo was taken, named by the gazetteer in the UI language when it knows it."""
    if gps and len(gps) >= 2:
        try:
            from checks.geo.gazetteer import place_for

            named = place_for(float(gps[0]), float(gps[1]), lang)
        except Exception:  # a place name is context: never let it stop a report
            named = None
        if named:
            return named
    return place or ""


__all__ = ["headline", "local_time", "place_name", "target_name"]

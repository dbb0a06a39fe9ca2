"""`preflight media FILE…`: the facts Preflight reads from media files.

JSON is the report's `media` objects (each with `error`, null when the file was read); text is a
per-file summary in the UI language, with every provenance marker and where it was found.
"""

from __future__ import annotations

import argparse
import sys

from app.commands import add_ocr_flag, apply_ocr_flag
from checks.geo.gazetteer import media_place
from checks.i18n import L, tr
from checks.media import read_media
from checks.model import MediaFacts
from checks.report.json_report import dumps
from checks.terminal import printable

LABELS = {
    "kind": L(zh="类型", en="kind"),
    "provenance": L(zh="来源判断", en="provenance"),
    "size": L(zh="尺寸", en="size"),
    "captured": L(zh="拍摄时间", en="captured"),
    "gps": L(zh="GPS", en="gps"),
    "place": L(zh="地点", en="place"),
    "device": L(zh="设备", en="device"),
    "software": L(zh="软件", en="software"),
    "duration": L(zh="时长", en="duration"),
    "aigc": L(zh="AI隐式标识", en="AIGC label"),
    "visible": L(zh="显式标识", en="visible label"),
    "c2pa": L(zh="内容凭证", en="C2PA"),
    "evidence": L(zh="证据", en="evidence"),
    "error": L(zh="问题", en="error"),
    "text": L(zh="画面文字", en="text shown"),
}
KINDS = {"photo": L(zh="图片", en="photo"), "video": L(zh="视频", en="video")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("media", help="print the facts read from media files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument("--jobs", type=int, default=None, help="parallel readers (default: up to 4)")
    p.add_argument("--no-cache", action="store_true", help="read every file again, ignoring cached facts")
    add_ocr_flag(p)
    p.set_defaults(run=run)


def rows(f: MediaFacts, lang: str) -> list[tuple[str, str | None]]:
    c2pa = None
    if f.c2pa and f.c2pa.present:
        c2pa = " ".join(
            x
            for x in (
                f.c2pa.validation_state,
                " ".join(f.c2pa.codes),
                f.c2pa.claim_generator and f"({f.c2pa.claim_generator})",
            )
            if x
        )
    label = f.aigc_label
    return [
        (
            "kind",
            f"{tr(KINDS.get(f.kind, L(zh=f.kind, en=f.kind)), lang)} ({f.format})" if f.format else f.kind,
        ),
        ("provenance", tr(f"provenance.{f.provenance}", lang)),
        ("size", f"{f.width}×{f.height}" if f.width else None),
        ("captured", f"{f.capture_time.isoformat()}  [{f.capture_time_source}]" if f.capture_time else None),
        ("gps", f"{f.gps.lat:.6f}, {f.gps.lon:.6f}" if f.gps else None),
        ("place", media_place(f, lang)),
        ("device", f.device),
        ("software", f.software),
        ("duration", f"{f.duration:.1f} s" if f.duration else None),
        (
            "aigc",
            f"Label={label.label} {label.content_producer} @ {label.where}{' (malformed)' if label.malformed else ''}"
            if label
            else None,
        ),
        ("visible", "AI生成" if f.visible_ai_label else None),
        ("c2pa", c2pa),
    ]


def run(args: argparse.Namespace) -> int:
    apply_ocr_flag(args)
    facts = read_media(args.files, jobs=args.jobs, use_cache=not args.no_cache)
    if args.format == "json":
        sys.stdout.write(dumps([f.to_json() for f in facts]) + "\n")
        return 0
    lang = args.lang
    width = 12
    out: list[str] = []
    for f in facts:
        out.append(f.path)
        if f.error:
            out.append(f"  {tr(LABELS['error'], lang):{width}} {f.error}")
        for key, value in rows(f, lang):
            if value and not (f.error and key in ("provenance",) and not f.evidence):
                out.append(f"  {tr(LABELS[key], lang):{width}} {value}")
        for e in f.evidence:
            line = f"{tr(f'provenance.{e.points_to}', lang)}: {e.where} {e.detail}".rstrip()
            out.append(f"  {tr(LABELS['evidence'], lang):{width}} {line}")
        for t in f.text:
            when = f" @{t.frame_s:g}s" if t.frame_s is not None else ""
            where = "subtitle" if t.source == "subtitle" else "[{},{},{},{}]".format(*t.box)
            out.append(f"  {tr(LABELS['text'], lang):{width}} {t.text}  {where}{when}")
    # names and metadata come from the files: escape codes in them must not reach the terminal
    sys.stdout.write("".join(printable(line) + "\n" for line in out))
    return 0

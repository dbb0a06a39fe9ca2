"""Throughput of `preflight audit`: generate N drafts with 3 EXIF photos each, audit them, print drafts/minute.

    python bench/bench_audit.py --drafts 1000 [--jobs 2] [--report json|csv|html|none] [--keep DIR]

Photos are small JPEGs written by Pillow with real EXIF (camera, capture time, GPS), a mix of
self-shot news posts, ordinary lifestyle posts and AI-labelled ones, so the engine does the same
work as on real drafts. The target on a 2-core machine is ≥ 1,000 drafts per minute.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

TEXTS = [
    ("今天下午路过西湖，断桥边排起了几百米的长队", "今天下午在断桥边看到的，现场人很多。"),
    ("周末探店：一家安静的咖啡馆", "豆子是云南的，环境很好，适合看书。"),
    ("震惊！这个小区突然停水", "刚刚小区突然停水，物业说明天才能恢复，大家注意储水。"),
    ("AI画的江南水乡", "用AI画了一组江南水乡的图，大家觉得怎么样？"),
    ("新政解读：个税专项附加扣除", "国家税务总局发布了新的扣除标准，我来说说怎么填。"),
]


def jpeg_with_exif(path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    img = Image.new("RGB", (320, 240), (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = f"2026:11:{1 + seed % 20:02d} 14:{seed % 60:02d}:05"
    ifd[0x9011] = "+08:00"
    if seed % 3 == 0:
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = "N", (30.0, 15.0, 0.0)
        gps[3], gps[4] = "E", (120.0, 10.0, 0.0)
    img.save(path, "JPEG", exif=exif, quality=80)


def make_drafts(folder: Path, count: int, photos: int = 3) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "accounts").mkdir(exist_ok=True)
    for a in range(10):
        (folder / "accounts" / f"acc{a}.toml").write_text(
            f'[account]\nname = "创作者{a}"\nbio = "分享生活"\nmcn = "星河文化传媒"\nmcn_displayed = {"true" if a % 2 else "false"}\n',
            encoding="utf-8",
        )
    for i in range(count):
        sub = folder / f"batch{i // 100:02d}"
        media = sub / "media"
        media.mkdir(parents=True, exist_ok=True)
        names = []
        for k in range(photos):
            name = f"d{i:05d}_{k}.jpg"
            jpeg_with_exif(media / name, i * photos + k)
            names.append(f"media/{name}")
        title, text = TEXTS[i % len(TEXTS)]
        decl = '["ai_generated"]' if i % len(TEXTS) == 3 else "[]"
        media_list = ", ".join(f'"{n}"' for n in names)
        (sub / f"draft{i:05d}.toml").write_text(
            f'platform = "douyin"\ntitle = "{title}"\ntext = """{text}"""\ndeclarations = {decl}\n'
            f'media = [{media_list}]\npublish_at = 2026-11-21T20:00:00+08:00\naccount = "../accounts/acc{i % 10}.toml"\n',
            encoding="utf-8",
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=1000)
    ap.add_argument("--photos", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--report", choices=("none", "json", "csv", "html"), default="none")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    args = ap.parse_args()

    from checks.audit import run_audit

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp) / "drafts"
        t0 = time.monotonic()
        make_drafts(folder, args.drafts, args.photos)
        t1 = time.monotonic()
        audit = run_audit(folder, jobs=args.jobs or None, thumbnails=args.report == "html")
        if args.report == "json":
            import json

            json.dumps(audit.to_dict(), ensure_ascii=False, default=str)
        elif args.report == "csv":
            audit.to_csv()
        elif args.report == "html":
            audit.to_html()
        t2 = time.monotonic()
    s = audit.summary()
    rate = len(audit.rows) / (t2 - t1) * 60
    print(f"generated {args.drafts} drafts × {args.photos} photos in {t1 - t0:.1f} s")
    print(
        f"audited {s['drafts']} drafts in {t2 - t1:.1f} s (report: {args.report}): {rate:,.0f} drafts/minute "
        f"[ready {s['ready']}, review {s['review']}, fix_required {s['fix_required']}, errors {s['errors']}]"
    )
    return 0 if s["drafts"] == args.drafts and s["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

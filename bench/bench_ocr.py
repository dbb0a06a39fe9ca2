"""Benchmark and recognition check for reading text in media (checks.media.ocr).

Usage: python bench/bench_ocr.py [--part draft|audit|accuracy|all] [--drafts N]

- draft: a draft of 9 photos (1080–4032 px, text cards and corner marks) + 1 video (8 s, 720×1280)
  read cold (fresh process state: OCR engine not started, empty cache) and warm (memory cache),
  plus a cold read with the engine already started; wall and CPU time (the machine is shared:
  CPU time says what the code costs, wall time what the neighbours left). Targets: cold ≤ 3 s on
  2 cores, warm ≤ 50 ms.
- audit: `preflight audit` drafts/minute with OCR and with `--no-ocr` on the same generated drafts
  (3 photos of 1080×1440 each, every photo carrying a line of text).
- accuracy: character accuracy of OCR over rendered lines — every CJK font found on the machine plus
  the tests' font, glyph heights 14–64 px, light/dark/coloured/noisy backgrounds, slight blur and
  JPEG quality 60–90. Target ≥ 97 % for lines ≥ 20 px high.
The cache goes to a temporary PREFLIGHT_HOME, never the user's.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ["PREFLIGHT_HOME"] = tempfile.mkdtemp(prefix="preflight-bench-ocr-")
os.environ["PREFLIGHT_OCR"] = "1"

from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402

CARD_FONT = ROOT / "tests" / "fonts" / "CardText-Bold.otf"
SYSTEM_FONTS = (
    ("Noto Sans CJK SC Bold", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ("Noto Sans CJK SC Regular", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("Noto Serif CJK SC Regular", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("WenQuanYi Micro Hei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("WenQuanYi Zen Hei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("AR PL UMing", "/usr/share/fonts/truetype/arphic/uming.ttc", 0),
)
LINES = [
    "突发：某市化工厂今晚发生爆炸事故",
    "来源：新华社记者报道",
    "防失联，关注小号",
    "震惊！速看，全网疯传",
    "今天天气很好我们去公园散步吧",
    "内容由AI生成",
    "医生建议：这个偏方根治疾病",
    "暴雨救援直播带货，求助点赞转发",
    "留守老人孩子可怜帮帮忙",
    "纯属虚构，剧情演绎",
    "投资理财股票基金推荐买入",
    "2026年11月21日 星期六",
]


# Running text to cut random windows from: news, policy, sales, daily life, numbers and Latin.
PROSE = (
    "据中央气象台消息，受冷空气影响，今天夜间到明天白天，华北黄淮等地将有大风降温天气，最低气温下降八到十度。"
    "国家统计局今日发布数据显示，十月份全国居民消费价格同比上涨百分之零点三，其中食品价格下降百分之二点九。"
    "本店新品上市，全场满三百减五十，点击左下角小黄车下单，前一百名送精美礼品一份，库存有限先到先得。"
    "周末带孩子去郊外露营，天气晴朗，湖边的芦苇在风里摇晃，晚上还看到了很多星星，推荐大家有空也去看看。"
    "市交通运输局提醒：自12月1日起，地铁3号线延长运营时间至23:30，请广大乘客合理安排出行。"
    "Source: Xinhua News Agency, Beijing, 21 Nov 2026. Made with AI, for reference only."
)


def cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def font(size: int, file: Path | str = CARD_FONT, index: int = 0) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(file), size, index=index)


def photo(size: tuple[int, int], seed: int, lines: list[str], mark: bool = True) -> Image.Image:
    """A photo-like picture (gradient + noise) with text lines and an 'AI生成' corner mark."""
    rnd = random.Random(seed)
    w, h = size
    base = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    tint = Image.new("RGB", (w, h), (rnd.randrange(60, 200), rnd.randrange(60, 200), rnd.randrange(60, 200)))
    image = Image.blend(base, tint, 0.6)
    noise = Image.effect_noise((w // 4, h // 4), 24).resize((w, h)).convert("RGB")
    image = Image.blend(image, noise, 0.15)
    draw = ImageDraw.Draw(image)
    px = max(24, min(w, h) // 16)
    for k, text in enumerate(lines):
        draw.text(
            (w // 14, h // 8 + k * px * 2),
            text,
            font=font(px),
            fill="white",
            stroke_width=2,
            stroke_fill="black",
        )
    if mark:
        size_px = max(20, int(min(w, h) * 0.055))
        draw.text(
            (w - size_px * 4, h - size_px * 2),
            "AI生成",
            font=font(size_px),
            fill="white",
            stroke_width=2,
            stroke_fill="black",
        )
    return image


def make_draft(folder: Path) -> Path:
    from ocr_support import video

    sizes = [(1080, 1440), (1242, 1660), (1440, 1920), (2000, 1500), (3000, 4000), (4032, 3024), (1080, 1080),
             (1920, 1080), (3024, 4032)]  # fmt: skip
    names = []
    for i, size in enumerate(sizes):
        name = f"p{i}.jpg"
        photo(size, i, LINES[i % len(LINES) : i % len(LINES) + 2]).save(folder / name, quality=88)
        names.append(name)
    plain = photo((720, 1280), 99, [])
    marked = plain.copy()
    ImageDraw.Draw(marked).text(
        (30, 120), "即梦AI", font=font(48), fill="white", stroke_width=2, stroke_fill="black"
    )
    video(folder / "v.mp4", [marked] * 75 + [plain] * 125, fps=25)
    names.append("v.mp4")
    draft = folder / "draft.toml"
    media = ", ".join(f'"{n}"' for n in names)
    draft.write_text(
        f'platform = "douyin"\ntitle = "分享"\ntext = "九张图"\nmedia = [{media}]\n', encoding="utf-8"
    )
    return draft


def bench_draft() -> None:
    from checks.draft import load_draft

    with tempfile.TemporaryDirectory() as tmp:
        draft_path = make_draft(Path(tmp))
        draft = load_draft(draft_path)
        c0, t0 = cpu(), time.perf_counter()
        from checks.engine import read_draft_media  # imports included: what a fresh CLI pays

        facts = read_draft_media(draft)
        t1, c1 = time.perf_counter(), cpu()
        lines = sum(len(f.text) for f in facts)
        print(
            f"draft 9 photos + 1 video, cold (engine start + read): {t1 - t0:.2f} s wall, {c1 - c0:.2f} s CPU, {lines} lines"
        )
        from checks.media import cache

        cache.clear_memory()
        import shutil

        from checks.media.cache import folder

        shutil.rmtree(folder(), ignore_errors=True)
        c0, t0 = cpu(), time.perf_counter()
        facts = read_draft_media(draft)
        t1, c1 = time.perf_counter(), cpu()
        print(
            f"draft cold, OCR engine already started (empty cache): {t1 - t0:.2f} s wall, {c1 - c0:.2f} s CPU"
        )
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            read_draft_media(draft)
            runs.append(time.perf_counter() - t0)
        print(
            f"draft warm (memory cache): {min(runs) * 1000:.1f} ms best of 5, median {sorted(runs)[2] * 1000:.1f} ms"
        )
        cache.clear_memory()
        t0 = time.perf_counter()
        read_draft_media(draft)
        print(f"draft warm (disk cache, memory cleared): {(time.perf_counter() - t0) * 1000:.1f} ms")
        from checks.engine import check_draft

        t0 = time.perf_counter()
        report = check_draft(draft)
        print(
            f"check_draft warm incl. media views: {(time.perf_counter() - t0) * 1000:.1f} ms, {len(report.findings)} findings"
        )


def bench_audit(count: int) -> None:
    import shutil

    from checks.audit import run_audit
    from checks.media import cache

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        for i in range(count):
            sub = folder / f"b{i // 50:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            names = []
            for k in range(3):
                name = f"d{i:04d}_{k}.jpg"
                photo((1080, 1440), i * 3 + k, [LINES[(i + k) % len(LINES)]]).save(sub / name, quality=85)
                names.append(name)
            media = ", ".join(f'"{n}"' for n in names)
            (sub / f"d{i:04d}.toml").write_text(
                f'platform = "douyin"\ntitle = "分享{i}"\ntext = "今天的图"\nmedia = [{media}]\n',
                encoding="utf-8",
            )
        for ocr in ("0", "1"):
            os.environ["PREFLIGHT_OCR"] = ocr
            cache.clear_memory()
            shutil.rmtree(cache.folder(), ignore_errors=True)
            c0, t0 = cpu(), time.perf_counter()
            audit = run_audit(folder)
            dt, dc = time.perf_counter() - t0, cpu() - c0  # the worker processes' CPU included
            label = "with OCR" if ocr == "1" else "--no-ocr"
            print(
                f"audit {len(audit.rows)} drafts × 3 photos (1080×1440), {label}: {dt:.1f} s, "
                f"{len(audit.rows) / dt * 60:,.0f} drafts/minute; {dc / len(audit.rows):.2f} s CPU per draft "
                f"(≈ {len(audit.rows) / dc * 60 * (os.cpu_count() or 1):,.0f} drafts/minute on {os.cpu_count()} free cores)"
            )
        os.environ["PREFLIGHT_OCR"] = "1"


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def bench_accuracy() -> None:
    import io

    from checks.media.ocr import recognise

    fonts = [(name, path, idx) for name, path, idx in SYSTEM_FONTS if Path(path).exists()]
    fonts.append(("tests CardText (Noto subset)", str(CARD_FONT), 0))
    backgrounds = {
        "white": ((250, 250, 250), (20, 20, 20)),
        "dark": ((25, 25, 30), (245, 245, 245)),
        "colour": ((200, 60, 50), (255, 240, 200)),
        "noisy": (None, (255, 255, 255)),
    }
    rnd = random.Random(7)
    totals: dict[str, list[int]] = {}
    per_font: dict[str, list[int]] = {}
    for fname, fpath, idx in fonts:
        for px in (14, 16, 20, 24, 28, 40, 64):
            f = font(px, fpath, idx)
            for bg_name, (bg, fg) in backgrounds.items():
                if rnd.random() < 0.5 or fpath == str(CARD_FONT):  # the subset font has only LINES' glyphs
                    text = rnd.choice(LINES)
                else:
                    start = rnd.randrange(len(PROSE) - 16)
                    text = PROSE[start : start + rnd.randrange(8, 17)].strip()
                w = int(px * (len(text) + 4))
                h = int(px * 3)
                if bg is None:
                    image = photo((max(w, 64), max(h, 64)), rnd.randrange(1000), [], mark=False)
                    ImageDraw.Draw(image).text(
                        (px, px), text, font=f, fill=fg, stroke_width=max(1, px // 20), stroke_fill="black"
                    )
                else:
                    image = Image.new("RGB", (w, h), bg)
                    ImageDraw.Draw(image).text((px, px), text, font=f, fill=fg)
                image = image.filter(ImageFilter.GaussianBlur(rnd.choice((0.4, 0.7, 1.0))))
                buf = io.BytesIO()
                image.save(buf, "JPEG", quality=rnd.choice((50, 65, 80, 90)))
                image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
                # Full- and half-width punctuation (：/:) are the same character to a reader and to
                # the text analysis, which folds widths: compare NFKC forms without spaces.
                read = unicodedata.normalize("NFKC", "".join(line.text for line in recognise(image))).replace(
                    " ", ""
                )
                want = unicodedata.normalize("NFKC", text).replace(" ", "")
                errors = min(len(want), distance(want, read))
                if errors and os.environ.get("BENCH_VERBOSE"):
                    print(f"  {fname} {px}px {bg_name}: want {want!r} read {read!r}")
                bucket = "≥20 px" if px >= 20 else "<20 px"
                totals.setdefault(bucket, [0, 0])
                totals[bucket][0] += errors
                totals[bucket][1] += len(want)
                per_font.setdefault(fname, [0, 0])
                if px >= 20:
                    per_font[fname][0] += errors
                    per_font[fname][1] += len(want)
    for fname, (err, n) in per_font.items():
        print(f"accuracy {fname}, lines ≥ 20 px: {1 - err / n:.1%} ({n} chars)")
    for bucket, (err, n) in sorted(totals.items()):
        print(
            f"accuracy all fonts, lines {bucket}: {1 - err / n:.1%} character accuracy ({n} chars, {len(fonts)} fonts)"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("draft", "audit", "accuracy", "all"), default="all")
    ap.add_argument("--drafts", type=int, default=40)
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    if args.part in ("draft", "all"):
        bench_draft()
    if args.part in ("accuracy", "all"):
        bench_accuracy()
    if args.part in ("audit", "all"):
        bench_audit(args.drafts)
    return 0


if __name__ == "__main__":
    sys.exit(main())

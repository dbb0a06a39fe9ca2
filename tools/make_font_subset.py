"""Subset Noto Sans CJK SC to the glyphs Preflight's visible AI labels use.

Why: the full CJK collection is ~20 MB; the labels need a few dozen glyphs. The subset keeps
the installed app small and renders the same on every OS (no dependence on system fonts).

    python tools/make_font_subset.py [--src /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc]

Writes resources/fonts/PreflightLabel-Bold.otf and PreflightLabel-Bold.chars (the characters it
covers, so the label stamper can refuse text it would draw as boxes). The licence (OFL-1.1)
ships beside it as OFL.txt.
"""

from __future__ import annotations

import argparse
import string
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts" / "PreflightLabel-Bold.otf"
DEFAULT_SRC = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")

# Every character a label may contain (checks/rules/label_text.py visible labels), plus ASCII.
CJK = "人工智能生成合成由内容图片视频音频本含有标识制作深度" + "请勿模仿危险动作未成年"  # + minors warnings
TEXT = CJK + string.printable + "·：，。（）【】-"


def find_sc(collection: TTCollection) -> int:
    for i, font in enumerate(collection.fonts):
        name = font["name"].getDebugName(1) or ""
        if name.endswith(" SC"):
            return i
    raise SystemExit("no 'SC' face in the collection")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    index = find_sc(TTCollection(str(args.src), lazy=True))
    options = subset.Options()
    options.font_number = index
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    font = subset.load_font(str(args.src), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=TEXT)
    subsetter.subset(font)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(args.out), options)
    cmap = font.getBestCmap()
    covered = "".join(sorted(c for c in set(TEXT) if ord(c) in cmap and c.isprintable()))
    args.out.with_suffix(".chars").write_text(covered + "\n", encoding="utf-8")
    print(f"{args.out}: {args.out.stat().st_size} bytes, {len(set(TEXT))} characters")


if __name__ == "__main__":
    main()

"""Benchmark: text analysis of a 5,000-character post must take at most 20 ms.

Usage: python bench/bench_text.py [--chars 5000] [--runs 50]
Builds a realistic mixed post (news, dates, places, labels, traditional characters, English),
warms the caches once (lexicon automata are built per process), then reports the median and
worst time of `checks.text.analysis.analyse` and exits 1 when the median exceeds the budget.
Times are CPU time of this process (wall time is printed too): on a shared build machine other
processes inflate wall time without saying anything about the analysis.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

from checks.model import Account, Draft
from checks.packs import load_packs
from checks.text.analysis import analyse

BUDGET_MS = 20.0
PARAGRAPHS = [
    "据新华社11月20日报道，明年1月起养老金统一上调5%，各地将陆续出台实施细则。",
    "2008年1月，湖南郴州遭遇罕见冰灾，全城停电停水十多天，当年那场大雪让人难忘。",
    "今天下午路过杭州西湖断桥，排起了几百米的长队，交警已经到场维持秩序。",
    "本故事純屬虛構，第12集：婆婆當眾撕了我的離婚協議，結局反轉，下集更精彩！",
    "Filmed on November 21, 2026 at the Bund, Shanghai. According to Xinhua, crowds gathered.",
    "图片来源：网络，侵删。具体文件见评论区。内容由AI生成，非AI生成的部分为实拍。",
    "三年前的今天，郑州遭遇特大暴雨；去年我又去了一次，某地的朋友说变化很大。",
    "医生说降压药不用天天吃，血压正常了就可以自己停两天，这是错误的，不建议自行停药。",
]


def make_post(chars: int) -> str:
    out, i = [], 0
    while sum(len(p) + 1 for p in out) < chars:
        out.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        i += 1
    return "\n".join(out)[:chars]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    packs = load_packs()
    publish = datetime(2026, 11, 21, 20, tzinfo=timezone(timedelta(hours=8)))
    text = make_post(args.chars)
    draft = Draft(
        title="今天的新闻汇总：台风、政策与旧闻", text=text, account=Account(name="小李", bio="分享生活")
    )
    analyse(draft, packs, publish)  # warm-up: automata, OpenCC, gazetteer names
    times: list[float] = []
    walls: list[float] = []
    for i in range(args.runs):
        d = draft.with_changes(text=text + f"\n第{i}次。")  # defeat the normalisation cache
        start, wall = time.process_time(), time.perf_counter()
        analyse(d, packs, publish)
        times.append((time.process_time() - start) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    median = statistics.median(times)
    print(
        f"text analysis of {len(text)} chars: median {median:.1f} ms CPU (wall {statistics.median(walls):.1f} ms), "
        f"worst {max(times):.1f} ms (budget {BUDGET_MS} ms)"
    )
    return 0 if median <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

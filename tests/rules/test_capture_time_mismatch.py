"""capture_time_mismatch: 'today/just now' with self-shot footage captured over 30 days earlier."""

from __future__ import annotations

import pytest
from label_draft import fired, run, shot, stock

from checks.model import Severity


@pytest.mark.parametrize(
    ("title", "text", "day"),
    [
        (
            "小区门口的梧桐树被大风吹倒了",
            "刚刚一阵大风，小区门口那棵梧桐树整棵倒了。拍摄于2026年11月21日下午。",
            "2026-04-12",
        ),
        ("昨晚楼下着火了", "昨晚十点多，对面那栋楼突然冒起黑烟。", "2025-12-03"),
        ("今天的杭州西湖人山人海", "今天周六，断桥上全是人。", "2025-05-01"),
        ("Just now: huge crowds at the Bund", "Just now at the Bund, thousands gathered.", "2025-10-01"),
        ("今天的雪好大", "今天下了好大的雪。", "2026-01-10"),
    ],
)
def test_old_footage_presented_as_now_is_a_warning(title: str, text: str, day: str) -> None:
    (f,) = run("capture_time_mismatch", title=title, text=text, media=(shot(day),))
    assert f.severity == Severity.WARNING and f.clause == "SA2023-1.1" and f.target == "media:0"
    assert day.replace("-", ":")[:10] in f.evidence.replace("-", ":")
    assert f.fixes[0].payload["text"].startswith("Shot on " if title.isascii() else "拍摄于")


@pytest.mark.parametrize(
    ("title", "text", "day"),
    [
        ("Today in Chengdu", "Spent today at the panda base in Chengdu.", "2026-11-21"),
        ("今天的雪", "今天下了好大的雪。", "2026-10-30"),
        ("今天分享旧照", "今天分享一张2025年2月1日拍的照片。", "2025-02-01"),
        ("翻到一组冰灯照片", "今天整理相册翻到2025年12月在哈尔滨拍的冰灯。", "2025-12-28"),
        ("老视频", "今天又刷到这个老视频。", "2019-08-10"),
        ("雪景", "下雪了，很美。", "2025-02-01"),
        ("今天想起去年的雪", "今天降温了，想起去年拍的这场雪。", "2025-02-01"),
        ("红烧肉做法", "今天分享一个红烧肉的做法，冰糖炒色是关键。", "2026-08-01"),
    ],
)
def test_honest_or_recent_footage_passes(title: str, text: str, day: str) -> None:
    assert not fired("capture_time_mismatch", title=title, text=text, media=(shot(day),))


def test_only_self_shot_media_counts() -> None:
    assert run("capture_time_mismatch", title="今天", text="刚刚拍的", media=(stock(),)) == []

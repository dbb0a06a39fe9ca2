"""Everyday posts (diaries, reviews, recipes, travel notes, sourced news, English) must not set
off the label rules: a false alarm teaches creators to ignore the tool."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rules"))
from label_draft import fired, shot

RULES = (
    "shooting_time_place_missing",
    "ai_label_missing",
    "source_label_missing",
    "old_news_time_place_missing",
    "fiction_label_missing",
    "capture_time_mismatch",
    "capture_place_mismatch",
)
OWN = (shot(),)

PROBES = [
    ("周末烤了个戚风蛋糕", "鸡蛋5个，低筋面粉90克，牛奶60毫升。烤箱150度烤50分钟，出炉倒扣晾凉。", OWN, ""),
    (
        "杭州三日游攻略",
        "第一天去西湖断桥、雷峰塔，第二天灵隐寺，第三天去千岛湖。住在湖滨附近很方便。",
        OWN,
        "",
    ),
    ("", "今天下班路上下了好大的雨，淋成落汤鸡，回家煮了碗面。", OWN, ""),
    ("", "暴雨天在家追剧，顺便把冰箱收拾了一遍。", (), ""),
    (
        "《繁花》大结局观后感",
        "这部剧的大结局太好哭了，演技真的绝，宝总最后的选择我能理解。",
        (),
        "影视爱好者",
    ),
    ("", "刚看完《狂飙》第20集，这个角色太复杂了，编剧厉害。", (), ""),
    ("读书笔记｜《活着》", "读完这本书哭了三次，福贵的一生就是那个年代的缩影。结局太沉重。", (), ""),
    ("", "我被工作淹没了，这周加班到十二点，谁来救救我。", (), ""),
    ("", "航班延误了两个小时，在机场吃了碗牛肉面，味道还行。", OWN, ""),
    ("", "高铁晚点了半小时，车厢里很安静，看完了一本书。", (), ""),
    ("", "还记得那年我们一起去看海吗？你穿着白裙子，笑得像个孩子。", (), ""),
    ("", "那年夏天我第一次学会游泳，爸爸在岸边一直喊加油。", (), ""),
    ("", "小时候那次发大水，我和弟弟坐在木盆里玩，现在想想真傻。", (), ""),
    ("", "那年我出了车祸，在医院躺了三个月，感谢一直陪着我的家人。", (), ""),
    (
        "My sourdough journey",
        "Day 3 of feeding my starter. It smells sour and bubbly now. Baking tomorrow!",
        OWN,
        "",
    ),
    ("Weekend in Kyoto", "We walked through Fushimi Inari at sunrise and had matcha in Gion.", OWN, ""),
    ("", "I feel trapped in this job. Burning out every week. Anyone else?", (), ""),
    (
        "Season finale thoughts",
        "The season finale of this show was wild. That plot twist! No spoilers.",
        (),
        "",
    ),
    ("", "We rescued a kitten from under the car this morning. She is safe and eating now.", OWN, ""),
    ("", "家里地下室进水了，赶紧把东西搬上楼，累死了。", (), ""),
    ("", "今天在家做了红烧肉，老公说比饭店的还好吃。", OWN, ""),
    ("", "转发：据新华社报道，国务院常务会议部署进一步稳就业举措。", (), ""),
    ("", "According to Reuters, the central bank raised interest rates by 0.25 points on Thursday.", (), ""),
    ("教程｜Python入门 第3集", "这一集讲列表和字典，下集讲函数。代码放在评论区。", (), ""),
    ("", "女儿第一次上台表演，虽然忘词了，但是好勇敢。", OWN, ""),
    ("", "我的非虚构写作课第二讲：怎么采访。", (), "分享非虚构写作"),
    ("", "追剧日记：这部剧男主的白月光设定太老套了，第12集反转倒是没想到。", (), "爱追剧的小王"),
    ("", "小区电梯又坏了，爬了18楼，腿都软了。", OWN, ""),
    ("", "今天降温了，大家注意保暖，多穿点。", (), ""),
    ("", "台风天窗户被风吹得呜呜响，一家人在家打牌。", OWN, ""),
    ("", "来源：中央气象台。今明两天南方多地有强降雨，出行注意安全。", (), ""),
    ("Rainy Sunday", "Heavy rain all day, so we stayed in and baked cookies.", OWN, ""),
    ("", "书评｜这本小说的结局反转得太突然，十年后的重逢写得有点仓促。", (), ""),
    ("", "第一次自己换自行车链条，下集教大家调变速。", OWN, ""),
]


@pytest.mark.parametrize(("title", "text", "media", "bio"), PROBES)
def test_everyday_posts_raise_no_label_errors(title: str, text: str, media: tuple, bio: str) -> None:
    loud = [r for r in RULES if fired(r, title=title, text=text, media=media, bio=bio)]
    assert loud == []

"""shooting_time_place_missing: self-shot news footage needs a visible shooting time and place."""

from __future__ import annotations

import pytest
from label_draft import fired, run, shot, stock

from checks.model import Applicability, FixKind, MediaFacts, Provenance, Severity


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("下班路上碰到一起事故", "两辆电动车在路口撞上了，交警已经到场处理。大家骑车都慢一点。"),
        ("地铁站贴出的停运通知", "看到地铁站里贴了通知，这周末3号线要提前收班检修。"),
        ("小区门口着火了", "浓烟滚滚，消防车已经到了。"),
        ("洪水泡烂了爷爷的橘子园", "一年的橘子全被洪水泡烂了。"),
        ("地铁站的扶梯突然停了", "刚刚地铁站的上行扶梯突然急停，好几个人往后倒。"),
        ("Crash on the highway", "Two trucks collided, police and ambulance are on site."),
        ("暴雨", "暴雨之后马路变成了河，好几辆车熄火被困。"),
    ],
)
def test_news_footage_without_time_and_place_is_an_error(title: str, text: str) -> None:
    media = (shot("2026-11-21", gps=(30.27, 120.16), place="浙江省杭州市西湖区"),)
    (f,) = run("shooting_time_place_missing", title=title, text=text, media=media)
    assert f.severity == Severity.ERROR and f.clause == "N2023-3b" and f.target == "media:0"
    assert "DateTimeOriginal" in f.evidence
    (fix,) = f.fixes
    assert fix.kind == FixKind.INSERT_TEXT and fix.applicability == Applicability.SAFE
    expected = (
        "Shot on 21 Nov 2026 in Xihu District, Hangzhou, Zhejiang"  # English posts name places in English
        if title.isascii()
        else "拍摄于2026年11月21日 浙江省杭州市西湖区"
    )
    assert fix.payload["text"] == expected  # the label is in the post's language


def test_missing_facts_leave_blanks_for_the_creator() -> None:
    (f,) = run(
        "shooting_time_place_missing", title="小区门口着火了", text="消防车已经到了。", media=(shot(None),)
    )
    (fix,) = f.fixes
    assert fix.applicability == Applicability.DISPLAY_ONLY and "____" in fix.payload["text"]


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "二环高架两车剐蹭",
            "拍摄于2026年11月20日晚7点 成都市武侯区二环高架。据@成都交警 通报，未造成人员受伤。",
        ),
        ("昨晚楼下着火了", "昨晚十点多，南京鼓楼区我们小区对面那栋楼冒起黑烟，消防车来了五辆。"),
        ("小区门口着火了", "拍摄时间：11月21日18时，地点：广州市天河区体育西路。消防车已经到了。"),
        (
            "Wuhan Metro delays",
            "Filmed on November 21, 2026 at Jianghan Road Station, Wuhan. Signal fault, delays.",
        ),
    ],
)
def test_time_and_place_in_text_pass(title: str, text: str) -> None:
    assert not fired("shooting_time_place_missing", title=title, text=text, media=(shot(),))


def test_placeholder_place_does_not_count() -> None:
    text = "今天下午某小区门口两车相撞，交警到场。"
    assert fired("shooting_time_place_missing", title="车祸", text=text, media=(shot(),))


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("两只猫第一次见到雪", "早上拉开窗帘，外面白茫茫一片，两只猫趴在窗台上看了半小时。"),
        ("十分钟搞定的番茄肥牛饭", "番茄先炒出沙再下肥牛，最后淋一勺生抽。"),
        ("今天带娃打了流感疫苗", "儿保科的医生特别温柔，孩子都没来得及哭。"),
        ("航班延误", "在机场等了三个小时，终于登机了，现场广播一直在道歉。"),
        ("新年计划", "明年开始每天读书半小时，每周跑步三次。"),
        ("下暴雨了", "今天暴雨，在家煮了一锅火锅。"),
    ],
)
def test_everyday_posts_get_only_an_info_suggestion(title: str, text: str) -> None:
    found = run("shooting_time_place_missing", title=title, text=text, media=(shot(),))
    assert [f.severity for f in found] == [Severity.INFO]


def test_news_without_self_shot_media_is_not_this_rule() -> None:
    assert (
        run("shooting_time_place_missing", title="车祸", text="两车相撞，交警到场。", media=(stock(),)) == []
    )


def test_declared_self_shot_counts_when_the_file_says_nothing() -> None:
    plain = MediaFacts(path="v.mp4", kind="video", provenance=Provenance.UNKNOWN)
    text = "两车相撞，交警到场。"
    assert fired(
        "shooting_time_place_missing", title="车祸", text=text, media=(plain,), declarations=("self_shot",)
    )
    assert not fired("shooting_time_place_missing", title="车祸", text=text, media=(plain,))


def test_english_label() -> None:
    media = (shot("2026-11-21", place="Hangzhou, Zhejiang"),)
    (f,) = run(
        "shooting_time_place_missing",
        title="Crash",
        text="Two cars collided, police on site.",
        media=media,
        lang="en",
    )
    assert f.fixes[0].payload["text"] == "Shot on 21 Nov 2026 in Hangzhou, Zhejiang"


# --- generalisation: witnessed incidents are events, fiction is not news ---------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "公交开到一半突然停了，司机说发动机故障，一车人都下来走路。"),
        ("", "楼下车库进水了，好几辆车泡在里面，保安在抽水。"),
        ("", "暴雨把路边的广告牌刮倒了，砸中一辆出租车，司机吓坏了。"),
        ("", "对面楼冒出浓烟，火势越来越大，消防车还没到。"),
        (
            "Smoke over the river",
            "A warehouse caught fire by the river, firefighters are spraying water on the roof.",
        ),
        ("", "The metro stopped between two stations for half an hour, everyone was stuck in the dark."),
    ],
)
def test_self_shot_incidents_are_social_events(title: str, text: str) -> None:
    (f,) = run("shooting_time_place_missing", title=title, text=text, media=(shot(),))
    assert f.severity == Severity.ERROR


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "下大雨了，在家煮了一锅火锅，窗外雨声好治愈。"),
        ("", "台风天不出门，一家人在家打牌。"),
        ("", "航班延误了一小时，在机场看完了一本书。"),
    ],
)
def test_weather_and_delays_alone_stay_everyday(title: str, text: str) -> None:
    assert not fired("shooting_time_place_missing", title=title, text=text, media=(shot(),))


@pytest.mark.parametrize(
    ("title", "text", "bio"),
    [
        (
            "第7集｜火场里他抱出了我",
            "那场大火之后，他再也没出现。\n我：“你去哪了？”\n他：“别问。”\n我：“我等了你三年。”",
            "",
        ),
        ("短剧｜车祸之后我失忆了", "醒来时，病床边坐着一个陌生男人。下集更精彩！", "甜宠短剧"),
    ],
)
def test_self_shot_fiction_is_not_news(title: str, text: str, bio: str) -> None:
    assert not fired("shooting_time_place_missing", title=title, text=text, bio=bio, media=(shot(),))
    assert fired("fiction_label_missing", title=title, text=text, bio=bio, media=(shot(),))


# --- a public scene on the creator's footage: people of the public caught in a disruption ------


@pytest.mark.parametrize(
    ("title", "text", "shown"),
    [
        ("老粮站要拆了", "几十户居民拉着行李站在楼下，等着最后看一眼。", "拆了…居民"),
        ("", "银行门口排起长队，保安说系统故障，取号机全黑屏。", "保安…故障"),
        ("", "菜场门口两个摊主为了摊位吵起来了，最后来了民警才劝开。", "摊主…吵起来"),
        ("", "The ticket gates were out of order and staff waved passengers through by hand.", "out of order"),
    ],
)
def test_public_scene_on_own_footage_is_a_social_event(title: str, text: str, shown: str) -> None:
    (f,) = run("shooting_time_place_missing", title=title, text=text, media=(shot(),))
    assert f.severity == Severity.ERROR
    assert all(part in f.message for part in shown.split("…"))


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("", "我妈和我爸为了看哪个台吵起来了，笑死。"),  # a home video: no public actor
        ("", "奶茶店门口排到拐角，等了四十分钟终于喝上了。"),  # a queue, but nobody of the public named
        ("", "小区物业送了每户一箱橘子，好甜。"),  # public actor, nothing disrupted
        ("", "家里洗衣机坏了，周末只能手洗。"),  # a disruption at home
    ],
)
def test_everyday_scenes_stay_suggestions(title: str, text: str) -> None:
    assert not fired("shooting_time_place_missing", title=title, text=text, media=(shot(),))

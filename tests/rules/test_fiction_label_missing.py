"""fiction_label_missing: dramatised stories need a conspicuous fiction label or declaration."""

from __future__ import annotations

import pytest
from label_draft import fired, run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("title", "text", "bio"),
    [
        ("第12集｜婆婆当众撕了我的离婚协议", "她以为我还是那个忍气吞声的儿媳。下集更精彩！", ""),
        ("外卖小哥被保安拦在门外，结局反转了", "谁知道他就是这栋楼的业主。", ""),
        (
            "我在工地捡到一个孩子，十年后他回来了",
            "一个穿西装的小伙子跪在我面前，喊了我一声爸。",
            "所有视频均为剧情演绎",
        ),
        ("霸总短剧第3集", "她转身离开，总裁追了出来。", ""),
        ("假千金被赶出家门，真千金回来了", "三年后，她成了集团总裁，所有人都傻眼了。", ""),
        ("重生之我在豪门当保姆 第5集", "少爷把合同摔在桌上：“签了它，你就自由了。”", ""),
        (
            "My billionaire boss fired me… then begged me back (Part 3)",
            "Part 4 drops tomorrow, stay tuned.",
            "",
        ),
        ("You won't believe what my landlord did next (Part 2)", "Part 3 tomorrow.", ""),
    ],
)
def test_story_without_label_is_an_error(title: str, text: str, bio: str) -> None:
    (f,) = run("fiction_label_missing", title=title, text=text, bio=bio)
    assert f.severity == Severity.ERROR and f.clause == "N2023-5"
    insert, declare = f.fixes
    assert insert.kind == FixKind.INSERT_TEXT and insert.payload["where"] == "title_prefix"
    assert declare.kind == FixKind.DECLARE and declare.payload["declaration"] == "fiction"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("给妈妈的生日惊喜", "回来一开灯全家一起唱生日歌。（情景演绎，仅供娱乐）"),
        ("外婆的那封信", "本故事純屬虛構。外婆走後，我在她的針線盒裡發現一封信，十年後才寄到，結局反轉。"),
        ("【剧情演绎】前男友的婚礼，我坐了主桌", "本故事纯属虚构。结局反转！"),
        ("我用三年时间，等来了他的一句对不起", "#虚构# #情感故事# 他终于站在我面前。三年后，结局反转。"),
        (
            "When your roommate eats your leftovers (scripted skit)",
            "You won't believe what happened next. Part 2 tomorrow.",
        ),
        ("第3集｜情景演绎", "短剧第3集来了。"),
    ],
)
def test_labelled_story_passes(title: str, text: str) -> None:
    assert not fired("fiction_label_missing", title=title, text=text)


def test_declaration_counts() -> None:
    assert not fired("fiction_label_missing", title="短剧第3集", text="结局反转", declarations=("fiction",))


def test_notice_only_in_bio_does_not_count() -> None:
    assert fired(
        "fiction_label_missing", title="婆婆当众打脸，结局反转", text="她愣住了。", bio="本账号内容纯属虚构"
    )


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("这部电影的结局我哭了", "昨天去看了新上映的电影，剧情很感人。"),
        ("这部电影的结局太意外了", "新上映的悬疑片，剧情层层反转，结局完全没想到。"),
        ("我的离婚经历", "离婚两年了，现在一个人带孩子也挺好。"),
        ("追剧日记", "最近在追一部古装剧，女主演技真好。"),
        ("Episode 2: my morning coffee routine", "Today I grind the beans by hand."),
        ("Knitting tutorial part 2", "Today we finish the sleeves. Part 3 tomorrow covers the collar."),
        ("发动机异响排查全过程", "视频太长剪成了上下两集，完整版在我主页合集里。"),
        ("这不是虚构", "非虚构写作课第3集：怎么采访。"),
    ],
)
def test_real_life_and_tutorial_series_are_not_fiction(title: str, text: str) -> None:
    assert not fired("fiction_label_missing", title=title, text=text)


def test_label_buried_mid_text_is_a_warning() -> None:
    text = (
        "第一段：她推开门。\n第二段：婆婆当众打脸。\n第三段：（本故事纯属虚构）结局反转。\n第四段：下集见。"
    )
    (f,) = run("fiction_label_missing", title="婆婆的秘密", text=text)
    assert f.severity == Severity.WARNING


def test_dialogue_script_is_fiction() -> None:
    script = "婆婆：你今天又没做饭？\n我：我加班到九点。\n婆婆：那也得做！\n老公：妈，别说了。"
    assert fired("fiction_label_missing", title="婆婆来了", text=script)
    assert not fired("fiction_label_missing", title="婆婆来了", text=script + "\n（情景演绎）")


def test_recipe_headings_are_not_dialogue() -> None:
    recipe = "材料：番茄两个\n做法：先炒蛋\n步骤：再炒番茄\n提示：少放盐"
    assert not fired("fiction_label_missing", title="番茄炒蛋", text=recipe)


# --- generalisation: talk about someone else's series vs the creator's own story -------------


@pytest.mark.parametrize(
    ("title", "text", "bio"),
    [
        ("", "这部剧的大结局下周播出，追了三个月终于要收官了，男女主一定要在一起啊！", "爱追剧的普通观众"),
        ("看完《山海情》大结局", "演员都好真实，编剧把那个年代写活了，结局让人泪目。", ""),
        ("", "Season finale of this show tonight, no spoilers please! That plot twist last week though.", ""),
        ("", "卫视独播的那部短剧第8集更新了，剧透一下：女主终于知道真相了。", ""),
    ],
)
def test_fans_discussing_a_broadcast_series_are_not_fiction(title: str, text: str, bio: str) -> None:
    assert not fired("fiction_label_missing", title=title, text=text, bio=bio)


def test_own_drama_counts_even_when_it_mentions_a_series() -> None:
    text = "这部剧是我们剧组自编自演的，第2集来了。\n妈：“你给我站住！”\n我：“我不回去。”\n妈：“那你别后悔。”"
    assert fired("fiction_label_missing", title="", text=text)


@pytest.mark.parametrize(
    "bio", ["我的账号里所有故事均为虚构", "情景演绎｜每晚八点更新", "Scripted skits every Friday"]
)
def test_a_bio_notice_does_not_label_a_story_instalment(bio: str) -> None:
    text = "她推开门，看见他坐在黑暗里。\n“你终于来了。”\n未完待续，明晚更新下集。"
    assert fired("fiction_label_missing", title="雨夜来客（上）", text=text, bio=bio)
    # the same notice ON the post is a label
    assert not fired("fiction_label_missing", title="雨夜来客（上）", text=f"【情景演绎】{text}", bio=bio)


def test_a_denial_in_the_bio_is_not_a_fiction_notice() -> None:
    assert not fired(
        "fiction_label_missing",
        title="跑步日记",
        text="今天跑了十公里，下集讲配速怎么练。",
        bio="非虚构写作者",
    )

"""Advice frames: each frame finds advice in wording no lexicon lists, and leaves reports alone.

Every case is written for this test (none is taken from an evaluation set). Positive cases assert
the frame kind and field, and that the deciding words are shown; negative cases are the reports
that share the vocabulary: news, retold instructions, diaries, recipes, debunks.
"""

from __future__ import annotations

import pytest
from account_draft import PUBLISH, run

from checks.model import Account, Draft
from checks.packs import load_packs
from checks.rules import frames_advice
from checks.rules.base import Context


def frames_of(text: str, title: str = "") -> tuple[frames_advice.Frame, ...]:
    draft = Draft(title=title, text=text, account=Account(name="路人甲", bio=""))
    ctx = Context(draft=draft, media=(), packs=load_packs(), publish_at=PUBLISH)
    return frames_advice.frames(ctx)


def kinds(text: str, title: str = "") -> set[tuple[str, str]]:
    return {(f.kind, f.field) for f in frames_of(text, title)}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("每晚泡脚半小时，坚持两个月，我的失眠彻底好了。", "失眠彻底好了"),
        ("天天喝黑豆水，喝到第三周尿酸就正常了，秋水仙碱都没再碰。", "尿酸就正常了"),
        ("早上一杯柠檬蜂蜜水，甲状腺结节半年后复查消失了。", "消失"),
        ("嚼了两个月生姜片，胃病断根了。", "断根"),
        ("My mom drinks this tea every morning and her tumors shrank in three months.", "shrank"),
    ],
)
def test_efficacy_told_as_experience_is_a_claim(text: str, shown: str) -> None:
    found = [f for f in frames_of(text) if f.kind == "efficacy"]
    assert found and found[0].field == "health"
    assert shown in found[0].cue or any(shown in w for w in found[0].words)


def test_efficacy_drug_given_up_after_a_remedy() -> None:
    (f,) = [f for f in frames_of("坚持喝玉米须茶半年，降糖药早就扔一边了。") if f.kind == "efficacy"]
    assert "喝" in f.cue and "降糖药" in f.cue


@pytest.mark.parametrize(
    "text",
    [
        "我爸吃了降压药以后血压降下来了，全家都松了口气。",  # a prescribed drug simply working
        "网传喝醋能软化血管、让血压降下来，这是谣言，大家别信。",  # a debunk
        "据报道，一项研究发现绿茶提取物让小鼠肿瘤缩小，但还没有人体试验。",  # news of research
        "今天测了血糖6.9，晚饭喝了碗小米粥。",  # a diary without an outcome claim
        "苦瓜炒蛋：苦瓜切片焯水，鸡蛋炒散，一起翻炒加盐。",  # a recipe
    ],
)
def test_no_efficacy_claim(text: str) -> None:
    assert not [f for f in frames_of(text) if f.kind == "efficacy"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("跟着这套方法练，雅思口语保证提高1分。", "education"),
        ("报我们的冲刺班，稳上重点高中。", "education"),
        ("这个组合每年至少年化12%，闭着眼拿就行。", "finance"),
        ("Hold this fund and you get guaranteed 25% returns.", "finance"),
    ],
)
def test_promise_binds_a_guarantee_to_a_score_or_return(text: str, field: str) -> None:
    assert ("promise", field) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "这家面包店保证每天现烤，早上七点开门。",  # a guarantee about bread, not a score or return
        "据报道，该机构承诺保证收益被监管部门叫停。",  # news about a promise
        "我至少要再存三年钱才够首付。",  # 至少 with no score or return behind it
    ],
)
def test_no_promise(text: str) -> None:
    assert not [f for f in frames_of(text) if f.kind == "promise"]


@pytest.mark.parametrize(
    "text",
    [
        "膝盖疼的朋友可以试试靠墙静蹲，每次3组，每组40秒，膝盖痛就停。",
        "有痛风的，每天早晚各喝两杯芹菜汁。",
        "Do 3 sets of 10 reps of bird dogs, and stop if your back hurts.",
    ],
)
def test_regimen_for_a_condition_is_health_advice(text: str) -> None:
    assert ("regimen", "health") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "今天练背，引体向上4组每组8个，划船5组，练完好爽。",  # a fitness diary
        "我每天早晚各喝两杯美式，续命全靠它。",  # the creator's own habit, no condition
    ],
)
def test_no_regimen(text: str) -> None:
    assert not [f for f in frames_of(text) if f.kind == "regimen"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("家里有小孩的，发现手足口病千万别送去幼儿园，先隔离一周。", "health"),
        ("借钱给朋友，一定要让他打借条，转账备注写清楚。", "justice"),
        ("签离婚协议前，你一定要先把共同财产列清楚。", "justice"),
        ("唔好信人哋讲，甲亢嘅药唔使食咁耐。", "health"),
        ("Parents, never give aspirin to a child with a fever.", "health"),
        ("刚毕业的你，工资到手先买指数基金，别存银行。", "finance"),
    ],
)
def test_directive_to_the_reader(text: str, field: str) -> None:
    assert ("directive", field) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "医生让我每天按时打胰岛素，别自己减量。",  # a retold instruction
        "我们单位通知，下周一开始办理医保报销，截止到月底。",  # an administrative notice
        "我朋友去年离婚，财产分割拖了半年才办完。",  # someone's story
        "孩子发烧超过三天，请及时就医，遵医嘱用药。",  # defers to a doctor
        "我今天把那只基金卖了一半，心里踏实多了。",  # a diary
    ],
)
def test_no_directive(text: str) -> None:
    assert not [f for f in frames_of(text) if f.kind == "directive"]


def test_rule_shows_the_deciding_words() -> None:
    (f,) = run("credential_required", text="每天空腹喝一杯苦荞茶，三个月后血脂降到正常，他汀都停了。")
    assert "苦荞茶" in f.message and "血脂" in f.message
    assert f.span is not None and f.target == "text"


def test_frames_need_no_credential_only_for_their_field() -> None:
    from account_draft import cred

    text = "跟着我的计划刷题，期末数学保证提高30分。"
    assert run("credential_required", text=text, credentials=cred("health")) != []
    assert run("credential_required", text=text, credentials=cred("education")) == []


def test_traditional_script_is_read_through_the_normaliser() -> None:
    assert ("efficacy", "health") in kinds("每天喝一碗綠豆湯，喝了半年，高血壓好了，降壓藥都停了。")


def test_something_already_bought_is_a_diary_not_a_pick() -> None:
    assert run("credential_required", text="工资到账先存了三千，剩下的买了点指数基金。") == []
    assert run("credential_required", text="新手先买点指数基金，别碰个股。") != []


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("现在上车这只光伏股，明年翻倍不是梦。", True),  # a buy with a forecast return
        ("Load up on this coin now, it will 20x by spring.", True),
        ("前年买的那只股票翻倍了，纯属运气。", False),  # a past gain, told
        ("这部电视剧讲的是一个律师如何帮当事人争取抚养权。", False),  # a story told
        ("Doctors say you should not stop your statins on your own.", False),  # a retold instruction
    ],
)
def test_forecasts_stories_and_retold_words(text: str, advice: bool) -> None:
    assert bool(run("credential_required", text=text)) is advice


def test_parents_addressed_further_ahead_and_greetings_are_not_addresses() -> None:
    assert ("directive", "health") in kinds("各位宝妈，宝宝出水痘的时候一般要先隔离在家，再涂点炉甘石洗剂。")
    assert not [f for f in frames_of("大家好，今天聊聊我家猫的皮肤病，它要洗澡了。") if f.kind == "directive"]

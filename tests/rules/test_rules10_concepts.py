"""Issue 10, second pass: concepts that generalise, each with paraphrases written for this test.

Every concept has positives and negatives side by side, so deleting its decisive branch or
lexicon turns a case red:
- source: a vague or deferred source label marks relayed news; a fresh disaster in a pitch;
- old news: a named case or scandal (投毒案, 假疫苗事件) with public scale, told from afar;
- fiction: a serial chapter from a story account; a stated real case is not fiction;
- clickbait: what watching will do to the reader, 一定-promises, forwarding to everyone;
- shooting: a notice or a police scene on the creator's own footage;
- advice: a guarantee after the outcome, Cantonese outcomes, drops as doses, "先别急着";
- titles: a professional's student or patient is not the professional.
"""

from __future__ import annotations

import pytest
from account_draft import run as run_account
from label_draft import fired, shot


def account_fired(rule: str, **kw: object) -> bool:
    return any(f.severity.value in ("error", "warning") for f in run_account(rule, **kw))


SOURCE = "source_label_missing"


@pytest.mark.parametrize(
    "text",
    [
        "据报道，下个月起全市出租车起步价要上调两块。",  # policy relayed with 据报道
        "网传城东那家幼儿园有十几个孩子吃坏肚子送医了，家长们都在群里问。",
        "听说隔壁小区昨晚有人被骗了二十万，警察都来了。",
        "Reports say the new rail fares take effect in January, so book early.",
        "市场上那批问题奶粉检出问题了，详情见评论区。",  # deferred: 见评论区
    ],
)
def test_a_vague_or_deferred_source_marks_relayed_news(text: str) -> None:
    assert fired(SOURCE, text=text)


@pytest.mark.parametrize(
    "text",
    [
        "听说这家店的牛肉面很好吃，今天终于排到了。",  # hearsay about a shop relays no news
        "据说猫咪喜欢纸箱，我家这只也不例外。",
        "网上都说这本书难读，我倒觉得挺好看。",
    ],
)
def test_casual_hearsay_owes_no_source(text: str) -> None:
    assert not fired(SOURCE, text=text)


def test_a_fresh_disaster_in_a_traffic_pitch_owes_a_source() -> None:
    text = "前天那场台风把海边的堤坝冲垮了，现场视频我都剪好了，点赞过千就发完整版！"
    assert fired(SOURCE, title="台风现场画面", text=text)


OLD = "old_news_time_place_missing"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("还记得那起毒奶粉事件吗", "当年轰动一时的毒奶粉事件，多少家庭从此不敢买国产奶粉。"),
        ("多年前那起绑架案", "多年前那起震惊全国的绑架案，如今主犯早已伏法。"),
        ("事情过去这么久了", "事情过去这么久了，那辆冲进人群的车到底是谁的责任？围观的乘客都说看见了。"),
    ],
)
def test_a_named_case_or_scandal_told_from_afar_owes_time_and_place(title: str, text: str) -> None:
    assert fired(OLD, title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("给你们看我的方案", "这个装修方案改了三版，总算满意了。"),  # 方案, 答案 are not cases
        ("那年夏天", "那年夏天我们一家去海边，我第一次看到大海。"),  # a memory
    ],
)
def test_plans_and_memories_are_not_old_news(title: str, text: str) -> None:
    assert not fired(OLD, title=title, text=text)


FICTION = "fiction_label_missing"


def test_a_serial_chapter_by_a_story_account_is_fiction() -> None:
    text = "他站在站台尽头，火车已经开走了。\n“你还会回来吗？”她问。\n（第五章周五更新）"
    assert fired(FICTION, title="《北站》第四章", text=text, name="老周写小说", bio="写点小说")
    assert not fired(FICTION, title="《北站》第四章", text=text + "\n本文为虚构小说。", name="老周写小说")


def test_a_chapter_from_a_reading_diary_is_not_the_creators_fiction() -> None:
    text = "今天读完了《平凡的世界》第三章，孙少平的处境让我想起我爸年轻时。"
    assert not fired(FICTION, title="读书笔记", text=text, name="小周的读书角", bio="每月读两本")


def test_a_stated_real_case_is_not_fiction() -> None:
    text = "十多年前那起震惊全省的投毒案，凶手竟然是受害人的同事，原来起因只是一次评优。"
    assert not fired(FICTION, title="那起投毒案", text=text, name="法治故事会", bio="讲真实案件")
    assert fired(OLD, title="那起投毒案", text=text, name="法治故事会", bio="讲真实案件")


CLICKBAIT = "clickbait_title"


@pytest.mark.parametrize(
    "title",
    [
        "看完这个视频你再也不敢喝奶茶了",
        "读完这篇你就再也不想上班了",
        "睇完唔好驚！",
        "照着做，成绩肯定提高",
        "每个人都转一下！",
        "所有宝妈都转一下",
        "看完你就知道为什么了",
        "赶紧转给爸妈，很重要",
        "After watching this you'll never eat instant noodles again",
    ],
)
def test_aftermath_promise_and_forward_shapes_are_clickbait(title: str) -> None:
    assert fired(CLICKBAIT, title=title, text="今天分享一下日常。")


@pytest.mark.parametrize(
    "title",
    ["冬季用电一定提高警惕", "看了三本书后的读书笔记", "今天带爸妈去爬山", "我们全家都转学了"],
)
def test_plain_titles_are_not_clickbait(title: str) -> None:
    assert not fired(CLICKBAIT, title=title, text="今天分享一下日常。")


SHOOTING = "shooting_time_place_missing"


@pytest.mark.parametrize(
    "text",
    [
        "路过社区医院，门口贴了新通知：以后打疫苗要提前在网上预约。拍下来给大家看。",
        "Shot this at the station: a new announcement says the night buses stop running next week.",
    ],
)
def test_own_footage_of_a_posted_notice_owes_time_and_place(text: str) -> None:
    assert fired(SHOOTING, text=text, media=(shot(),))


def test_own_footage_of_a_meal_owes_nothing() -> None:
    assert not fired(SHOOTING, text="今天做的红烧肉，颜色终于对了。", media=(shot(),))


CREDENTIAL = "credential_required"


@pytest.mark.parametrize(
    "text",
    [
        "All in on this coin before Monday. 50% gains in a month, guaranteed.",  # guarantee after
        "我阿爸每朝飲一杯苦瓜汁，飲咗半年，血壓好返晒，啲藥都唔使食喇！",  # Cantonese outcome
        "孩子眼睛干涩，每晚睡前点两滴这个眼药水，一周就好了，大家照着做。",  # drops as a dose
        "宝宝发烧先别急着吃退烧药，多喝水捂一捂汗就退了。",  # "先别急着" holds the reader back
        "各位家长：三年级千万别报奥数班，不如多带孩子去图书馆。",  # study vocabulary
    ],
)
def test_advice_shapes_need_a_credential(text: str) -> None:
    assert account_fired(CREDENTIAL, text=text)


@pytest.mark.parametrize(
    "text",
    [
        "换季清仓处理，羽绒服拍下立减五十，库存不多了。",  # a shop's clearance, not selling a position
        "我吃了医生开的降压药，血压降下来了，继续按医嘱吃。",
        "我去年买了点基金，到现在亏了百分之五。",
    ],
)
def test_sales_and_diaries_are_not_advice(text: str) -> None:
    assert not account_fired(CREDENTIAL, text=text)


TITLE = "professional_title_without_credential"


@pytest.mark.parametrize(
    "text", ["我是王老师的学生，今天回学校看她。", "我是张医生的病人，复查一切正常。", "我是李律师的助理，今天整理卷宗。"]
)
def test_a_professionals_student_patient_or_assistant_claims_no_title(text: str) -> None:
    assert not account_fired(TITLE, text=text)


def test_a_self_reference_still_claims_the_title() -> None:
    assert account_fired(TITLE, text="我是一名老师，今天说说作业的事。")


def test_an_episode_series_that_swears_it_is_real_is_still_fiction() -> None:
    text = "绝对真事，不是演的！\n小姑子：“这房子本来就该给我。”\n我：“房本上写的是我名字。”\n下集更精彩"
    assert fired(FICTION, title="第3集｜小姑子要抢我的房", text=text, name="阿梅和她的小姑子", bio="真实记录")


def test_a_relatives_job_is_not_the_account_posing_as_the_organ() -> None:
    assert not account_fired("impersonation_official", name="我爸是交警")
    assert not account_fired("impersonation_official", name="法院旁边的咖啡馆")
    assert account_fired("impersonation_official", name="市监在线提醒")


def test_a_documentary_account_telling_a_real_persons_story_is_not_fiction() -> None:
    text = "隔壁婆婆八十多了，每天推着小车捡纸箱，一天挣不到二十块。"
    assert not fired(FICTION, title="捡纸箱的婆婆", text=text, name="街坊纪事", bio="记录身边人的故事")
    assert fired(FICTION, title="婆婆的反转", text="婆婆当众撕了协议，结局反转！", name="阿梅剧场", bio="每天一个故事")


@pytest.mark.parametrize(
    ("rule", "title", "text"),
    [
        ("vulnerable_group_exploitation", "崽崽的早饭", "崽崽说点赞过千才肯吃饭，家人们帮帮他！"),
        ("disaster_exploitation", "水浸过后", "前两天水浸咗成条街，抽水泵而家特价，快啲落单！"),
    ],
)
def test_cantonese_and_colloquial_words_for_children_and_floods(rule: str, title: str, text: str) -> None:
    assert fired(rule, title=title, text=text)

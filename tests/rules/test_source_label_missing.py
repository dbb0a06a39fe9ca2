"""source_label_missing: news/policy/social-event content needs a specific, conspicuous source."""

from __future__ import annotations

import pytest
from label_draft import ai, fired, run, shot, stock

from checks.model import Applicability, FixKind, Severity


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("下月起全市出租车起步价上调", "下个月1日起，出租车起步价从13元调整为15元，夜间加收20%。"),
        ("某小区发生火灾", "昨天晚上某小区发生火灾，三人受伤被送医，起火原因正在调查。"),
        ("突发！高速连环车祸", "今天上午京港澳高速发生连环车祸，多人受伤，目前道路封闭。"),
        ("明年起这些新规要实施了", "明年1月1日起，一批新规正式施行，涉及个税、社保、电动车。"),
        ("美国大选结果出炉", "美国大选结果出炉了，大家怎么看？"),
        ("重磅！个税起征点要提高了", "个税起征点明年将提高到每月8000元，打工人的福利来了。"),
        ("高考报名时间定了", "2027年高考报名时间定在11月25日至12月5日，考生和家长注意。"),
        ("油价又要涨了", "今晚24时起，92号汽油每升上调0.15元，赶紧去加油。"),
        ("震後最新情況", "昨晚花蓮發生6.1級地震，多棟房屋倒塌，目前傷亡不明。"),
        (
            "Breaking: metro fares to rise",
            "The city government announced that metro fares will rise by 1 yuan from January.",
        ),
        (
            "Typhoon hits coast",
            "A powerful typhoon made landfall last night, thousands evacuated and power is out.",
        ),
    ],
)
def test_news_without_any_source_is_an_error(title: str, text: str) -> None:
    (f,) = run("source_label_missing", title=title, text=text, media=(stock(),))
    assert f.severity == Severity.ERROR and f.clause == "N2023-3a"
    assert f.span is not None and f.evidence
    (fix,) = f.fixes
    assert fix.kind == FixKind.INSERT_TEXT and fix.applicability == Applicability.DISPLAY_ONLY
    assert "____" in fix.payload["text"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("听说明年一月起公交车费全面加价一成。圖片來源：網絡，侵刪。", "听说"),
        ("高考新政策公布了，明年起体育加分全面取消。来源：网络", "来源：网络"),
        ("据内部消息，今年研究生成绩2月下旬公布。", "据内部消息"),
        ("网传明年起门诊报销比例提高到70%，转给大家。", "网传"),
    ],
)
def test_vague_source_does_not_count(text: str, found: str) -> None:
    (f,) = run("source_label_missing", title="新规", text=text)
    assert f.severity == Severity.ERROR
    assert found in f.evidence or f.evidence in text


def test_source_only_in_comments_does_not_count() -> None:
    (f,) = run(
        "source_label_missing", title="养老金又要涨了", text="明年1月起养老金统一上调5%。具体文件见评论区。"
    )
    assert "见评论区" in f.evidence
    assert "评论区" in f.message


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("台风最新消息", "据中国气象局消息，台风“海葵”今晚将登陆福建沿海。"),
        ("二环高架剐蹭", "据@成都交警 通报，事故未造成人员受伤。"),
        ("降温了", "来源：中央气象台。明天起气温下降8度，注意保暖。"),
        ("新规解读", "【来源：人民日报】明年起个税专项附加扣除标准上调。"),
        ("寒潮来了", "转自中央气象台：11月22日至24日寒潮将影响我国大部分地区。"),
        ("Typhoon hits coast", "According to Xinhua, a powerful typhoon made landfall last night."),
        (
            "Typhoon hits coast",
            "Source: China Meteorological Administration. A typhoon made landfall last night.",
        ),
        ("網傳加價", "據香港電台報道，巴士車費明年起加價。"),
        ("CPI", "国家统计局今天发布数据显示，10月CPI同比上涨0.2%，明年起新规实施。"),
        ("降准", "中国人民银行11月21日宣布下调存款准备金率0.25个百分点。"),
        ("交通管制", "@杭州发布 通报：明天起西湖景区交通管制。"),
    ],
)
def test_specific_source_passes(title: str, text: str) -> None:
    assert not fired("source_label_missing", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("我家猫咪生病了", "带猫去宠物医院，医生说是肠胃炎，打了两天针好多了。"),
        ("周末去爬山", "天气很好，山顶的风景绝了，推荐大家去。"),
        ("我们公司取消了年终奖", "今年公司效益不好，年终奖取消了，有点难过。"),
        ("新买的电动车", "新买的电动车续航80公里，通勤够用了，价格也不贵。"),
        ("孩子期中考试进步了", "这学期我们把手机收了，每天九点半前睡觉。"),
        ("奶茶又涨价了", "楼下那家奶茶又涨价了，一杯要二十八。"),
        ("家里停电了", "晚上突然停电，点了蜡烛吃火锅，还挺有氛围。"),
        ("航班延误", "航班延误了两个小时，在机场看了一场日落。"),
        ("妈妈的规定", "妈妈规定我晚上九点前必须到家。"),
        ("好消息", "今天正式定了，我们下个月结婚！"),
    ],
)
def test_everyday_posts_owe_no_source(title: str, text: str) -> None:
    assert not fired("source_label_missing", title=title, text=text)


def test_first_hand_self_shot_report_owes_time_and_place_not_source() -> None:
    text = "两辆电动车在路口撞上了，交警已经到场处理。"
    assert not fired("source_label_missing", title="下班路上碰到一起事故", text=text, media=(shot(),))
    assert fired("source_label_missing", title="下班路上碰到一起事故", text=text, media=(stock(),))


def test_old_news_is_judged_by_the_old_news_rule() -> None:
    assert not fired(
        "source_label_missing", title="老视频", text="当年那场大雪下了整整一个星期，火车都停了。"
    )


def test_disaster_sales_pitch_is_not_judged_as_reporting() -> None:
    text = "这几天看地震新闻看得心慌，应急包一定要备上，橱窗链接今天下单立减30。"
    assert not fired("source_label_missing", title="地震了！家家都要备一个", text=text)


def test_account_posing_as_the_issuer_is_left_to_impersonation_rules() -> None:
    text = "本周起各小区厨余垃圾只在早7点到9点收运，请居民按时投放。本周起实施新规。"
    assert not fired("source_label_missing", title="垃圾分类新规", text=text, name="朝阳区政府便民服务")
    assert fired("source_label_missing", title="垃圾分类新规", text=text, name="朝阳生活圈")


def test_buried_source_is_a_warning() -> None:
    text = "第一段。\n第二段，明年起公交票价全面上调。\n据市交通局11月20日发布的通知，涉及全部线路。\n以上，供参考。"
    (f,) = run("source_label_missing", title="公交要涨价", text=text)
    assert f.severity == Severity.WARNING


def test_english_message() -> None:
    (f,) = run(
        "source_label_missing", title="Breaking", text="The government announced new rules today.", lang="en"
    )
    assert "source" in f.message.lower()


# --- generalisation: relayed event reports need a source, personal experience does not ------


@pytest.mark.parametrize(
    "text",
    [
        "沿海多地遭遇台风，多个村子被淹，有居民被困屋顶等待救援。",
        "暴雨过后城区一片狼藉，多辆汽车泡在水里，地下通道全部关闭。",
        "台风“海燕”登陆后，街边大树倒下压坏了好几辆车。",
    ],
)
def test_relayed_disaster_reports_need_a_source(text: str) -> None:
    assert fired("source_label_missing", text=text, media=(ai(),))
    assert fired("source_label_missing", text=text)


@pytest.mark.parametrize(
    "text",
    [
        "家里地下室进水了，搬了一晚上东西，累瘫。",
        "那年我出了车祸，现在走路还有点跛。",
        "下了一天暴雨，在家追剧吃火锅。",
        "高铁晚点了半小时，在站台上吃了个面包。",
    ],
)
def test_personal_experience_and_weather_need_no_source(text: str) -> None:
    assert not fired("source_label_missing", text=text)

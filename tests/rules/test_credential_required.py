"""credential_required: field ADVICE (not mentions) without a valid credential for that field."""

from __future__ import annotations

from datetime import date

import pytest
from account_draft import cred, run

from checks.model import FixKind, Severity


@pytest.mark.parametrize(
    ("title", "text", "field"),
    [
        (
            "血压高的人这样吃药最省事",
            "降压药不用天天吃，血压正常了就可以自己停两天。早上空腹吃两片效果最好。",
            "医疗健康",
        ),
        ("痛风发作了", "急性发作时，秋水仙碱首剂吃2片，一小时后再吃1片。", "医疗健康"),
        ("我是怎么把血糖降下来的", "我停了二甲双胍，改喝苦瓜水。血糖高的朋友可以照着试试。", "医疗健康"),
        ("孩子发烧别慌", "38度5以上每次吃两粒布洛芬就行。", "医疗健康"),
        ("下周必涨的三只票", "明天开盘直接满仓这三只，亏了算我的！", "金融"),
        ("这只基金闭眼买", "长期拿着稳赚不赔。", "金融"),
        ("考研英语作文押题", "模板直接背，保你不低于20分。", "教育"),
        ("高考志愿这样填", "分数够一本线的，照我说的报，稳上211。", "教育"),
        ("离婚时这样做，房子保证判给你", "起诉前先想办法在房产证上加上你的名字，记住，先下手为强。", "司法"),
    ],
)
def test_advice_without_credential_is_flagged(title: str, text: str, field: str) -> None:
    (f,) = run("credential_required", name="某某", title=title, text=text)
    assert f.severity == Severity.ERROR and f.clause == "N2023-2"
    assert field in f.message and f.target in ("title", "text") and f.span is not None
    assert f.fixes[0].kind == FixKind.EDIT_ACCOUNT and str(f.fixes[0].applicability) == "display_only"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("第一次做无痛胃镜", "医生让我按时吃饭、少喝酒，三个月后复查。比想象中轻松多了。"),
        ("今天带娃打了流感疫苗", "儿保科的医生特别温柔，孩子都没来得及哭。"),
        ("央行宣布降准", "据新华社报道，中国人民银行宣布下调存款准备金率。对房贷有多大影响还要再观察。"),
        (
            "最高法发布典型案例",
            "据最高人民法院官网消息，最高法发布了一批涉养老诈骗典型案例，家里有老人的可以一起看看。",
        ),
        ("今年存下了五万块", "主要靠戒了外卖和奶茶，每个月发工资当天先转一笔到存款账户。"),
        ("孩子期中考试进步了", "这学期我们把手机收了，每天晚上九点半前睡觉。"),
        ("说说育儿补贴", "我觉得补贴是好事，但托育服务能跟上才更关键。"),
        ("我的降压药吃完了", "明天去医院再开一盒。"),
        ("今天去医院复查", "血压控制得不错，医生说继续用药就行。"),
        ("基金又跌了", "我买的基金跌了8%，先拿着吧，反正也不急用钱。"),
        ("离婚三年了", "离婚后才发现一个人也可以过得很好。"),
        ("四六级终于过了", "考了三次终于过了，建议大家早点准备听力。"),
    ],
)
def test_mentions_and_experiences_are_not_advice(title: str, text: str) -> None:
    assert run("credential_required", name="普通人", title=title, text=text) == []


def test_valid_credential_for_that_field_covers_advice() -> None:
    text = "不建议自行停药。需要调整剂量，请到门诊和主治医生当面沟通。"
    assert (
        run("credential_required", title="降压药能不能自己停？", text=text, credentials=cred("health")) == []
    )


HEALTH_ADVICE = "降压药不用天天吃，血压正常了就可以停。"


@pytest.mark.parametrize(
    ("credentials", "text", "problem"),
    [
        (cred("health", expires=date(2026, 6, 30)), HEALTH_ADVICE, "资质已过期"),
        (cred("finance", verified=False), "明天直接满仓，必涨。", "资质未经核验"),
        (cred("finance"), HEALTH_ADVICE, "未登记资质"),  # a finance credential does not cover health advice
    ],
)
def test_wrong_field_expired_or_unverified_credentials_do_not_count(
    credentials, text: str, problem: str
) -> None:
    (f,) = run("credential_required", text=text, credentials=credentials)
    assert problem in f.message


def test_english_advice() -> None:
    (f,) = run(
        "credential_required", text="Stop taking your statins, you should try fish oil instead.", lang="en"
    )
    assert "health" in f.message


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("提醒：个人养老金缴费月底截止", "听说今年缴费上限要调整，想抵个税的朋友记得在月底前去银行App办理。"),
        ("新规来了", "据报道，下月起公积金贷款额度上调，首套房最高可以贷120万。"),
        (
            "医保年度结算",
            "医院通知下周起门诊慢特病药品报销比例调整，家里有人长期吃降压药的别忘了去窗口登记。",
        ),
        (
            "Reminder",
            "Reportedly the tax deduction for childcare will double next year, so don't forget to keep receipts.",
        ),
        ("高考报名时间公布", "据省教育考试院公告，志愿填报时间为6月25日至30日。"),
    ],
)
def test_news_and_administrative_reminders_are_information(title: str, text: str) -> None:
    assert run("credential_required", title=title, text=text) == []


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("手上有二十万闲钱的，建议四成买我推荐的那只医药基金，一半放国债，年化收益至少12%。", "finance"),
        ("别犹豫了，直接梭哈这只新能源基金，年底收益能到30%。", "finance"),
        ("If you have spare cash you should put 40% into tech stocks right now.", "finance"),
        ("You can stop taking your blood pressure meds once the readings look normal.", "health"),
        ("For kids over 6, take 200 mg ibuprofen every 6 hours until the fever breaks.", "health"),
        ("If your landlord keeps the deposit, you should sue him in small claims court.", "law"),
    ],
)
def test_allocations_doses_and_english_advice_are_flagged(text: str, field: str) -> None:
    findings = run("credential_required", text=text, lang="en")
    assert [field in f.message for f in findings] == [True]


def test_finance_advice_after_the_credential_expired_is_flagged() -> None:
    text = "建议三成买债基、七成买指数基金，明年收益至少10%。"
    assert run("credential_required", text=text, credentials=cred("finance")) == []
    (f,) = run("credential_required", text=text, credentials=cred("finance", expires=date(2026, 11, 20)))
    assert "资质已过期" in f.message and "金融" in f.message
    # Valid through the publish day itself.
    assert (
        run("credential_required", text=text, credentials=cred("finance", expires=date(2026, 11, 21))) == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "I stopped my statins last year and my doctor was fine with it.",
        "I take 500 mg of vitamin C every day, just my routine.",
        "我买的那只基金今年跌了两成，心态崩了。",
        "You should buy this dress in two colours, the fabric is lovely.",
        "You can stop by the pharmacy on your way home.",
        "建议大家周末去公园走走，空气真好。",
        "这家店的卤鸭直接加量不加价，太划算了。",
    ],
)
def test_reports_and_ordinary_recommendations_are_not_field_advice(text: str) -> None:
    assert run("credential_required", text=text, lang="en") == []


@pytest.mark.parametrize(
    "text",
    [
        "医生开了止咳糖浆，嘱咐每次吃5毫升，一天三次。",  # a professional's instruction, retold
        "The pharmacist told me to take 2 tablets every 6 hours.",
        "这个月定投了500块，先坚持一年看看。",  # 了: done, not prescribed
        "上周起诉了前老板，下个月开庭。",
    ],
)
def test_retold_instructions_and_things_done_are_not_advice(text: str) -> None:
    assert run("credential_required", text=text, lang="en") == []


def test_an_imperative_to_quit_medication_is_advice() -> None:
    (f,) = run(
        "credential_required", text="Stop your antidepressants cold turkey, you don't need them.", lang="en"
    )
    assert f.target == "text" and "health" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "不用看医生，这个偏方直接能治好。",  # mentioning a doctor does not make the advice reported
        "我是一名律师，建议你直接起诉，证据链我教你准备。",
        "Don't waste money on a lawyer, you should sue them yourself in small claims court.",
    ],
)
def test_mentioning_a_professional_does_not_hide_the_creators_own_advice(text: str) -> None:
    assert len(run("credential_required", text=text, lang="en")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "甲状腺结节不用手术，每天喝这个茶三个月就消了。",
        "现在是抄底的好时机，我已经满仓了，你们还等什么？",
        "初三数学最后冲刺，把这50道题背熟，中考至少110分。",
    ],
)
def test_more_advice_wordings_are_flagged(text: str) -> None:
    assert len(run("credential_required", text=text)) == 1

"""Commercial posts and minors on wording no rule spells out (issue 13): each concept, both ways.

Ways to buy as a frame, a post that labels itself an ad, price shapes, superlative shapes, cure
outcomes told as testimony, health knowledge apart from the pitch, minors' risks — in simplified,
traditional and English wording, with the honest look-alikes that must stay quiet.
"""

from __future__ import annotations

import pytest
from label_draft import fired, run

from checks.model import Severity

# --- ways to buy: the commercial frame ------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("社区烘焙坊新品", "肉松小贝一盒28元，到店自提，门店地址在和平路12号。"),  # shop + price per unit
        ("秋冬围巾上新", "羊毛混纺，四个颜色。点击下方链接就能买。"),
        ("自家果园的橙子", "有需要的朋友直接私我，坏果包赔。"),  # 有需要…私我: an order instruction
        ("二手相机出", "成色九新，价格好商量，微信 cam_deal88 细聊。"),  # offer + contact
        ("年貨禮盒", "堅果禮盒買二送一，今日落單再減三十。"),  # traditional / Cantonese order
        ("Handmade candles", "Taking orders for the holidays, 3 scents. DM to order."),
        ("Knit hats restocked", "Link in my bio, $25 each."),
        ("农家蜂蜜", "一箱六瓶，今天拍下明天发货。"),  # 拍下 + shipping: an order, not a photo
        ("手工曲奇", "每樽45蚊，兩樽包順豐，想要嘅留言。"),  # per-jar price, Cantonese
        ("跑步腰包", "戳我主页店铺可以买，粉丝价39。"),
    ],
)
def test_unnamed_ways_to_buy_make_a_post_an_ad(title: str, text: str) -> None:
    assert fired("ad_label_missing", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("周末去了趟面包店", "店里人很多，我排了二十分钟，最后买了两个可颂。"),  # a visit, nothing offered
        ("走夜路别落单", "晚上回家尽量结伴，别一个人落单。"),  # 落单 = left alone, not an order
        ("I ordered the pasta", "We decided to order dessert too. Lovely evening."),
        ("一个五岁的孩子", "每个孩子都不一样，慢慢来。"),  # 一个5… is no price
        ("日落", "在山顶拍下了今天的晚霞。"),  # 拍下 = photographed
    ],
)
def test_visits_and_look_alikes_are_not_ways_to_buy(title: str, text: str) -> None:
    assert not fired("ad_label_missing", title=title, text=text)


def test_brand_cooperation_is_a_cue_not_the_ad_label() -> None:
    (f,) = run(
        "ad_label_missing", title="本期与某露营品牌合作", text="折叠椅很轻，粉丝专属价199，评论区置顶有链接。"
    )
    assert f.severity == Severity.ERROR


def test_a_label_tagged_on_mid_way_in_the_second_line_is_buried() -> None:
    text = "第一行先聊聊天气。\n说起来这款保温杯（广告）真的很能保温，团购价89，扫码下单。\n最后祝大家周末愉快，出门记得带伞哦。"
    (f,) = run("ad_label_missing", title="冬天出门必备", text=text)
    assert f.severity == Severity.WARNING and f.evidence.endswith("广告")
    mid_clause = "第一行先聊聊天气。\n顺便说，杯子（广告）很能保温，团购价89，扫码下单。\n最后祝大家周末愉快，出门记得带伞哦。"
    assert run("ad_label_missing", title="冬天出门必备", text=mid_clause)[0].severity == Severity.WARNING
    opening = "第一行先聊聊天气。\n广告：这款保温杯真的很能保温，团购价89，扫码下单。\n最后祝大家周末愉快，出门记得带伞哦。"
    assert not fired("ad_label_missing", title="冬天出门必备", text=opening)


# --- a post that labels itself an ad is bound by the ad-content rules ------------------------


@pytest.mark.parametrize(
    ("rule", "title", "text"),
    [
        ("absolute_claim_in_ad", "【广告】蓝牙耳机", "【广告】音质顶级，同价位没有对手。"),
        ("medical_claim_in_ad", "广告｜护眼仪", "广告｜有效率96%，用两周视力就回来了。"),
        ("medical_claim_in_ad", "#ad Sleep gummies", "#ad No side effects, you'll sleep through the night."),
    ],
)
def test_a_labelled_ad_is_commercial(rule: str, title: str, text: str) -> None:
    assert fired(rule, title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("社区推广垃圾分类", "推广垃圾分类三年，这是全市第一个做到的小区，最佳实践。"),  # 推广 is a verb here
        ("广告公司实习日记", "今天做了一个广告方案，老板说是全网最好的。"),
        ("事故通报", "事发地址：中山路12号，现场已清理。据统计是今年最严重的一起。"),  # an address is no shop
    ],
)
def test_the_word_is_not_the_label(title: str, text: str) -> None:
    assert not fired("absolute_claim_in_ad", title=title, text=text)


# --- superlative shapes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("全城最低！羽绒服清仓", "全城最低价，小黄车已挂。"),
        ("全網最平電飯煲", "全網最平，連結在主頁。"),  # traditional
        ("头号品牌扫地机", "头号品牌，今天下单立减100，链接在评论区。"),
        ("Our blender", "The best blender ever made. Link in bio, code MIX10."),
        ("N0.1 的洗脸巾", "回购N0.1，小黄车有。"),
        ("祛斑精华", "最有效的精华，橱窗有。"),
    ],
)
def test_superlative_shapes_in_ads(title: str, text: str) -> None:
    assert fired("absolute_claim_in_ad", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("血压计怎么选", "家里最好备一个上臂式的，小黄车有。"),  # 最好 + verb = had better
        ("我吃过最好吃的一顿", "和朋友在路边摊，十块钱吃撑。"),  # no ad
        ("The best trip ever", "Paid for everything myself, no links."),
    ],
)
def test_advice_and_diaries_are_not_superlative_claims(title: str, text: str) -> None:
    assert not fired("absolute_claim_in_ad", title=title, text=text)


# --- medical claims told as testimony ---------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("姐妹们冲", "这款玫瑰花茶我泡了两个月，痛经没了。一盒45，橱窗有。"),
        ("爸爸的早餐", "喝了半年这个燕麦粉，血糖稳住了，降糖药都停了。小黄车自取。"),
        ("呢款涼茶", "飲咗一個月，濕疹好返晒，唔使再食藥。落單請WhatsApp 6234 5678。"),
        ("Game changer", "Three weeks on this tea and my eczema is gone. Link in bio."),
        ("呢款花茶", "飲咗一個月，失眠好返晒。買二送一，WhatsApp 6111 2222。"),  # Cantonese 好返
        ("【广告】蓝帽子鱼油", "【广告】提高免疫力，守护心脑血管。"),
        ("控糖早餐", "这款苦瓜粉吃了两个月，血糖再没高过，小黄车有。"),  # read by the efficacy frame only
        ("精华水", "一个疗程就见效，祛斑不反弹，小黄车有。"),
        ("Teeth whitening kit", "100% safe for enamel. Shop link in bio."),
    ],
)
def test_cure_outcomes_in_ads(title: str, text: str) -> None:
    assert fired("medical_claim_in_ad", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("我的康复日记", "喝了三个月中药，湿疹好多了，医生说继续观察。"),  # no ad
        ("这款保温杯", "保温十二小时，小黄车有。"),  # an ad without a health claim
    ],
)
def test_no_medical_claim_without_an_ad_or_a_claim(title: str, text: str) -> None:
    assert not fired("medical_claim_in_ad", title=title, text=text)


def test_a_product_pitch_is_not_professional_advice() -> None:
    kw = {"title": "XX牌钙片", "text": "XX牌钙片，每天两片，小黄车有。"}
    assert fired("ad_label_missing", **kw)
    assert not fired("credential_required", **kw)
    assert fired("credential_required", title="补钙", text="骨质疏松的人每天吃两片钙片，直接停掉医生开的药。")


# --- health knowledge apart from the pitch ----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (
            "颈椎不好的人注意",
            "低头族常见原因是长期伏案。每小时起来活动一下。我们店的颈椎按摩仪，到店买打八折。",
        ),
        ("老人便秘怎么办", "多吃粗粮，多喝水。需要益生菌的加我微信 yishen_01。"),
        ("換季咳嗽小貼士", "早晚添衣，少食凍嘢。本店枇杷膏有貨，落單請WhatsApp 6345 6789。"),
        (
            "3 signs of low iron",
            "Always tired, pale skin, cold hands. I take this iron supplement, link in bio.",
        ),
    ],
)
def test_health_knowledge_beside_a_seller(title: str, text: str) -> None:
    assert fired("health_knowledge_with_purchase", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("这款益生菌", "这款益生菌我吃了一个月，便秘好了，小黄车有。"),  # testimony, not knowledge (a claim)
        ("老人便秘怎么办", "多吃粗粮，多喝水，必要时去看医生。"),  # knowledge without a seller
        ("保温杯测评", "保温十二小时，适合冬天，小黄车有。"),  # no health product
    ],
)
def test_pitch_or_knowledge_alone_is_not_disguised_advertising(title: str, text: str) -> None:
    assert not fired("health_knowledge_with_purchase", title=title, text=text)


# --- minors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("挑战一顿吃二十个汉堡", "吃到第十五个的时候真的想放弃。"),
        ("五天只喝水", "五天只喝水，体重掉得很快。"),
        ("从二楼窗台跳到车棚顶", "一次成功，帅不帅？"),
        ("Jumped off the roof into the pool", "Three floors up, no spotter. Sick."),
        ("The milk crate challenge", "Made it to the top of the stack before it fell lol."),
        ("細路第一次飲酒", "佢今年十三歲，話飲酒好型。"),  # traditional / Cantonese: drinking as cool
        ("挑战一口气喝完两升雪碧", "喝完肚子好胀。"),
        ("下坡双手放开骑", "风很大，超爽。"),
        ("儿子的班级", "儿子在实验小学三年二班，每天四点放学。"),  # school + class (年 without 级)
    ],
)
def test_risks_for_minors_without_a_warning(title: str, text: str) -> None:
    assert fired("minor_warning_missing", title=title, text=text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("冬天露营", "睡袋里塞两个暖宝宝，一晚都不冷。团购价79，扫码下单。"),  # 暖宝宝 is no child
        ("宝宝们看过来", "宝宝们，这款面膜今天小黄车有。"),  # fans greeted, no child
        ("冬天必备", "暖宝宝贴在腰上，粉丝们都说同款很好用。"),  # a heat pad with follower talk
        ("儿童面霜", "宝宝也能用，不含香精，小黄车有。"),  # suitability, no child at the centre
        ("今天正常吃饭", "今天不挑战了，一碗面一个蛋。"),
        ("一顿吃两碗饭", "最近胃口好，一顿吃两碗饭。"),
        ("考试结果", "I was holding my breath for the results. Passed!"),
    ],
)
def test_harmless_posts_need_no_minor_warning(title: str, text: str) -> None:
    assert not fired("minor_warning_missing", title=title, text=text)


def test_the_creators_own_child_in_a_sale_needs_the_warning() -> None:
    assert fired("minor_warning_missing", title="我女儿的冬装", text="我女儿穿的这件羽绒服，小黄车有。")


# --- minors: frames rather than stunt names -----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        ("周末的新玩法", "我站在天台的护栏外面拍了张照，风好大。", "小李的日常"),  # place + action, one sentence
        ("下班路上", "在火车道中间躺了十秒才起来，心跳到现在。", "小李的日常"),
        ("Quick clip", "We climbed onto the roof of the garage and jumped to the next one.", "Sam"),
        ("下坡", "这辆车没刹车，一路冲到坡底。", "小李的日常"),  # riding without brakes
        ("高二的夜", "晚自习后和同学在操场喝了半瓶白酒。", "小李的日常"),  # a minor drinking, no framing
        ("周五", "第一次抽电子烟，葡萄味。", "初三的阿泽"),  # the account says who is shown
        ("我的作息", "每天只睡三个小时，剩下时间都在刷题。", "小李的日常"),
        ("今日份穿搭", "这套小外套店铺有同款，链接在橱窗。", "萌娃小米粒"),  # an account built on a child
    ],
)
def test_minor_risk_frames_need_a_warning(title: str, text: str, name: str) -> None:
    assert fired("minor_warning_missing", title=title, text=text, name=name)


@pytest.mark.parametrize(
    ("title", "text", "name"),
    [
        ("天台上的晚霞", "下班后在天台看了一会儿晚霞。", "小李的日常"),  # a place, no risky action
        ("跳绳打卡", "今天跳了一千个，出了一身汗。", "小李的日常"),  # an action, no deadly place
        ("高二的班会", "班主任讲了抽烟的危害，大家都说不会碰。", "小李的日常"),  # warned against
        ("戒烟第三十天", "我爸今天说他终于不想抽烟了。", "小李的日常"),  # an adult quitting
        ("朋友聚会", "几个老同事吃饭，喝了点啤酒聊到很晚。", "小李的日常"),  # adults, no cool framing
        ("今日份穿搭", "这件外套很暖和，面料不错。", "萌娃小米粒"),  # a child's account that sells nothing
    ],
)
def test_look_alikes_of_minor_risks_stay_quiet(title: str, text: str, name: str) -> None:
    assert not fired("minor_warning_missing", title=title, text=text, name=name)

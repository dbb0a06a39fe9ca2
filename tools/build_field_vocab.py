"""Derive the professional-field vocabularies of the core pack from THUOCL word lists.

Usage: python tools/build_field_vocab.py [--thuocl DIR] [--out resources/packs/core/lexicons]

The credential rule (N2023-2) needs to know what a *condition*, a *drug*, a *body measure*, a
*financial instrument* or a *legal procedure* is, in words nobody wrote into a rule. THUOCL (THU
Open Chinese Lexicon, © 2018 THUNLP, MIT) lists 18.7k medical, 3.8k finance and 9.9k legal terms
with document frequencies (DF). Each vocabulary here is a suffix family of one of those lists
(diseases end in 病/炎/癌/症…, drugs in 素/沙星/胶囊…), kept when its DF shows it is a word people
write (rare OCR-ish compounds drop out), minus a hand-kept stop list of verbs and metaphors that
share the suffix (看病, 止痛, 阵痛, 硬币), plus a few hand-kept everyday words the source lacks
(三高, 降压药, 可转债). Exam terms have no THUOCL list and are hand-kept in the same file format.

Re-running the script rewrites the lexicon files byte for byte; a test checks they are current.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THUOCL = Path("/work/shared/lexicons/thuocl")
OUT = ROOT / "resources" / "packs" / "core" / "lexicons"
ATTRIBUTION = "Contains word lists from THUOCL (THU Open Chinese Lexicon), © 2018 THUNLP, MIT licence."


@dataclass(frozen=True)
class Vocabulary:
    lexicon: str
    source: str | None  # THUOCL file stem (medical, caijing, law) or None for hand-kept only
    suffixes: str  # regular expression every derived word ends with
    min_df: int  # keep words at least this frequent in THUOCL's corpora
    stop: frozenset[str]  # words with the suffix that are not terms of the field
    extra: tuple[str, ...]  # hand-kept words the source lacks
    about: str
    max_len: int = 8


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _items(text: str) -> tuple[str, ...]:
    """Hand-kept entries, comma-separated (entries may contain spaces: "blood sugar")."""
    return tuple(w.strip() for w in text.split(",") if w.strip())


VOCABULARIES = (
    Vocabulary(
        "vocab_health_conditions",
        "medical",
        r"(病|炎|癌|症|瘤|综合征|综合症|结节|息肉|囊肿|结石|溃疡|骨折|增生|突出|梗死|梗塞|硬化|衰竭|"
        r"感染|过敏|失眠|便秘|腹泻|湿疹|痛风|贫血|近视|中风|血栓|痛|疼|咳嗽|发烧|发热|头晕|眩晕|呕吐|瘙痒|水肿|"
        r"出血|抑郁|焦虑|痴呆|脱发|痤疮|粉刺|疱疹|皮疹)",
        30,
        _words(
            "看病 治病 生病 发病 患病 得病 防病 致病 染病 犯病 抗病 诊病 查病 养病 医病 就病 病病 通病 弊病 语病 心病 "
            "毛病 老毛病 富贵病 职业病 精神病 神经病 起病 杂病 锈病 布病 根瘤 消炎 止痛 镇痛 心痛 悲痛 阵痛 伤痛 苦痛 "
            "痛痛 病痛 止血 献血 输血 采血 补血 活血 放血 凝血 溶血 缺血 充血 出血 退烧 退热 解热 产热 无热 湿热 积热 "
            "实热 肺热 夏眠 催眠 安眠 脱敏 适应症 适应证 禁忌症 并发 医风 防风 祛风 驱风 八风 伤风 泽泻 板障 残障 "
            "疫病 血症 热症 寒症 湿症 肝血 潜血 跳痛 钝痛 灼痛 压痛 刺痛 疼痛 绝症 病症 症状 炎症 疾病 感染 综合症 "
            "狂犬病 流行病 传染病 慢病 慢性病 手足口病 艾滋病 性病 花柳病 相思病 公主病 拖延症 强迫症 恐高症 懒癌 "
            "晚期癌症 出血热 硬化 衰竭 消心痛 消炎痛"
        )
        - _words("狂犬病 流行病 传染病 慢性病 手足口病 艾滋病 强迫症 出血热"),
        _items(
            "高血压, 高血脂, 高血糖, 低血糖, 三高, 痛风, 幽门螺杆菌, 乙肝, 丙肝, 甲亢, 甲减, 甲状腺结节, 肺结节, 乳腺结节, 子宫肌瘤, 脂肪肝, "
            "水痘, 带状疱疹, 心梗, 脑梗, 冠心病, 房颤, 早搏, 腰椎间盘突出, 颈椎病, 膝盖疼, 腰疼, 胃胀, 反流, 抑郁症, 焦虑症, 多囊, hpv, 荨麻疹, "
            "diabetes, hypertension, cancer, tumor, tumors, tumours, arthritis, asthma, "
            "eczema, depression, anxiety, insomnia, acne, cholesterol, migraine, "
            "fatty liver, thyroid"
        ),
        "Diseases and symptoms (THUOCL medical, suffix family, DF ≥ 30).",
    ),
    Vocabulary(
        "vocab_health_drugs",
        "medical",
        r"(霉素|西林|沙星|洛韦|他汀|地平|洛尔|普利|沙坦|双胍|格列.|胰岛素|激素|维生素|片|胶囊|颗粒|口服液|注射液|滴丸|"
        r"药丸|丸|软膏|药膏|喷剂|药|疫苗)",
        20,
        _words(
            "薄片 涂片 刮片 冰片 切片 芯片 图片 照片 胶片 卡片 名片 影片 大片 唱片 药片 鱼片 肉片 片片 纸片 碎片 "
            "农药 炸药 火药 弹药 毒药 春药 麻药 下药 吃药 用药 服药 买药 卖药 配药 抓药 换药 停药 送药 医药 制药 "
            "新药 假药 禁药 兽药 中药 西药 草药 良药 解药 补药 灵药 丹药 药药 成药 原料药 农兽药 兴奋剂 疫苗 "
            "颗粒 细颗粒 胶囊 空心胶囊 丸 肉丸 鱼丸 汤丸 弹丸 睾丸 药丸 软膏 药膏 激素 胸片 x片 刀片 肉丸子 牛丸 "
            "丸子 一片 两片 三片 斑片 没药 煎药 牙片 耐药 萼片 骨片 鼠药 白药 宫颈刮片 宫颈涂片 "
            "口服给药 注射给药 接种疫苗 给药 用药"
        )
        - _words("中药 西药"),
        _items(
            "降压药, 降糖药, 降脂药, 消炎药, 退烧药, 止痛药, 安眠药, 抗生素, 布洛芬, 对乙酰氨基酚, 阿莫西林, 头孢, 二甲双胍, 阿司匹林, 他汀, "
            "褪黑素, 秋水仙碱, 奥司他韦, 蒙脱石散, 四联药, 四联疗法, 降压片, 胰岛素, 激素药, 抗抑郁药, 避孕药, 益生菌, 保健品, "
            "metformin, statins, statin, insulin, ibuprofen, paracetamol, acetaminophen, "
            "aspirin, antibiotics, antibiotic, melatonin, antidepressants, steroids, "
            "retinol, tretinoin, vitamin d, magnesium, creatine"
        ),
        "Drugs and medicines (THUOCL medical, suffix family, DF ≥ 20).",
    ),
    Vocabulary(
        "vocab_health_measures",
        "medical",
        r"(血糖|血压|血脂|尿酸|胆固醇|甘油三酯|转氨酶|肌酐|血红蛋白|白细胞|血小板|骨密度|心率|血氧|眼压|尿蛋白|"
        r"脂蛋白|抗原|肝功能|肾功能)",
        20,
        _words("抗原 血压计 测血压 量血压 高压 低压 指标"),
        _items(
            "血糖, 血压, 血脂, 尿酸, 胆固醇, 甘油三酯, 转氨酶, 肌酐, 糖化, 糖化血红蛋白, 空腹血糖, 餐后血糖, 收缩压, 舒张压, 心率, 血氧, "
            "体脂率, 甲功, 肿瘤标志物, blood sugar, blood pressure, a1c, hba1c, ldl, cholesterol, "
            "uric acid"
        ),
        "Body measures a remedy is claimed to change (THUOCL medical, suffix family, DF ≥ 20).",
    ),
    Vocabulary(
        "vocab_finance_instruments",
        "caijing",
        r"(基金|债券|国债|股票|期货|期权|理财|存单|信托|年金|蓝筹股|个股|港股|美股|新股|指数|黄金|外汇|股)",
        50,
        _words(
            "控股 合股 公股 换股 拆股 送股 配股 选股 炒股 持股 入股 参股 股股 实股 股东 股份 股权 国有股 法人股 "
            "自然人股 库藏股 物价指数 指数 农产品 纪念币 黄金周 黄金时间 个人理财 理财 限售股 流通股"
        ),
        _items(
            "基金, 指数基金, 债基, 货基, etf, 股票, 个股, a股, 港股, 美股, 可转债, 国债, 黄金, 比特币, 虚拟币, 理财产品, 大额存单, "
            "年金险, 增额终身寿, 储蓄险, 定投, 纳指, 标普, stocks, etfs, index fund, index funds, bonds, "
            "crypto, bitcoin, btc, nvidia, tesla, s&p 500, nasdaq"
        ),
        "Financial instruments (THUOCL caijing, suffix family, DF ≥ 50).",
    ),
    Vocabulary(
        "vocab_justice_procedures",
        "law",
        r"(诉讼|仲裁|起诉|上诉|申诉|立案|调解|离婚协议|财产分割|抚养权|抚养费|继承|遗嘱|公证|强制执行|取保候审|"
        r"赔偿金|违约金|补偿金|经济补偿|劳动合同|借条|欠条|彩礼|婚前财产|共同财产|工伤认定)",
        50,
        _words("继承 公证 国家公证 申诉 调解"),
        _items(
            "起诉, 上诉, 仲裁, 劳动仲裁, 立案, 诉讼, 判决, 离婚协议, 财产分割, 抚养权, 抚养费, 遗嘱, 继承, 借条, 欠条, 律师函, 强制执行, "
            "取保候审, 赔偿金, 违约金, 经济补偿, n+1, 2n, 工伤认定, 彩礼, 婚前财产, 夫妻共同财产, 共同债务, 房产证, 加名, 净身出户, "
            "lawsuit, small claims, custody, prenup, settlement, severance, divorce, "
            "alimony"
        ),
        "Legal procedures and instruments (THUOCL law, suffix family, DF ≥ 50).",
    ),
    Vocabulary(
        "vocab_education_exams",
        None,
        r"",
        0,
        frozenset(),
        _items(
            "中考, 高考, 考研, 考公, 国考, 省考, 四六级, 四级, 六级, 雅思, 托福, 教资, 期末考, 期末, 月考, 小升初, 分数线, 录取, 志愿, "
            "一本, 985, 211, 双一流, 名校, 重点高中, 重点大学, 提分, 真题, 模拟卷, 完形, 完形填空, 阅读理解, 作文, 单词, 错题, 刷题, "
            "数学, 英语, 语文, 物理, 化学, 考前, 冲刺, 上岸, 考编, 奥数, 竞赛, 补习, 补课, 辅导班, 培训班, 课外班, 成绩, "
            "考试, 家教, 幼小衔接, 学区, ielts, toefl, sat, gre, gaokao, exam, "
            "exams, admission, admissions"
        ),
        "Exam and study terms (hand-kept: THUOCL has no education list).",
    ),
)


def read_thuocl(path: Path) -> list[tuple[str, int]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, df = line.partition("\t")
        word = word.replace(" ", "").strip()
        if word and df.strip().isdigit():
            out.append((word, int(df.strip())))
    return out


def derive(vocab: Vocabulary, thuocl: Path) -> list[str]:
    words: list[str] = []
    if vocab.source is not None:
        tail = re.compile(f"(?:{vocab.suffixes})$")
        for word, df in read_thuocl(thuocl / f"THUOCL_{vocab.source}.txt"):
            if df >= vocab.min_df and 2 <= len(word) <= vocab.max_len and tail.search(word):
                if word not in vocab.stop:
                    words.append(word)
    words.extend(vocab.extra)
    return sorted(dict.fromkeys(words), key=lambda w: (len(w), w))


def render(vocab: Vocabulary, words: list[str]) -> str:
    lines = [
        f"# {vocab.about}",
        "# Generated by tools/build_field_vocab.py: do not edit by hand, edit the script's stop lists.",
    ]
    if vocab.source is not None:
        lines.append(f"# {ATTRIBUTION}")
    lines += ['kind = "lexicon"', f'lexicon = "{vocab.lexicon}"', "entries = ["]
    row: list[str] = []
    for w in words:
        row.append('"' + w.replace("\\", "\\\\").replace('"', '\\"') + '"')
        if len(row) == 16:
            lines.append("  " + ", ".join(row) + ",")
            row = []
    if row:
        lines.append("  " + ", ".join(row) + ",")
    lines.append("]")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--thuocl", type=Path, default=THUOCL)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    for vocab in VOCABULARIES:
        words = derive(vocab, args.thuocl)
        (args.out / f"{vocab.lexicon}.toml").write_text(render(vocab, words), encoding="utf-8")
        print(f"{vocab.lexicon}: {len(words)} entries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

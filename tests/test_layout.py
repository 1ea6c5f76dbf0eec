"""The layout holds: pure stage code imports without spaCy, one component per stage folder,
no module or function grows too long, and word lists live in seedie/data/, not in code."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "seedie"
STAGES = ("text", "analyzers", "quantities", "dates", "orgs", "relations")
# Modules that wire seedie into spaCy; everything else must import without it.
SPACY_MODULES = {"api", "pipeline", "pipe", "extensions", "render", "cli", "dask", "__main__"}


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def _is_pure(module: str) -> bool:
    parts = module.split(".")
    if parts[-1] == "component" or (len(parts) > 1 and parts[1] == "analyzers"):
        return False
    return not (len(parts) == 2 and parts[1] in SPACY_MODULES)


PURE = [m for m in _modules() if _is_pure(m) and m != "seedie"]

BLOCK = """
import importlib, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("spacy", "thinc"):
            raise ImportError("blocked: " + name)
        return None
sys.meta_path.insert(0, Block())
importlib.import_module(sys.argv[1])
assert "spacy" not in sys.modules
"""


@pytest.mark.parametrize("module", PURE)
def test_pure_module_imports_without_spacy(module):
    proc = subprocess.run(
        [sys.executable, "-c", BLOCK, module], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize("stage", STAGES[2:])
def test_each_stage_folder_has_one_component(stage):
    folder = PACKAGE / stage
    assert (folder / "component.py").is_file()
    wired = [p.name for p in folder.glob("*.py") if "spacy" in p.read_text(encoding="utf-8")
             and p.name not in ("component.py", "__init__.py")]  # fmt: skip
    assert [w for w in wired if "import spacy" in (folder / w).read_text(encoding="utf-8")
            or "from spacy" in (folder / w).read_text(encoding="utf-8")] == []  # fmt: skip


def _py_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_over_400_lines():
    sizes = {str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines())
             for p in _py_files()}  # fmt: skip
    assert {k: v for k, v in sizes.items() if v > 400} == {}


def test_no_function_over_80_lines():
    long = {}
    for path in _py_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                if size > 80:
                    long[f"{path.relative_to(PACKAGE)}:{node.name}"] = size
    assert long == {}


# --- Character classes: the Han range is spelled once, in seedie/text/chars.py -----------
_HAN_SPELLINGS = re.compile(r"\\u4e00|\\u9fff|[\u4e00]-|-[\u9fff]")


@pytest.mark.parametrize(
    ("source", "spells_it"),
    [
        ('X = re.compile(r"[\\u4e00-\\u9fff]+")', True),  # the escape, as a pattern writes it
        ('X = re.compile("[\u4e00-\u9fff]+")', True),  # the characters themselves
        ('Y = "\\u4e00" <= ch', True),
        ('X = re.compile(rf"[{HAN}]+")', False),
        ('X = "一二三"', False),  # 一 alone is a numeral, not the range
    ],
)
def test_han_spelling_check(source, spells_it):
    assert bool(_HAN_SPELLINGS.search(source)) is spells_it


def test_han_range_defined_once():
    spelled = [
        str(path.relative_to(PACKAGE))
        for path in _py_files()
        if path.name != "chars.py" and _HAN_SPELLINGS.search(path.read_text(encoding="utf-8"))
    ]
    assert spelled == [], f"use seedie.text.chars.HAN (or HAN_FIRST/HAN_LAST) in {spelled}"


# --- Words in code: Chinese word lists belong in seedie/data/, not in modules -------------
#
# Counted: each Chinese alternative of a string used as a regex alternation (a string or
# f-string holding an unescaped | outside a character class: every run of Chinese characters
# outside classes and escapes), each Chinese string item of a literal tuple, list, set or dict,
# each item of a literal "… …".split() and each character of set("…")/frozenset("…").
# Not counted: docstrings and comments, single strings (text.startswith("公司")), character
# classes, and runs made only of structural characters (年月日时 and numerals).
WORD_BUDGET = 40
NOT_COUNTED = ("seedie/evaluation/",)  # the scorer's own rules, not part of extraction
# The financial and traditional numerals (壹贰叁, 拾佰仟, 萬億, 兆, 幺, 兩) are digits as much as
# 一二三 are: the numeral grammar's character set, not vocabulary a table should hold.
_STRUCTURAL = frozenset(
    "年月日时〇零一二三四五六七八九十百千万亿两壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兆幺兩"
)
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _is_word(s: str) -> bool:
    return any(_CJK_RE.match(c) and c not in _STRUCTURAL for c in s)


def _regex_runs(pattern: str) -> tuple[list[str], bool]:
    """The runs of Chinese characters of ``pattern`` outside escapes and character classes,
    and whether it holds an alternation (a ``|`` outside escapes and classes)."""
    runs, run = [], ""
    alternation = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if _CJK_RE.match(c):
            run += c
            i += 1
            continue
        runs.append(run)
        run = ""
        if c == "\\":
            i += 2  # an escape: \d, \u4e00, \|
        elif c == "[":
            i += 1
            i += pattern.startswith("^", i)
            i += pattern.startswith("]", i)  # a leading ] belongs to the class
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
        else:
            alternation = alternation or c == "|"
            i += 1
    return [r for r in [*runs, run] if r], alternation


def chinese_words_in_code(source: str) -> list[str]:
    """The Chinese words spelled out in ``source`` (see the comment above)."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = body[0] if body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))  # a docstring
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)  # read with the f-string
    words: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            pattern = "".join(
                v.value if isinstance(v, ast.Constant) else "\x00" for v in node.values
            )
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        ):
            pattern = node.value
        else:
            pattern = None
        if pattern is not None:
            runs, alternation = _regex_runs(pattern)
            if alternation:
                words += [r for r in runs if _is_word(r)]
        items: list[ast.expr | None] = []
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = [*node.keys, *node.values]
        for item in items:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                if _is_word(item.value) and not _regex_runs(item.value)[1]:
                    words.append(item.value)
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)):
            func, arg = node.func, None
            if isinstance(func, ast.Attribute) and func.attr == "split" and not node.args:
                arg = func.value
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    words += [w for w in arg.value.split() if _is_word(w)]
            if isinstance(func, ast.Name) and func.id in ("set", "frozenset") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    words += [c for c in arg.value if _is_word(c)]
    return words


_SAMPLE = '''
"""A docstring with 公司|集团 is prose."""
import re
# A comment with 公司|集团 is prose too.
A = re.compile(r"(?:公司|集团)[省市县](?:年|月)\\d+日")  # 公司, 集团; [省市县], 年, 月, 日 not
B = ("项目", "工程", "，", "十五")  # 项目, 工程
C = {"上午": "morning", "下午": "afternoon"}  # 上午, 下午
D = "部 处 办公室".split()  # 部, 处, 办公室
E = frozenset("我该")  # 我, 该
F = "公司"  # a single string
G = f"(?:{A}|总部|{B})"  # 总部


def f(x):
    """公司|集团"""
    return x.endswith(("分公司", "子公司"))  # 分公司, 子公司
'''


def test_word_counter_counts():
    assert sorted(chinese_words_in_code(_SAMPLE)) == sorted([
        "公司", "集团", "项目", "工程", "上午", "下午", "部", "处", "办公室", "我", "该",
        "总部", "分公司", "子公司",
    ])  # fmt: skip
    # The date scanner before its words moved to dates.json: every word is seen.
    old = 'X = r"(?P<pre>自从|自|从)?(?:上午|下午|晚(?![会宴]))(?:至|到)"\nY = {"今年": 0}'
    assert sorted(chinese_words_in_code(old)) == sorted(
        ["自从", "自", "从", "上午", "下午", "晚", "至", "到", "今年"]
    )
    assert chinese_words_in_code('X = "二〇二五年|十月"\nY = ("一", "十二")') == []  # structural
    # Financial numerals are digits too, but a word holding one is still a word.
    assert chinese_words_in_code('X = "壹佰|萬億"\nY = ("贰", "兩岸", "億元")') == ["兩岸", "億元"]


def test_chinese_words_in_code_within_budget():
    found: dict[str, list[str]] = {}
    for path in _py_files():
        rel = path.relative_to(PACKAGE.parent).as_posix()
        if rel.startswith(NOT_COUNTED):
            continue
        words = chinese_words_in_code(path.read_text(encoding="utf-8"))
        if words:
            found[rel] = words
    total = sum(len(w) for w in found.values())
    assert total <= WORD_BUDGET, (
        f"{total} Chinese words in code (budget {WORD_BUDGET}); move word lists to "
        f"seedie/data/ (seedie/data/README.md) and build patterns with "
        f"seedie.lexicon.alternation: {found}"
    )


def test_word_tables_are_documented():
    """Every key of dates.json and units.json says what it holds in the table's _comment, and
    places.json's _doc names its keys besides places; the per-concept tables of
    seedie/data/README.md name only keys their table has, and every key of dates.json."""
    data = PACKAGE / "data"
    dates = json.loads((data / "dates.json").read_text(encoding="utf-8"))
    for name, doc in (
        ("dates.json", "_comment"),
        ("units.json", "_comment"),
        ("places.json", "_doc"),
    ):
        table = json.loads((data / name).read_text(encoding="utf-8"))
        comment = table[doc]
        keys = [k for k in table if not k.startswith("_") and k != "places"]
        assert [k for k in keys if not re.search(rf"\b{k}\b", comment)] == [], name
    readme = (data / "README.md").read_text(encoding="utf-8")
    named: dict[str, set[str]] = {}
    for section in re.split(r"\n### ", readme)[1:]:
        table = re.match(r"`([a-z_]+\.json)`", section)
        if table is None:
            continue
        for row in section.splitlines():
            if row.startswith("| `"):
                cell = row.split("|")[1]
                named.setdefault(table.group(1), set()).update(re.findall(r"`(\w+)`", cell))
    for name, keys in named.items():
        table_keys = set(json.loads((data / name).read_text(encoding="utf-8")))
        assert keys - table_keys == set(), name
    assert set(named["dates.json"]) == {k for k in dates if not k.startswith("_")}

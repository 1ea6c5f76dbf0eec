"""seedie in five steps: run with ``python examples/quickstart.py`` (offline)."""

from pathlib import Path

import seedie

# 1. Normalize a single expression (pure Python, no pipeline needed).
q = seedie.parse_quantity("300多万千瓦")
print(q.value, q.unit, q.low, q.high, q.qualifier)  # 3000000.0 kW 3000000.0 4000000.0 over

# 2. Find every quantity in running text, with character offsets.
text = "借由交易中心搭建的平台，每天超过500万枚鸡蛋从高山直达湾区餐桌。"
for found in seedie.find_quantities(text):
    print(found.text, found.start, found.end, found.value, found.per)

# 3. Extract typed facts from a whole article.
article = (Path(__file__).resolve().parent.parent / "seeds" / "003_2845115161f2390a.txt").read_text(
    encoding="utf-8"
)
result = seedie.extract(article)
print(result.to_table())

# 4. The spaCy pipeline itself: spans, KB ids, extension attributes.
nlp = seedie.load()
doc = nlp("比亚迪集团在贵州投资的项目年产值已超百亿元。")
for span in doc.spans["seedie_orgs"]:
    print(span._.seedie_org["mention"], span.kb_id_, span._.seedie_org["canonical"])
for span in doc.spans["seedie_quantities"]:
    print(span.text, span.label_, span._.seedie_quantity["low"])

# 5. JSON for machines.
print(result.to_json()[:200], "...")

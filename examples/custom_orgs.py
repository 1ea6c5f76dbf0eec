"""Organizations seedie does not know, from your own list: two ways (run it, offline).

    python examples/custom_orgs.py

1. KB records: ``seedie.load(kb=[...])`` merges them into the shipped knowledge base; the
   ``seedie_orgs`` stage then finds, merges and links them like any other organization.
2. A component of your own, added after ``seedie_orgs`` and before ``seedie_relations``, that
   writes what the relation stage reads: ``doc._.seedie_companies`` (one ``Company`` dict per
   organization, with its mentions) and, for displaCy/``seedie.render``, spans in
   ``doc.spans["seedie_orgs"]``.
3. A component before ``seedie_orgs`` that sets ORG entities in ``doc.ents``: with
   ``use_ner = true`` (the default) ``seedie_orgs`` takes them as candidates and links them.

See docs/extending.md for what each stage reads and writes.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import seedie
from seedie.types import Company, Mention

TEXT = "6月10日上午，云南省党政代表团来到木禾优品考察。木禾优品去年营收12亿元，员工800余人。"
MY_COMPANIES = ["木禾优品", "岚山云仓"]  # e.g. read from your CRM export


def show(title: str, nlp: Language) -> seedie.Extraction:
    result = seedie.extract(TEXT, nlp=nlp)
    print(f"== {title}")
    print("  organizations:", [(c.name, c.id) for c in result.companies])
    print("  visits:", [(v.delegation, v.host) for v in result.visits])
    print("  claims:", [(c.subject, c.metric, c.quantity.text) for c in result.claims])
    return result


# --- 2. a component that adds organizations from a list of names ---------------------------
@Language.factory(
    "company_list",
    assigns=["doc._.seedie_companies", "doc.spans"],
    default_config={"names": [], "kind": "company", "spans_key": "seedie_orgs"},
)
def make_company_list(
    nlp: Language, name: str, names: list[str], kind: str, spans_key: str
) -> CompanyList:
    return CompanyList(names, kind=kind, spans_key=spans_key)


class CompanyList:
    """Mark every occurrence of the listed names as an organization (longest name first)."""

    def __init__(self, names: list[str], *, kind: str, spans_key: str) -> None:
        ordered = sorted(set(names), key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self.kind = kind
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        if self.pattern is None:
            return doc
        companies: list[dict[str, Any]] = list(doc._.seedie_companies or [])
        spans: list[Span] = list(doc.spans.get(self.spans_key, []))
        taken = [(m["start"], m["end"]) for c in companies for m in c["mentions"]]
        found: dict[str, list[Mention]] = {}
        for m in self.pattern.finditer(doc.text):  # character offsets, never tokens
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # seedie_orgs already has an organization here
            found.setdefault(m.group(), []).append(
                Mention(text=m.group(), start=m.start(), end=m.end())
            )
        for surface, mentions in found.items():
            company = Company(id=f"local:{surface}", name=surface, kind=self.kind,
                              aliases=[surface], mentions=mentions)  # fmt: skip
            companies.append(company.to_dict())
            info = {"id": company.id, "name": company.name, "kind": company.kind, "url": None}
            for mention in mentions:
                span = doc.char_span(mention.start, mention.end, label="ORG",
                                     kb_id=company.id, alignment_mode="expand")  # fmt: skip
                if span is not None:
                    span._.seedie_org = dict(info, start=mention.start, end=mention.end)
                    spans.append(span)
        doc._.seedie_companies = companies
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start_char, s.end_char))
        return doc


# --- 3. ORG entities for seedie_orgs to pick up -------------------------------------------
@Language.factory("org_entities", default_config={"names": []})
def make_org_entities(nlp: Language, name: str, names: list[str]) -> Any:
    ordered = sorted(set(names), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def set_entities(doc: Doc) -> Doc:
        if pattern is None:
            return doc
        found = [doc.char_span(m.start(), m.end(), label="ORG", alignment_mode="expand")
                 for m in pattern.finditer(doc.text)]  # fmt: skip
        # filter_spans keeps the longest span where the base's own entities overlap
        doc.ents = filter_spans([s for s in found if s is not None] + list(doc.ents))
        return doc

    return set_entities


def main() -> None:
    show("shipped KB only", seedie.load("default"))

    # 1. KB records (the usual way: linking, aliases and KB ids come with them)
    records = [
        {"id": "muhe", "name": "木禾优品有限公司", "aliases": ["木禾优品"], "kind": "company"},
        {"id": "lanshan-yuncang", "name": "岚山云仓", "kind": "company"},
    ]
    show("kb=records", seedie.load("default", kb=records))

    # 2. your own component, between seedie_orgs and seedie_relations
    nlp = seedie.load("default")
    nlp.add_pipe("company_list", after="seedie_orgs", config={"names": MY_COMPANIES})
    show("company_list component", nlp)

    # 3. ORG entities, before seedie_orgs
    nlp = seedie.load("default")
    nlp.add_pipe("org_entities", before="seedie_orgs", config={"names": MY_COMPANIES})
    show("org_entities component", nlp)


if __name__ == "__main__":
    main()

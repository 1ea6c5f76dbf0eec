"""``seedie_orgs``: organization mentions from NER, name patterns and the KB, linked in-text.

Sources, merged by :func:`seedie.orgs.linking.link_organizations`:
- the base pipeline's ORG entities (LAC in the offline default, zh_core_web_sm when used);
- name patterns (a stem plus an organization head: 集团, 公司, 中心, 厅 …), which also extend
  NER spans (比亚迪 -> 比亚迪集团);
- the knowledge base's names and aliases (``seedie.org_kb.v1``, extendable by users).

Results: ``doc.spans["seedie_orgs"]`` (label ORG, ``span.kb_id_`` = the entity id: the KB
id, or ``local:<name>`` for organizations the KB does not know), ``span._.seedie_org``
(entity id, canonical name, kind) and ``doc._.seedie_companies`` (one dict per entity).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .. import extensions  # noqa: F401
from ..errors import Errors
from .kb import OrgKB
from .linking import is_title_only, link_organizations
from .names import OrgCandidate, find_org_names, is_congress
from .names import lexicon as org_lexicon

_NOT_COMPANIES = frozenset({"delegation", "publisher"})
# Universal POS that never occur inside an organization's name stem.
_NOT_IN_NAMES = frozenset({"VERB", "PRON", "ADV", "ADP", "PART", "CCONJ", "SCONJ", "PUNCT", "AUX"})


@registry.misc("seedie.org_kb.v1")
def load_org_kb(path: str | None = None, extra: list[str] | None = None) -> OrgKB:
    """The shipped KB (``path`` None) or a JSONL file, merged with any ``extra`` JSONL files."""
    kb = OrgKB.default() if path is None else OrgKB.from_jsonl(path)
    for extra_path in extra or []:
        kb = kb.merge(OrgKB.from_jsonl(extra_path))
    return kb


def coerce_kb(kb: Any) -> OrgKB:
    """Accept an OrgKB, a JSONL path or a list of record dicts."""
    if isinstance(kb, OrgKB):
        return kb
    if isinstance(kb, (str, Path)):
        return OrgKB.from_jsonl(kb)
    if isinstance(kb, list) and all(isinstance(r, dict) for r in kb):
        return OrgKB.from_records(kb)
    raise TypeError(Errors.E006.format(got=type(kb).__name__))


@Language.factory(
    "seedie_orgs",
    assigns=["doc.spans", "span._.seedie_org", "doc._.seedie_companies"],
    default_config={
        "kb": {"@misc": "seedie.org_kb.v1", "path": None, "extra": []},
        "spans_key": "seedie_orgs",
        "home_region": None,
        "use_ner": True,
        "annotate_ents": False,
    },
)
def make_orgs(
    nlp: Language,
    name: str,
    kb: OrgKB,
    spans_key: str,
    home_region: str | None,
    use_ner: bool,
    annotate_ents: bool,
) -> OrgLinker:
    """Factory: ``nlp.add_pipe("seedie_orgs", config={"home_region": "贵州"})``.

    Example:
        >>> doc = nlp("比亚迪集团与贵阳比亚迪"); {s.kb_id_ for s in doc.spans["seedie_orgs"]}
        {'byd'}
    """
    return OrgLinker(
        name=name,
        kb=kb,
        spans_key=spans_key,
        home_region=home_region,
        use_ner=use_ner,
        annotate_ents=annotate_ents,
    )


class OrgLinker:
    """Find, merge and link organizations; see the module docstring."""

    def __init__(
        self,
        *,
        name: str,
        kb: OrgKB,
        spans_key: str = "seedie_orgs",
        home_region: str | None = None,
        use_ner: bool = True,
        annotate_ents: bool = False,
    ) -> None:
        self.name = name
        self.kb = kb
        self.spans_key = spans_key
        self.home_region = home_region
        self.use_ner = use_ner
        self.annotate_ents = annotate_ents

    def _plausible(self, doc: Doc, cand: OrgCandidate) -> OrgCandidate | None:
        """A pattern name holds no verb, pronoun, adverb or function word: 察看数字福建产业园
        becomes 数字福建产业园, 希望黄埔同学会 too; a name left with a one-character stem is
        dropped. Checked on the base pipeline's POS where it has any."""
        if cand.source != "pattern":
            return cand
        span = doc.char_span(cand.start, cand.end, alignment_mode="contract")
        if span is None or len(span) < 2:
            return cand
        # The last token is the head (基地, 中心); only the stem before it is checked.
        # 纺织, 制造: industry words are often tagged as verbs but belong in names.
        industry = _industry_words()
        bad = [t for t in span[:-1] if t.pos_ in _NOT_IN_NAMES and t.text not in industry]
        if not bad:
            return cand
        new_start = bad[-1].idx + len(bad[-1].text)
        if span[-1].idx - new_start < 2:
            return None
        return OrgCandidate(new_start, cand.end, cand.source, cand.head)

    def add_kb(self, kb: Any) -> None:
        """Merge user records (OrgKB, JSONL path, or list of dicts) into this component's KB."""
        self.kb = self.kb.merge(coerce_kb(kb))

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        ner = (
            [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
            if self.use_ner
            else []
        )
        known = [(s, e) for s, e, _ in self.kb.find(text)]
        candidates = [OrgCandidate(s, e, "ner") for s, e in ner]
        candidates += [OrgCandidate(s, e, "kb") for s, e in known]
        # NER and KB spans both anchor the patterns (贵阳 + 比亚迪, 比亚迪 + 集团).
        seeds = sorted(set(ner + known))
        for cand in find_org_names(text, seeds):
            checked = self._plausible(doc, cand)
            if checked is not None:
                candidates.append(checked)
        home = self.home_region or guess_home_region(text)
        companies = link_organizations(text, candidates, self.kb, home_province=home)
        spans: list[Span] = []
        for company in companies:
            record = self.kb.get(company.kb_id) if company.kb_id else None
            url = record.url if record is not None else None
            info = {"id": company.id, "name": company.name, "kind": company.kind, "url": url}
            for m in company.mentions:
                span = doc.char_span(
                    m.start, m.end, label="ORG", kb_id=company.id, alignment_mode="expand"
                )
                if span is None:  # pragma: no cover
                    continue
                span._.seedie_org = dict(info, start=m.start, end=m.end)
                spans.append(span)
        spans.sort(key=lambda s: (s.start_char, s.end_char))
        doc.spans[self.spans_key] = spans
        # Delegations and byline publishers stay organization spans, but they are the visitor
        # and the newspaper, not organizations of the story; so are the bodies named only in
        # people's titles (市委书记, 县政协主席) and congresses (党的二十大), which are events.
        doc._.seedie_companies = [
            c.to_dict()
            for c in companies
            if c.kind not in _NOT_COMPANIES
            and not is_title_only(text, c)
            and not is_congress(c.name)
        ]
        if self.annotate_ents:
            from spacy.util import filter_spans  # noqa: PLC0415

            others = [e for e in doc.ents if e.label_ != "ORG"]
            doc.ents = filter_spans(spans + others)
        return doc

    # The KB travels with the pipeline, so nlp.to_disk() -> spacy.load() needs nothing else.
    def to_bytes(self, *, exclude: tuple[str, ...] = ()) -> bytes:
        return self.kb.to_bytes()

    def from_bytes(self, data: bytes, *, exclude: tuple[str, ...] = ()) -> OrgLinker:
        self.kb = OrgKB.from_bytes(data)
        return self

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.kb.to_disk(path / "kb.jsonl")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> OrgLinker:
        self.kb = OrgKB.from_disk(Path(path) / "kb.jsonl")
        return self


@lru_cache(maxsize=1)
def _industry_words() -> frozenset[str]:
    return frozenset(org_lexicon().industry_words)


@lru_cache(maxsize=1)
def _home_pattern() -> re.Pattern[str]:
    lex = org_lexicon()  # the same place and group-noun tables the name finder uses
    places = "|".join(sorted(map(re.escape, lex.places), key=len, reverse=True))
    groups = "|".join(map(re.escape, lex.groups))
    # 贵州省党政代表团, 深圳市代表团, 广东考察团 …: the place right before the group noun.
    return re.compile(rf"({places})(?:党政|政府|经贸)?(?:{groups})")


def guess_home_region(text: str) -> str | None:
    """The delegation's home region: the place of the first "<place>…代表团".

    Used to complete government short forms (省商务厅 -> 贵州省商务厅).
    """
    m = _home_pattern().search(text)
    if m is None:
        return None
    return _short_name(m.group(1))


def _short_name(place: str) -> str:
    for suffix in ("省", "市", "自治区"):
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return place

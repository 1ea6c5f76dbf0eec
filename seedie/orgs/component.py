"""``seedie_orgs``: organization mentions from NER, name patterns and the KB, linked in-text.

Sources, merged by :func:`seedie.orgs.linking.link_organizations`:
- the base pipeline's entities whose label ``ner_labels`` maps to a candidate kind (LAC in
  the offline default, zh_core_web_sm or any other base when used; see ``NER_LABELS``);
- name patterns (a stem plus an organization head: 集团, 公司, 中心, 厅 …), which also extend
  NER spans (比亚迪 -> 比亚迪集团);
- the knowledge base's names and aliases (``seedie.org_kb.v1``, extendable by users).

The visiting delegation is found first, once (:func:`seedie.orgs.delegation.find_delegation`):
its home completes government short forms (省商务厅 -> 贵州省商务厅) and it is stored as
``doc._.seedie_delegation`` for the relation stage.

Results: ``doc.spans["seedie_orgs"]`` (label ORG, ``span.kb_id_`` = the entity id: the KB
id, or ``local:<name>`` for organizations the KB does not know), ``span._.seedie_org``
(entity id, display ``name``, the KB's ``canonical`` name, this occurrence's ``mention``,
kind), ``doc._.seedie_companies`` (one dict per entity) and ``doc._.seedie_delegation`` (a
Delegation dict with its mentions, or None).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions, records
from ..errors import Errors
from ..pipe import SeediePipe, registered
from ..text.anchors import char_class
from ..text.invisible import INVISIBLE, strip_invisible, trim_span
from ..types import Company
from .delegation import find_delegation
from .kb import OrgKB
from .lexicon import head_of
from .lexicon import lexicon as org_lexicon
from .linking import is_title_only, link_organizations
from .names import SEED_LABELS, OrgCandidate, is_congress, org_name_spans, to_candidate

logger = logging.getLogger("seedie")

_NOT_COMPANIES = frozenset({"delegation", "publisher"})
# Universal POS that never occur inside an organization's name stem.
_NOT_IN_NAMES = frozenset({"VERB", "PRON", "ADV", "ADP", "PART", "CCONJ", "SCONJ", "PUNCT", "AUX"})
_NOUNS = frozenset({"NOUN", "PROPN", ""})  # "": a word the base gave no POS
# Tags whose words are adjectives even where the base's pos_ says VERB (CTB's VA).
_ADJECTIVE_TAGS = frozenset({"VA"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})  # the base's places, for the delegation's home
_INVISIBLE = char_class(INVISIBLE)

# Base entity label -> seedie candidate kind. "org": every such entity is an organization
# candidate (ORG: OntoNotes, as in zh_core_web_sm, and LAC/jieba in the offline default).
# "facility": a candidate only when its last word is an organization or facility head that
# seedie's name lexicon knows (比亚迪全球总部, 数字福建产业园), not for 人民大会堂 or a bridge.
# "ignore", like every label not listed (PERSON, GPE, LOC, NORP, MONEY, CARDINAL, DATE …):
# never an organization. The relation builder reads PERSON/PER and GPE/LOC itself.
NER_LABELS: dict[str, str] = {"ORG": "org", "FAC": "facility", "NORP": "ignore"}
CANDIDATE_KINDS = ("org", "facility", "ignore")


@registered("misc", "seedie.org_kb.v1")
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
    assigns=[
        "doc.spans",
        "span._.seedie_org",
        "doc._.seedie_companies",
        "doc._.seedie_delegation",
    ],
    default_config={
        "kb": {"@misc": "seedie.org_kb.v1", "path": None, "extra": []},
        "spans_key": "seedie_orgs",
        "home_region": None,
        "use_ner": True,
        "annotate_ents": False,
        "ner_labels": NER_LABELS,
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
    ner_labels: dict[str, str],
) -> OrgLinker:
    """Factory: ``nlp.add_pipe("seedie_orgs", config={"home_region": "贵州"})``.

    ``ner_labels`` maps the base pipeline's entity labels to candidate kinds ("org",
    "facility", "ignore"; see ``NER_LABELS``). spaCy merges a dict given in the config into
    the default: ``{"ORGANIZATION": "org"}`` adds a label, ``{"FAC": "ignore"}`` drops one.

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
        ner_labels=ner_labels,
    )


class OrgLinker(SeediePipe):
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
        ner_labels: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.kb = kb
        self.spans_key = spans_key
        self.home_region = home_region
        self.use_ner = use_ner
        self.annotate_ents = annotate_ents
        labels = dict(NER_LABELS if ner_labels is None else ner_labels)
        bad = {k: v for k, v in labels.items() if v not in CANDIDATE_KINDS}
        if bad:
            raise ValueError(Errors.E012.format(bad=bad, kinds=CANDIDATE_KINDS))
        self.ner_labels = labels

    def _base_entities(
        self, ents: Sequence[Span]
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The base's entities that ``ner_labels`` makes organization candidates (none when
        ``use_ner`` is off), and its places (GPE, LOC), in one pass over the entities."""
        found = []
        places = []
        facility_end = org_lexicon().facility_end_re
        labels = self.ner_labels if self.use_ner else {}
        for ent in ents:
            label = ent.label_
            if label in _PLACE_LABELS:
                places.append((ent.start_char, ent.end_char))
            kind = labels.get(label, "ignore")
            if kind == "org" or (
                kind == "facility"
                and (head_of(ent.text) is not None or facility_end.search(ent.text))
            ):
                found.append((ent.start_char, ent.end_char))
        return found, places

    def _plausible(self, doc: Doc, text: str, cand: OrgCandidate) -> OrgCandidate | None:
        """A pattern name holds no verb, pronoun, adverb or function word: 察看数字福建产业园
        becomes 数字福建产业园, 希望黄埔同学会 too; a name left with a one-character stem is
        dropped. Checked on the base pipeline's POS where it has any (none: kept as found).

        The head is the candidate's head word, from the word holding its first character:
        pkuseg's 华为|核心|算力|中心 and LAC's 核心算力中心 alike. Only words wholly inside the
        stem are checked. A verb that ends right at the head, after a noun of the stem, is part
        of a compound (华为核心算力|中心, 国家新型储能创新|中心); CTB's VA (predicative
        adjective, pos_ VERB in zh_core_web_sm: 新型) and industry words (纺织, 制造: often
        tagged as verbs) never cut a name.
        """
        if cand.source != "pattern":
            return cand
        start, end = cand.start, cand.end
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return cand
        tokens = list(span)  # each pass over a span builds its Token objects anew
        # The head begins with the word that holds its first character (the last word when
        # the candidate has no head word).
        head_start = head_char = tokens[-1].idx
        if cand.head and text.endswith(cand.head, start, end):
            head_char = end - len(cand.head)
            head_start = next(t.idx for t in tokens if t.idx + len(t.text) > head_char)
        stem = [t for t in tokens if t.idx >= start and t.idx + len(t.text) <= head_start]
        industry = org_lexicon().industry_word_set
        bad = [
            t
            for i, t in enumerate(stem)
            if t.pos_ in _NOT_IN_NAMES
            and t.tag_ not in _ADJECTIVE_TAGS
            and t.text not in industry
            and not (
                t.pos_ == "VERB"
                and i > 0
                and stem[i - 1].pos_ in _NOUNS
                and t.idx + len(t.text) == head_char
            )
        ]
        if not bad:
            return cand
        new_start = bad[-1].idx + len(bad[-1].text)
        if head_start - new_start < 2:
            return None
        return OrgCandidate(new_start, cand.end, cand.source, cand.head)

    def _mention_spans(self, doc: Doc, companies: list[Company]) -> list[Span]:
        """One ORG span per mention (its ``Span._.seedie_org`` set), in the companies' order."""
        spans: list[Span] = []
        taken: set[tuple[int, int]] = set()
        for company in companies:
            record = self.kb.get(company.kb_id) if company.kb_id else None
            url = record.url if record is not None else None
            # "name" is the company's display name (Company.name, kept for compatibility);
            # "canonical" the KB's full name when linked; "mention" this occurrence's text.
            canonical = record.name if record is not None else company.name
            info = {
                "id": company.id,
                "name": company.name,
                "canonical": canonical,
                "kind": company.kind,
                "url": url,
            }
            for m in company.mentions:
                span = doc.char_span(
                    m.start, m.end, label="ORG", kb_id=company.id, alignment_mode="expand"
                )
                # Span._ values are keyed by character offsets: two mentions inside one
                # token would share (and overwrite) one value, so the first keeps the span.
                if span is None:
                    continue
                at = (span.start_char, span.end_char)
                if at in taken:
                    continue
                taken.add(at)
                span._.seedie_org = dict(info, mention=m.text, start=m.start, end=m.end)
                spans.append(span)
        return spans

    def add_kb(self, kb: Any) -> None:
        """Merge user records (OrgKB, JSONL path, or list of dicts) into this component's KB."""
        self.kb = self.kb.merge(coerce_kb(kb))

    def process(self, doc: Doc) -> Doc:
        text = extensions.doc_text(doc)
        ents = doc.ents  # a property that rebuilds its tuple on every access: read it once
        ner, places = self._base_entities(ents)
        try:
            delegation = find_delegation(text, places).delegation
        except Exception:  # never raise on messy text: the story's organizations still count
            logger.warning("seedie_orgs: delegation search failed", exc_info=True)
            delegation = None
        doc._.seedie_delegation = delegation.to_dict() if delegation is not None else None
        known = [(s, e) for s, e, _ in self.kb.find(text)]
        candidates = [OrgCandidate(s, e, "ner") for s, e in ner]
        candidates += [OrgCandidate(s, e, "kb") for s, e in known]
        # NER and KB spans both anchor the patterns (贵阳 + 比亚迪, 比亚迪 + 集团).
        seeds = sorted(set(ner + known))
        base = set(seeds)
        for start, end, label in org_name_spans(text, seeds):
            # A seed the name finder left as it was repeats an NER or KB candidate, which
            # outranks it in the overlap resolution: that one is kept, or blocked as the
            # seed would be, or junk, and then so is the seed (the same surface; the junk
            # checks of a seed include those of an NER span and of a KB span).
            if label in SEED_LABELS and (start, end) in base:
                continue
            checked = self._plausible(doc, text, to_candidate(text, start, end, label))
            if checked is not None:
                candidates.append(checked)
        home = self.home_region or (delegation.home if delegation is not None else None)
        visible = _INVISIBLE.search(text) is None
        companies = [
            _clean_names(c, visible)
            for c in link_organizations(
                text, _trimmed(text, candidates), self.kb, home_province=home
            )
        ]
        spans = self._mention_spans(doc, companies)
        spans.sort(key=lambda s: (s.start_char, s.end_char))
        doc.spans[self.spans_key] = spans
        # Delegations and byline publishers stay organization spans, but they are the visitor
        # and the newspaper, not organizations of the story; so are the bodies named only in
        # people's titles (市委书记, 县政协主席) and congresses (党的二十大), which are events.
        records.write_companies(
            doc,
            [
                c
                for c in companies
                if c.kind not in _NOT_COMPANIES
                and not is_title_only(text, c)
                and not is_congress(c.name)
            ],
        )
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


def _trimmed(text: str, candidates: list[OrgCandidate]) -> list[OrgCandidate]:
    """Candidates without whitespace or invisible characters (BOM, zero-width space) at
    their edges; a candidate left empty is dropped."""
    out = []
    for cand in candidates:
        s, e = trim_span(text, cand.start, cand.end)
        if s == cand.start and e == cand.end and s < e:
            out.append(cand)  # nothing to trim: the same (immutable) candidate
        elif s < e:
            out.append(OrgCandidate(s, e, cand.source, cand.head))
    return out


def _clean_names(company: Company, visible_text: bool = False) -> Company:
    """No invisible character inside a name or alias (mentions keep the exact source text).

    ``visible_text``: the text holds no invisible character, so neither do the aliases (its
    surfaces, each once) and only the name (a KB or completed name, maybe) is looked at."""
    name = strip_invisible(company.name)
    if visible_text and name == company.name:
        return company
    aliases = list(dict.fromkeys(strip_invisible(a) for a in company.aliases))
    if name == company.name and aliases == company.aliases:
        return company
    return replace(company, name=name, aliases=aliases)

"""seedie.records: the Doc's extension dicts <-> typed records, in one place."""

from __future__ import annotations

from spacy.tokens import Doc

import seedie
from seedie import records
from seedie.types import Claim, Company, DateMention, Quantity

TEXT = "6月16日上午，贵州省党政代表团来到星河科技。星河科技去年营收达20亿元，员工近万人。"


def test_records_written_in_process_are_not_rebuilt(nlp) -> None:
    doc = nlp(TEXT)
    first, again = records.claims(doc), records.claims(doc)
    assert first and all(isinstance(c, Claim) for c in first)
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert [c.to_dict() for c in first] == doc._.seedie_claims


def test_records_survive_bytes_and_match_the_dicts(nlp) -> None:
    doc = nlp(TEXT)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert records.claims(copy) == records.claims(doc)
    assert records.companies(copy) == records.companies(doc)
    assert records.visits(copy) == records.visits(doc)
    assert records.delegation(copy) == records.delegation(doc)
    assert records.quantities(copy) == records.quantities(doc)
    assert records.dates(copy) == records.dates(doc)
    assert records.dates(doc) and all(isinstance(d, DateMention) for d in records.dates(copy))
    assert all(isinstance(c, Company) for c in records.companies(copy))
    assert all(isinstance(q, Quantity) for q in records.quantities(copy))


def test_replaced_dicts_are_read_again(nlp) -> None:
    doc = nlp(TEXT)
    assert records.claims(doc)
    doc._.seedie_claims = []
    assert records.claims(doc) == []


def test_dates_written_in_process_are_not_rebuilt_until_the_group_changes(nlp) -> None:
    doc = nlp(TEXT)
    first = records.dates(doc)
    assert first and all(a is b for a, b in zip(first, records.dates(doc), strict=True))
    assert [d.to_dict() for d in first] == [s._.seedie_date for s in doc.spans["seedie_dates"]]
    doc.spans["seedie_dates"] = []  # a replaced group is read again
    assert records.dates(doc) == []
    doc = nlp(TEXT)
    doc.spans["seedie_dates"].append(doc[-1:])  # a span without a date value: not a record
    assert records.dates(doc) == first


def test_extract_reads_through_records(nlp) -> None:
    doc = nlp(TEXT)
    result = seedie.extract(doc, nlp=nlp)
    assert result.claims == records.claims(doc)
    assert result.companies == records.companies(doc)
    assert [c.subject for c in result.claims] == ["星河科技", "星河科技"]

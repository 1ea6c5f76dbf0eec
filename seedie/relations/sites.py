"""Stops that no organization mention covers become organizations of the article (no spaCy).

A list of stops names sites the linker does not know (某某产业园, 某某智慧工厂) and, when the
list says what its members are (12家企业，包括… / …等企业), plain names (某某电机). Each such
host is an organization the article talks about, unless its name says it is a place (某某村,
``site_not_organization_ends`` in ``relations.json``): one :class:`Company` per distinct host
(document-local id ``local:NAME``, kind from its head word), its mentions the visits'
offsets, and the visits point at it through ``host_id``. A linked organization found only
as the end of such a site's name (某某人工智能研究院 in 甲市综合性某某人工智能研究院)
was a piece of it: the site takes its place. One at its start is the project's owner
(某某稀土 of 某某稀土永磁材料生产项目) and stays.
"""

from __future__ import annotations

from dataclasses import replace

from ..orgs.lexicon import head_of
from ..types import Company, Mention, Visit
from .context import lexicon

__all__ = ["site_organizations"]


def site_organizations(
    visits: list[Visit], companies: list[Company]
) -> tuple[list[Company], list[Visit]]:
    """(the article's organizations with the sites added, visits with ``host_id`` set).

    Example: a visit to 某某科技园 with ``host_id=None`` adds
    ``Company(id="local:某某科技园", name="某某科技园", kind="other", …)``.
    """
    taken = {c.id for c in companies}
    # A host that is an organization's name or mention already is that organization.
    known = {c.name: c.id for c in companies}
    known.update({m.text: c.id for c in companies for m in c.mentions})
    places = tuple(lexicon()["site_not_organization_ends"])
    by_name: dict[str, Company] = {}
    out: list[Visit] = []
    for visit in visits:
        if visit.host_id is not None or not visit.host or visit.host.endswith(places):
            out.append(visit)
            continue
        if visit.host in known:
            out.append(replace(visit, host_id=known[visit.host]))
            continue
        site = by_name.get(visit.host)
        mention = (
            [Mention(text=visit.host, start=visit.start, end=visit.end)]
            if visit.start is not None and visit.end is not None
            else []
        )
        if site is None:
            ident = f"local:{visit.host}"
            if ident in taken:
                ident = f"local:site:{visit.host}"
            head = head_of(visit.host)
            site = Company(
                id=ident, name=visit.host, kind=head[1] if head else "other", mentions=mention
            )
        else:
            site = replace(site, mentions=site.mentions + mention)
        by_name[visit.host] = site
        out.append(replace(visit, host_id=site.id))
    if not by_name:
        return list(companies), out
    spans = [(m.start, m.end) for s in by_name.values() for m in s.mentions]
    pieces = {
        c.id
        for c in companies
        if c.mentions
        and all(any(a <= m.start and m.end == b for a, b in spans) for m in c.mentions)
    }
    return [c for c in companies if c.id not in pieces] + list(by_name.values()), out

"""One person given two homes: 'Ana Pereira, 61, of Elm Park' / 'Pereira, who lived in Maple Heights'.

Homes are read per statement (compare.facts.residences) and compared across reports wherever alignment
put them. A home inside another ('of Queens' / 'lived in Elm Park', a district of it) is no dispute, and
without a gazetteer the tool cannot tell: a pair is compared only when neither report names the other's
place anywhere, as a report giving the district nearly always names the borough or city it lies in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compare.facts import aliases
from compare.facts.residences import ResidenceReading
from compare.judge.base import Draft, Side, draft, told_per_report
from compare.judge.spans import span_in_statement
from compare.model import Claim, FindingType, Severity

LEAD = "The reports give the same person different homes"
_NOTE = "check that one place is not inside the other, and that the person did not move"


def residence_drafts(claims: Sequence[Claim], side: Callable[[str], Side]) -> list[Draft]:
    """A named person's home in one report against another home in another report. One finding per
    person and pair of reports; never when either report names the other's place."""
    claim_of, homes = told_per_report(claims, side, lambda x: x.reading.residences)
    out: list[Draft] = []
    documents = sorted(homes)
    for n, first in enumerate(documents):
        for second in documents[n + 1 :]:
            said: set[str] = set()
            for x, mine in homes[first]:
                for y, theirs in homes[second]:
                    if mine.person in said or not aliases.same_entity(mine.person, theirs.person):
                        continue
                    if not _apart(x, mine, y, theirs):
                        continue
                    said.add(mine.person)
                    out.append(
                        draft(
                            FindingType.ENTITY,
                            Severity.LOW,
                            claim_of[x.statement.id],
                            x,
                            y,
                            LEAD,
                            span_in_statement(x.statement, x.document, mine.start, mine.end),
                            span_in_statement(y.statement, y.document, theirs.start, theirs.end),
                            note=_NOTE,
                            conflict=True,
                        )
                    )
    return out


def _apart(x: Side, mine: ResidenceReading, y: Side, theirs: ResidenceReading) -> bool:
    """Two homes that cannot be one place: different names, neither named anywhere in the other report
    (a report giving both homes names the other's place, too)."""
    if aliases.same_entity(mine.place, theirs.place):
        return False
    named_x, named_y = aliases.fold(x.document.text), aliases.fold(y.document.text)
    return theirs.place not in named_x and mine.place not in named_y

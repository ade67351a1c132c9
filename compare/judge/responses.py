"""Two answers from one party: one report says it denied, another that it gave no comment.

'The army denied carrying out the strike' / 'there was no immediate comment from the army': an editor
checks which is right, or whether the denial came later. The answers are read per statement
(compare.facts.responses) and compared across reports, wherever alignment put them: the two sentences
rarely share words beyond the party's name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from compare.facts import aliases
from compare.facts.responses import DENIED, NO_COMMENT, ResponseReading
from compare.judge.base import Draft, Side, draft, told_per_report
from compare.judge.spans import span_in_statement
from compare.model import Claim, FindingType, Severity

LEAD = "The reports give different answers from the same party"
_NOTE = (
    "one report says it denied, the other that it had not commented: the answer may have come after "
    "the earlier report was written"
)
# Endings that make a people's or a country's adjective of its name: 'Sudan' / 'Sudanese', 'Iraq' /
# 'Iraqi', 'Egypt' / 'Egyptian', 'Russia' / 'Russian'.
_DEMONYM_ENDINGS = ("ese", "ian", "an", "i", "n")


def response_drafts(claims: Sequence[Claim], side: Callable[[str], Side]) -> list[Draft]:
    """A denial by a party in one report against the same party's 'no comment' in another, unless a
    report tells both answers itself. One finding per party and pair of reports."""
    claim_of, answers = told_per_report(claims, side, lambda x: x.reading.responses)
    out: list[Draft] = []
    for document, given in sorted(answers.items()):
        for other, told in sorted(answers.items()):
            if other == document:
                continue
            for x, denial in given:
                if denial.kind != DENIED or _answers(given, NO_COMMENT, denial.party):
                    continue
                party = denial.party
                silent = [(y, r) for y, r in told if r.kind == NO_COMMENT and _same_party(r.party, party)]
                match = silent[0] if silent else None
                if match is None or _answers(told, DENIED, denial.party):
                    continue
                y, silence = match
                out.append(
                    draft(
                        FindingType.ATTRIBUTION,
                        Severity.MEDIUM,
                        claim_of[x.statement.id],
                        x,
                        y,
                        LEAD,
                        span_in_statement(x.statement, x.document, denial.start, denial.end),
                        span_in_statement(y.statement, y.document, silence.start, silence.end),
                        note=_NOTE,
                        conflict=True,
                    )
                )
                break  # one finding per denial and other report
    return out


def _answers(given: Sequence[tuple[Side, ResponseReading]], kind: str, party: frozenset[str]) -> bool:
    return any(r.kind == kind and _same_party(r.party, party) for _, r in given)


def _same_party(p: frozenset[str], q: frozenset[str]) -> bool:
    return any(_one_name(x, y) for x in p for y in q)


def _one_name(x: str, y: str) -> bool:
    """Two keys that may name one party: one name ('Acme' / 'Acme Corp'), initials ('SAF' / 'Sudan Armed
    Forces'), or a country and its adjective ('sudanese' / 'sudan armed forces')."""
    if aliases.same_entity(x, y) or aliases.abbreviates(x, y) or aliases.abbreviates(y, x):
        return True
    one, other = (x, y) if " " not in x else (y, x)
    if " " in one or len(one) < 4:
        return False
    first = other.split()[0]
    return any(first == one + end or one == first + end for end in _DEMONYM_ENDINGS)

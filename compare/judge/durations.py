"""Durations told differently: how long one thing lasted ('the quake was felt for 15 seconds' / 'the
quake shook houses for a minute'), paired by what lasted with the slot machinery of compare.judge.slots,
in one claim or across claims."""

from __future__ import annotations

from compare.facts.attribution import REPORTING_VERBS
from compare.facts.slots import meaning as _meaning
from compare.facts.times import vague
from compare.judge.base import GENERIC_NOUNS, Draft, Side, draft
from compare.judge.numbers import update_note
from compare.judge.slots import EMPTY_PREDICATES, PUBLISHING_VERBS, pair_slots
from compare.judge.spans import fact_span
from compare.judge.times import span_of
from compare.model import Fact, FactKind, FindingType, Severity

# How long one thing lasted. A span is the length of what its predicate is said of (or of the
# noun it describes: 'a 20-second tremor'); when that is an event ('the quake ... shook houses for a
# minute', 'the quake was felt for 15 seconds') every verb of it tells the event's length, whatever the
# verb. Otherwise the act is the verb ('was held for two hours' / 'the flight lasted two hours': two acts).

# Nouns naming something that happens and lasts, so that a span said of them is their length. A closed
# class of the kinds of event news reports time: disasters and weather, violence, public and political
# events, journeys and rescues, proceedings.
_EVENT_NOUNS = frozenset(
    _meaning(w)
    for w in str.split(
        "quake aftershock eruption storm hurricane typhoon cyclone tornado blizzard rain downpour flood "
        "flooding fire blaze wildfire blackout outage drought heatwave eclipse outbreak epidemic "
        "siege standoff battle fight fighting clash war offensive assault attack raid bombardment shelling "
        "bombing gunfight shootout firefight ambush riot protest demonstration rally march strike walkout "
        "occupation blockade lockdown curfew shutdown ceasefire truce ordeal chase pursuit manhunt search "
        "rescue evacuation surgery trial hearing session debate meeting talks summit negotiation interview "
        "speech visit tour trip journey voyage flight match game race concert ceremony funeral vigil "
        "festival celebration delay deliberation interrogation questioning stoppage closure disruption"
    )
)
# Verbs that only say that something lasted: what lasted is their subject ('the siege lasted three
# hours', 'the standoff went on for five hours', 'the journey took a day').
_LASTING_VERBS = frozenset(
    {"last", "go", "continue", "drag", "run", "persist", "stretch", "endure", "span", "take"}
)
# Words that name nothing in particular as what lasted.
_NOBODY = frozenset(
    {
        *("PRON", "it", "one", "thing", "time", "event", "incident", "episode", "period"),
        *("many", "some", "all", "few", "most", "several", "both", "each", "other", "others"),
    }
)
# A span given as the time within which something happened is not how long it lasted: 'in 15 seconds
# it went down', 'the second crash in a year', 'results within 10 days'.
_WITHIN = frozenset({"in", "within", "inside", "under"})
# A span told loosely ('about 15 seconds', 'nearly two minutes', 'a few seconds') agrees with a figure up
# to this factor. Spans estimated by feel are given in round figures, and neighbouring round figures
# (10, 15, 20, 30 seconds; 1, 1.5, 2, 3 hours) are at most 1.5 apart: 'about 15 seconds' and '20
# seconds' may be one estimate, while 'about 15 seconds' and 'about one minute' (x4), or 'three hours'
# and 'about five hours' (x1.67), are not. Two figures told plainly get no such slack.
_LOOSE_FACTOR = 1.5


def _is_duration(fact: Fact) -> bool:
    return fact.kind is FactKind.TIME and fact.label in ("DURATION", "SINCE")


def _duration_class(fact: Fact) -> str | None:
    if not _is_duration(fact) or fact.predicate in REPORTING_VERBS | PUBLISHING_VERBS:
        return None
    return "duration"


def lasted(fact: Fact, side: Side) -> str | None:
    """What a span is the length of: the noun it describes ('a 20-second tremor'), else the subject of
    its predicate, active or passive ('the quake shook houses for a minute', 'the quake was felt for 15
    seconds'); None for a pronoun or nobody in particular."""
    at = fact.start - side.statement.start
    end = fact.end - side.statement.start
    inside = [w for w in side.reading.words if at <= w.at < end]
    own = {w.lemma for w in inside}  # 'late spring': a word of the span describing another of it
    noun = next((w.modifies for w in inside if w.modifies and w.modifies not in own), None)
    if noun is None:
        noun = fact.subject
    if noun is None and fact.predicate:
        verbs = [w for w in side.reading.words if w.lemma == fact.predicate and w.pos in ("VERB", "AUX")]
        nearest = min(verbs, key=lambda w: abs(w.at - at), default=None)
        noun = nearest.subject if nearest is not None else None
    if noun is None or noun in _NOBODY or noun in GENERIC_NOUNS:
        return None
    return _meaning(noun)


def _lasting_predicate(fact: Fact) -> bool:
    return fact.predicate is None or fact.predicate in _LASTING_VERBS | EMPTY_PREDICATES


def _act(fact: Fact, side: Side) -> str | None:
    """What the span is the length of, as an act: the event itself ('quake' for 'the quake was felt',
    'siege' for 'the siege lasted'), else the verb ('walk' for 'they walked for seven days'); None when
    nothing says what lasted."""
    what = lasted(fact, side)
    if what in _EVENT_NOUNS or _lasting_predicate(fact):
        return what
    assert fact.predicate is not None
    return _meaning(fact.predicate)


def duration_keys(side: Side) -> set[tuple[str, ...]]:
    """Keys that statements telling the length of one named thing share: ('duration', 'what', noun).
    Statements of other claims are compared when a key meets (`unaligned_drafts`)."""
    return {
        ("duration", "what", what)
        for fact in side.facts
        if _duration_class(fact) is not None and (what := lasted(fact, side)) is not None
    }


def _loose(fact: Fact) -> bool:
    return vague(fact) or fact.qualifier in ("about", "nearly")


def _spans_agree(x: Fact, a: Side, y: Fact, b: Side) -> bool:
    """Two spans can both be true: their ranges meet, with `_LOOSE_FACTOR` when either is told loosely;
    a 'since ...' that no publication date resolves cannot be told apart."""
    rx, ry = span_of(x, a), span_of(y, b)
    if rx is None or ry is None:
        return True
    factor = _LOOSE_FACTOR if _loose(x) or _loose(y) else 1.0
    return rx[0] <= ry[1] * factor and ry[0] <= rx[1] * factor


def _told_otherwise(x: Fact, a: Side, y: Fact, b: Side) -> bool:
    """One span given as a range or as 'since ...', the other as a figure: worth a low note."""
    if span_of(x, a) is None or span_of(y, b) is None:
        return x.key != y.key  # no publication date to resolve 'since ...' against: the wording differs
    kinds = {("range" if f.qualifier == "range" else f.label) for f in (x, y)}
    return len(kinds) == 2 and x.key != y.key and not (vague(x) or vague(y))


def duration_slot_drafts(a: Side, b: Side, claim_index: int, *, aligned: bool = True) -> list[Draft]:
    """How long one thing lasted, told differently: 'the tremor was felt for about 20 seconds' / 'the
    tremor shook buildings for nearly two minutes'.

    aligned: the two sit in one claim, so a lone span on each side, or spans hung on verbs of lasting
    ('the siege lasted three hours' / 'the standoff went on for five hours'), are of one thing unless
    they tell of different acts. Kept apart, both must name the same thing that lasted (not 'it'), and
    unless that is an event, hang on one verb.
    """
    xs = [f for f in a.facts if _duration_class(f) is not None]
    ys = [f for f in b.facts if _duration_class(f) is not None]
    if not xs or not ys:
        return []
    lone = aligned and len(xs) == 1 and len(ys) == 1

    def may_pair(x: Fact, y: Fact) -> bool:
        if x.hypothetical != y.hypothetical or (x.arg in _WITHIN) != (y.arg in _WITHIN):
            return False
        ax, ay = _act(x, a), _act(y, b)
        if not aligned:  # the same thing named on both sides, and (for an event, whatever the verb) one act
            return ax is not None and ax == ay and lasted(x, a) == lasted(y, b) is not None
        if ax is None or ay is None:
            return lone  # nothing says what lasted: one span on each side of one claim is of one thing
        return ax == ay or (lone and _lasting_predicate(x) and _lasting_predicate(y))

    matches = pair_slots(
        xs,
        ys,
        may_pair=may_pair,
        agree=lambda x, y: _spans_agree(x, a, y, b),
        lone=lone,
        lone_score=0.0,
        strong=0.0,  # may_pair alone decides: the act, not shared words, makes two spans one slot
    )
    out: list[Draft] = []
    for match, agrees in matches:
        x, y = match.x, match.y
        if agrees and not (aligned and _told_otherwise(x, a, y, b)):
            continue
        if not agrees and b.also_gives(x) and a.also_gives(y):
            continue  # each report gives both spans: two things met by alignment, not a dispute
        out.append(
            draft(
                FindingType.TIME_DATE,
                Severity.LOW if agrees else Severity.MEDIUM,
                claim_index,
                a,
                b,
                "The time span is told differently" if agrees else "Different time spans",
                fact_span(x, a.statement, a.document),
                fact_span(y, b.statement, b.document),
                note=None if agrees else update_note(a, b),
                conflict=not agrees,
            )
        )
    return out

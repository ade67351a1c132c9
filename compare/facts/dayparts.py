"""Parts of the day as times: 'in the morning', 'late Tuesday night', 'overnight', 'at dawn', 'early
Tuesday' (compare.facts.times reads them beside clock times and dates)."""

from __future__ import annotations

import re

from compare.facts import nlp
from compare.model import Fact, FactKind

# Parts of the day, as minutes of the day (label DAYPART, unit 'minute-of-day'); a night runs past
# midnight, so its upper end is above 24:00 (20:00-30:00 is 8 p.m. to 6 a.m. the next day). The ranges
# follow the dictionaries (Merriam-Webster, Oxford: morning from sunrise, or midnight, to noon; afternoon
# from noon to evening; evening from about 6 p.m. to bedtime; night from dusk to dawn), widened by an hour
# or so at each end because reporters use the words loosely; dawn and dusk span civil twilight over the
# latitudes and seasons of most news (about 4:30-7:30 and 17:00-21:00). 'Early Tuesday' is AP wire style
# for the hours after midnight, 'late Tuesday' for its evening: 'early morning' covers 2 a.m. too.
_DAYPART_HOURS: dict[str, tuple[float, float]] = {
    "morning": (5, 12),
    "afternoon": (12, 18),
    "evening": (17, 22),
    "night": (20, 30),
    "evening-night": (17, 30),  # 'tonight', 'last night': the evening is in them too
    "dawn": (4, 7),
    "dusk": (17, 21),
    "predawn": (0, 7),  # 'before dawn', 'pre-dawn'
    "postdawn": (4, 12),  # 'after dawn', 'after sunrise'
    "after-dark": (17, 28),  # 'after dark', 'after nightfall'
    "early-hours": (0, 7),  # 'in the early hours', 'the small hours'
    "early-morning": (0, 9),
    "late-morning": (9, 12),
    "early-afternoon": (12, 15),
    "late-afternoon": (15, 19),
    "early-evening": (17, 20),
    "late-evening": (20, 24),
    "early-night": (19, 24),
    "late-night": (21, 27),
    "early": (0, 9),  # 'early Tuesday'
    "late": (17, 24),  # 'late Tuesday'
}
_PART_OF_DAY = r"morning|afternoon|evening|night"
_WEEKDAY_ALT = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAYPART_PATTERNS: list[re.Pattern[str]] = [
    # 'late Tuesday night', 'early Tuesday', 'early on Wednesday', 'Tuesday night', 'yesterday morning'
    re.compile(
        rf"\b(?P<t>(?:(?P<edge>early|late)(?:\s+on)?\s+)?(?P<anchor>{_WEEKDAY_ALT}|yesterday|tomorrow|today)"
        rf"(?:\s+(?P<edge2>early|late)(?=\s+(?:{_PART_OF_DAY})\b))?(?:\s+(?P<part>{_PART_OF_DAY}))?)\b",
        re.IGNORECASE,
    ),
    # 'in the morning', 'this afternoon', 'during the night', 'that evening', 'the morning of March 3',
    # 'early morning', 'late-night', 'last night', 'tonight'
    re.compile(
        r"\b(?:(?P<det>this|that|last|in\s+the|during\s+the|through\s+the|on\s+the|the\s+same|"
        r"the\s+following|the\s+next|the\s+previous|the)\s+)?"
        rf"(?P<t>(?:(?P<edge>early|late)[\s-]+)?(?P<part>{_PART_OF_DAY}))(?P<of>\s+of\b)?",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<t>tonight)\b", re.IGNORECASE),
    re.compile(r"\bat\s+(?P<t>night)\b", re.IGNORECASE),
    re.compile(r"\bovernight\b(?!\s+(?:success|sensation|celebrity|star|fame|hit)\b)", re.IGNORECASE),
    # 'at dawn', 'before dawn', 'shortly after sunrise', 'after dark', 'at dusk', 'pre-dawn'
    re.compile(
        r"\b(?:(?P<pre>before|after)|at|around|about|by|until|till|from)\s+(?:the\s+)?"
        r"(?P<w>first\s+light|dawn|daybreak|sunrise|dusk|sunset|nightfall|dark)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<t>pre-?dawn)\b", re.IGNORECASE),
    # 'in the early hours of Tuesday', 'the small hours'
    re.compile(
        rf"\b(?P<t>(?:early|small|wee)\s+hours(?:\s+of\s+(?:the\s+morning|(?P<anchor>{_WEEKDAY_ALT})))?)\b",
        re.IGNORECASE,
    ),
]
_DETERMINERS_OF_A_DAY = frozenset({"this", "that", "the same", "the following", "the next", "the previous"})
_DAWN_WORDS = frozenset({"first light", "dawn", "daybreak", "sunrise"})
_DUSK_WORDS = frozenset({"dusk", "sunset", "nightfall"})
# What may stand between a clock time and a part of the day that only tells its half of the day again:
# '10:30 p.m. on Tuesday night', 'Wednesday morning at 9 a.m.', '2 a.m. local time Sunday morning'.
_SAME_TIME_GAP = re.compile(
    rf"^(?:[\s,]|\b(?:on|at|of|in|the|local|time|this|that|about|around|approximately|shortly|just|some|"
    rf"{_WEEKDAY_ALT})\b|\(?[A-Z]{{2,4}}\)?)*$",
    re.IGNORECASE,
)
DAYPART_MARK = "daypart:"  # the key of a part of the day: 'daypart:<anchor>:<part>'


def daypart_anchor(fact: Fact) -> str | None:
    """The day a part of the day is told of ('tuesday' for 'late Tuesday night', 'yesterday' for 'last
    night'), None when it names none ('in the morning') or the fact is no part of the day."""
    if fact.label != "DAYPART" or not fact.key.startswith(DAYPART_MARK):
        return None
    return fact.key[len(DAYPART_MARK) :].split(":")[0] or None


def _daypart_of(m: re.Match[str]) -> tuple[str, str, int, int] | None:
    """(part, anchor, start, end) of a match of `_DAYPART_PATTERNS`; None when it is no time of day."""
    groups = m.re.groupindex

    def get(group: str) -> str:
        return (m.group(group) or "").lower() if group in groups else ""

    start, end = m.span("t") if "t" in groups else m.span()
    anchor, part, edge = get("anchor"), get("part"), get("edge") or get("edge2")
    if "w" in groups:  # dawn, dusk and their neighbours
        word = " ".join(get("w").split())
        pre = get("pre")
        if word == "dark" and pre != "after":
            return None
        if word in _DAWN_WORDS:
            part = {"before": "predawn", "after": "postdawn"}.get(pre, "dawn")
        else:
            part = "after-dark" if pre == "after" or word == "dark" else "dusk"
        start = m.start("pre") if pre else m.start("w")
        return part, "", start, end
    text = m.group(0).lower()
    if text.startswith("overnight"):
        return "night", "", start, end
    if text == "tonight":
        return "evening-night", "today", start, end
    if text.startswith("pre"):
        return "predawn", "", start, end
    if "hours" in text:
        return "early-hours", anchor, start, end
    if text.startswith("at"):
        return "night", "", start, end  # 'at night'
    if "det" in groups:
        det = " ".join(get("det").split())
        if det == "last":
            if part not in ("night", "evening"):
                return None
            return ("evening-night" if part == "night" else part), "yesterday", m.start("det"), end
        if det in ("", "the", "on the") and not m.group("of") and not (edge and det == ""):
            return None  # 'the morning paper', 'on the night shift': no time said; 'early morning' is one
        anchor = "today" if det == "this" else ""
        if det in _DETERMINERS_OF_A_DAY:
            start = m.start("det")  # 'this morning', 'that night', 'the next morning': one phrase
    elif not part and not edge:
        return None  # a weekday alone is the weekday's fact
    if "anchor" in groups and edge and not part:
        lead = m.string[max(0, m.start() - 4) : m.start()].lower()
        if lead.endswith("as "):
            return None  # 'as early as Tuesday', 'as late as Friday': a deadline, not a time of day
        return edge, anchor, start, end
    name = f"{edge}-{part}" if edge else part
    return (name if name in _DAYPART_HOURS else part), anchor, start, end


def _title_case(text: str) -> bool:
    """A headline written in title case ('Blast Hits Capital Tuesday Night')."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _named_not_timed(text: str, start: int, end: int, m: re.Match[str]) -> bool:
    """'Saturday Night Live', 'This Morning', 'the morning paper', 'morning prayers': the words of a part
    of the day in a name, or describing a noun with no time said ('early morning raid' tells one)."""
    groups = m.re.groupindex
    word_at = m.start("part") if "part" in groups and m.group("part") else None
    if word_at is None:
        return False
    if text[word_at].isupper() and text[:start].strip(" \"'“‘(") and not _title_case(text):
        return True  # a capital inside a sentence: a name
    edge = ("edge" in groups and m.group("edge")) or ("edge2" in groups and m.group("edge2"))
    if edge:
        return False
    parsed = nlp.parse(text)
    if parsed is None:
        return False
    token = next((t for t in parsed if t.idx == word_at), None)
    return token is not None and token.dep_ == "compound"


def dayparts(text: str, offset: int, sid: str, facts: list[Fact]) -> list[Fact]:
    """Parts of the day ('in the morning', 'late Tuesday night', 'overnight', 'at dawn') as DAYPART facts.

    They sit on the words of a weekday or 'tonight' fact too, which keep their own reading; a part of the
    day next to a clock time ('2 a.m. Sunday morning') only says its half of the day again and is left out.
    """
    clocks = [(f.start - offset, f.end - offset) for f in facts if f.label == "TIME"]
    found: list[tuple[int, int, str, str]] = []
    for pattern in _DAYPART_PATTERNS:
        for m in pattern.finditer(text):
            read = _daypart_of(m)
            if read is None or _named_not_timed(text, read[2], read[3], m):
                continue
            part, anchor, start, end = read
            found.append((start, end, part, anchor))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    out: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for start, end, part, anchor in found:
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        if any(_beside(text, start, end, cs, ce) for cs, ce in clocks):
            continue
        low, high = (h * 60.0 for h in _DAYPART_HOURS[part])
        out.append(
            Fact(
                id="",
                statement=sid,
                kind=FactKind.TIME,
                start=offset + start,
                end=offset + end,
                text=text[start:end],
                key=f"{DAYPART_MARK}{anchor}:{part}",
                label="DAYPART",
                unit="minute-of-day",
                low=low,
                high=high,
            )
        )
    return out


def _beside(text: str, start: int, end: int, clock_start: int, clock_end: int) -> bool:
    """A clock time overlaps the part of the day, or stands next to it in one phrase of time."""
    if clock_start < end and start < clock_end:
        return True
    gap = text[clock_end:start] if clock_end <= start else text[end:clock_start]
    return len(gap) <= 30 and _SAME_TIME_GAP.match(gap) is not None

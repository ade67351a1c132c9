"""Times, dates, periods and durations, resolved against the publication date where known."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from compare.facts import nlp
from compare.facts.dayparts import dayparts
from compare.facts.numbers import QUALIFIERS, qualifier_range, words_to_number
from compare.model import Fact, FactKind

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Words that name a month or a day of the week, never a place ('due in March', 'held on Monday').
CALENDAR_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_UNIT_DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.4,
    "year": 365.25,
    "decade": 3652.5,
}
# How much shorter and longer than its mean one unit of the calendar can be: 'three months' is 84 to 93
# days, so '90 days' is the same span in other words; 'two years' is 730 to 732 days.
_UNIT_SPREAD = {"month": (28.0 / 30.4, 31.0 / 30.4), "year": (365.0 / 365.25, 366.0 / 365.25)}
_UNIT_SPREAD["decade"] = _UNIT_SPREAD["year"]
_VAGUE_COUNTS = {
    "several": (3.0, 9.0),
    "a few": (2.0, 5.0),
    "few": (2.0, 5.0),
    "many": (4.0, 20.0),
    "a couple of": (2.0, 3.0),
    "couple of": (2.0, 3.0),
}

_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_QUAL_ALT = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_COUNT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|a few|"
    r"few|many|a couple of|couple of)"
)
_UNIT_ALT = "second|minute|hour|day|week|month|year|decade"
# a span followed by these words dates something ('two days later', 'a year ago'), it is not a length
_NOT_SPAN_AFTER = r"(?![\s-]+(?:old|ago|later|earlier)\b)"
# ... and so does one followed by 'before' or 'after' ('two days before the vote'), unless 'for' says it
# is a length ('shook for a minute before dawn')
_DATING_AFTER = re.compile(r"[\s-]+(?:before|after)\b", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
# words a rate is given in before 'a day' / 'per hour': a count, a measure, a number of times
_RATE_BEFORE = (
    rf"(?:{_COUNT}[\s-]+(?:{_UNIT_ALT})s?|(?:{_UNIT_ALT})s|[$€£]?\d[\d,.]*%?|twice|once|thrice|times|"
    r"miles|kilomet(?:er|re)s|km|met(?:er|re)s|feet|dollars|euros|pounds|percent|per\s+cent)"
)
_RATE = (
    rf"\b(?:every|each|per)\s+(?:other\s+|single\s+)?(?:{_COUNT}[\s-]+)?(?:{_UNIT_ALT})s?\b"
    rf"|(?<![\w$€£])(?:{_RATE_BEFORE})\s+(?:a|an|per|each|every)\s+(?:{_UNIT_ALT})\b"
    rf"|\b{_COUNT}[\s-]+(?:{_UNIT_ALT})s?\s+(?:daily|nightly|weekly|monthly|annually|yearly|intervals?)\b"
    rf"|\bintervals?\s+of\s+(?:{_QUAL_ALT}\s+)?{_COUNT}[\s-]+(?:{_UNIT_ALT})s?\b"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "CLOCK",
        re.compile(
            r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)",
            re.IGNORECASE,
        ),
    ),
    # "at 3 in the morning", "around 10 o'clock at night": an hour of the clock told with its part of the
    # day (kept only after a preposition of time: 'killed 3 in the morning attack' counts people)
    (
        "CLOCK_DAYPART",
        re.compile(
            r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?(?:\s+o['’]?clock)?\s+"
            r"(?:in\s+the\s+(?P<dp>morning|afternoon|evening)|(?P<dp_night>at\s+night))\b",
            re.IGNORECASE,
        ),
    ),
    ("CLOCK24", re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?!\s*[ap]\.?m)")),
    # "at 0737 GMT", "(1200 UTC)": four digits are a clock time only with the zone that wire copy writes
    # after them; "1400 hours" or a bare "1200" may be a count
    ("CLOCK24", re.compile(r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?=\s*(?:GMT|UTC|Zulu)\b)")),
    ("NOON", re.compile(r"\b(?P<w>noon|midday|midnight)\b", re.IGNORECASE)),
    ("ISO", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>0?[1-9]|1[0-2])-(?P<d>[0-3]?\d)\b")),
    ("NUMERIC", re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])")),
    (
        "MONTH_DAY",
        re.compile(
            rf"\b(?P<mon>{_MONTH_ALT})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?",
            re.IGNORECASE,
        ),
    ),
    (
        "DAY_MONTH",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_ALT})\b\.?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?",
            re.IGNORECASE,
        ),
    ),
    (
        "SEASON",
        re.compile(
            r"\b(?:(?P<part>early|late|mid|middle of(?: the)?)[\s-]+)?(?:the\s+)?"
            r"(?P<season>spring|summer|autumn|fall|winter)"
            r"(?:\s+(?:of\s+)?(?P<rel>this year|last year|next year|(?:19|20)\d{2}))?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "MONTH_YEAR",
        re.compile(
            rf"\b(?:(?P<part>early|late|mid)[\s-]+)?(?P<mon>{_MONTH_ALT})\.?"
            r"(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2}|this year|last year))?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "WEEKDAY",
        re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE),
    ),
    (
        "RELATIVE",
        re.compile(
            r"\b(?P<rel>today|yesterday|tomorrow|tonight|last night|this morning|"
            r"this week|last week|next week|"
            r"this month|last month|next month|this year|last year|next year)\b",
            re.IGNORECASE,
        ),
    ),
    # how often, not how long: 'every 20 seconds', '24 hours a day', 'twice a week', '12 hours daily',
    # '15-minute intervals'; the span is taken so that no duration is read inside it ('a day', '24 hours')
    ("RATE", re.compile(_RATE, re.IGNORECASE)),
    # 'two hours and 20 minutes', 'an hour, 40 minutes': one span in two units, the larger first
    (
        "DURATION_SUM",
        re.compile(
            rf"(?:\b(?P<qual>{_QUAL_ALT})\s+)?"
            rf"(?<![\d,.])\b(?P<count>{_COUNT})[\s-]+(?P<unit>{_UNIT_ALT})s?"
            rf"(?:\s*,\s*|\s+)(?:and\s+)?(?P<count2>{_COUNT})[\s-]+(?P<unit2>{_UNIT_ALT})s?\b{_NOT_SPAN_AFTER}",
            re.IGNORECASE,
        ),
    ),
    # 'half an hour', 'a half-hour', 'half a day'
    (
        "DURATION_HALF",
        re.compile(
            rf"(?:\b(?P<qual>{_QUAL_ALT})\s+)?\b(?:an?[\s-]+)?half[\s-]+(?:an?[\s-]+)?(?P<unit>{_UNIT_ALT})s?\b"
            rf"{_NOT_SPAN_AFTER}",
            re.IGNORECASE,
        ),
    ),
    (
        "DURATION",
        re.compile(
            rf"(?:\b(?P<qual>{_QUAL_ALT})\s+)?"
            rf"(?:(?P<between>\bbetween\s+)?(?<![\d,.])\b(?P<count0>{_COUNT})\s*(?:-|–|\bto\b|\band\b)\s*)?"
            rf"(?<![\d,.])\b(?P<count>{_COUNT})(?P<half>[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?P<unit>{_UNIT_ALT})s?\b"
            r"(?P<half_after>\s+and\s+a\s+half\b)?"  # 'an hour and a half', 'two and a half hours'
            rf"{_NOT_SPAN_AFTER}",
            re.IGNORECASE,
        ),
    ),
    ("YEAR", re.compile(r"(?<![\d/$€£-])\b(?P<y>(?:19|20)\d{2})\b(?![\d/-])")),
]


_DATELINE_RE = re.compile(r"\s*(?:\((?:[A-Z][A-Za-z-]{1,12})\)\s*)?(?:--|-|—|–)\s")


def reference_date(published: str | None) -> date | None:
    """The publication date as a date, from ISO 8601 or the common 'MM/DD/YY HH:MM' form."""
    if not published:
        return None
    text = published.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    match = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", text)
    if match:
        month, day, year = (int(g) for g in match.groups())
        year += 2000 if year < 70 else (1900 if year < 100 else 0)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    match = re.match(r"((?:19|20)\d{2})", text)
    if match:
        return date(int(match.group(1)), 1, 1)
    return None


def extract(text: str, offset: int, statement_id: str, published: str | None) -> list[Fact]:
    """Time facts of one statement, longest match first, never overlapping."""
    ref = reference_date(published)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            candidates.append((match.start(), match.end(), name, match))
    # longer spans win; earlier patterns win ties
    order = {name: i for i, (name, _) in enumerate(_PATTERNS)}
    candidates.sort(key=lambda c: (-(c[1] - c[0]), order[c[2]], c[0]))
    for start, end, name, match in candidates:
        if any(s < end and start < e for s, e in taken):
            continue
        if name == "CLOCK_DAYPART" and not _CLOCK_LEAD.search(text[max(0, start - 12) : start]):
            continue
        if name == "RATE" or (name == "DURATION" and _rate_after_noun(match, text)):
            taken.append((start, end))  # how often, not how long
            continue
        fact = _build(name, match, text, offset, statement_id, ref)
        if fact is None:
            continue
        taken.append((start, end))
        facts.append(fact)
    facts.extend(dayparts(text, offset, statement_id, facts))
    facts.sort(key=lambda f: f.start)
    return facts


def _since(text: str, start: int) -> bool:
    """Whether the time expression is introduced by 'since' (so it states a duration)."""
    return (
        re.search(
            r"\b(?:since|from)\s+(?:at least\s+|the\s+)*$", text[max(0, start - 30) : start], re.IGNORECASE
        )
        is not None
    )


def _span_range(first: date, last: date) -> tuple[float, float]:
    return float(first.toordinal()), float(last.toordinal())


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def _year_from(value: str | None, ref: date | None) -> int | None:
    """'2025' -> 2025; 'this year' / 'last year' need the reference date."""
    if value is None:
        return ref.year if ref else None
    v = value.lower()
    if v == "this year":
        return ref.year if ref else None
    if v == "last year":
        return ref.year - 1 if ref else None
    if v == "next year":
        return ref.year + 1 if ref else None
    year = int(v)
    if year < 100:
        year += 2000 if year < 70 else 1900
    return year


# A zone written after a clock time: "6 p.m. EDT", "3 p.m. Arizona time", "17:50 (1550 GMT)", "local time".
_ZONE_RE = re.compile(
    r"^\s*\(?\s*(?P<zone>local\s+time|GMT|UTC|Z\b|[A-Z]{1,3}[SD]?T\b|(?:[A-Z][a-z]+\s+){1,2}time\b)"
)


def zone_after(text: str, end: int) -> re.Match[str] | None:
    """The time zone written just after a clock time ending at `end` in `text` (group 'zone'), or None."""
    return _ZONE_RE.match(text[end : end + 30])


# Words before a clock time that say it is not exact.
_LOOSE_CLOCK = re.compile(
    r"\b(?:(?:about|around|approximately|roughly|circa|some)(?:\s+at)?|"
    r"(?:(?:shortly|just|soon|sometime|some\s+time)\s+)?(?:before|after))\s+$",
    re.IGNORECASE,
)


def _build(name: str, m: re.Match[str], text: str, offset: int, sid: str, ref: date | None) -> Fact | None:
    """One time fact from a match; None when the match is not really a time."""
    start, end = m.span()
    label = "DATE"
    key: str
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    value: float | None = None
    unit: str | None = None
    if name in ("CLOCK", "CLOCK24", "NOON", "CLOCK_DAYPART"):
        label = "TIME"
        if name == "NOON":
            minutes = 0 if m.group("w").lower() == "midnight" else 12 * 60
        elif name == "CLOCK_DAYPART":
            minutes = _daypart_clock(m)
        else:
            hour = int(m.group("h"))
            minute = int(m.group("m") or 0)
            ampm = (m.group("ampm") or "").lower().replace(" ", "") if name == "CLOCK" else ""
            if ampm.startswith("p") and hour < 12:
                hour += 12
            if ampm.startswith("a") and hour == 12:
                hour = 0
            minutes = hour * 60 + minute
        key = f"{minutes // 60:02d}:{minutes % 60:02d}"
        value = low = high = float(minutes)
        unit = "minute-of-day"
        if _LOOSE_CLOCK.search(text[max(0, start - 30) : start]):
            qualifier = "about"  # "at about 5:45 p.m.", "shortly after 6 a.m.": minutes told loosely
    elif name in ("ISO", "NUMERIC", "MONTH_DAY", "DAY_MONTH"):
        resolved = _calendar_date(name, m, ref)
        if resolved is None:
            month_day = _month_day(name, m)
            if month_day is None:
                return None
            key = f"--{month_day[0]:02d}-{month_day[1]:02d}"  # ISO 8601 for a day with no known year
        else:
            key = resolved.isoformat()
            low, high = _span_range(resolved, resolved)
            value = low
        unit = "day"
    elif name in ("SEASON", "MONTH_YEAR", "YEAR"):
        label = "PERIOD"
        period = _period(name, m, ref)
        if period is None:
            return None
        key, first, last = period
        if first is not None and last is not None:
            low, high = _span_range(first, last)
        unit = "day"
    elif name == "WEEKDAY":
        weekday = _WEEKDAYS[m.group("wd").lower()]
        if ref is None:
            key = f"weekday:{m.group('wd').lower()}"
        else:
            back = (ref.weekday() - weekday) % 7
            day = ref - timedelta(days=back)
            key = day.isoformat()
            low, high = _span_range(day, day)
            value = low
            qualifier = "relative"
        unit = "day"
    elif name == "RELATIVE":
        rel = m.group("rel").lower()
        resolved_rel = _relative(rel, ref)
        if resolved_rel is None:
            key = f"relative:{rel}"
        else:
            key, first, last = resolved_rel
            low, high = _span_range(first, last)
            label = "DATE" if first == last else "PERIOD"
            qualifier = "relative"
        unit = "day"
    else:  # DURATION, DURATION_HALF, DURATION_SUM
        label = "DURATION"
        span = _duration(name, m, text)
        if span is None:
            return None
        key, value, low, high, qualifier = span
        unit = "days"
    if label == "DATE" and _DATELINE_RE.match(text[end : end + 20]) and start < 60:
        label = "DATELINE"  # "WASHINGTON, June 7 (AFP) -": when the wire filed, not when it happened
    if label in ("DATE", "PERIOD") and _since(text, start):
        # "since late spring": a duration up to the publication date
        label = "SINCE"
        key = f"since:{key}"
    return Fact(
        id="",
        statement=sid,
        kind=FactKind.TIME,
        start=offset + start,
        end=offset + end,
        text=text[start:end],
        key=key,
        label=label,
        unit=unit,
        qualifier=qualifier,
        value=value,
        low=low,
        high=high,
    )


# Words before 'three in the morning' that make it a time ('at', 'around'); a bare 'killed 3 in the morning
# attack' counts.
_CLOCK_LEAD = re.compile(
    r"\b(?:at|around|about|by|until|till|before|after|since|from|to|between|and|or)\s+$", re.IGNORECASE
)


def _daypart_clock(m: re.Match[str]) -> int:
    """Minutes of the day of 'three in the morning', '7:30 in the evening', '10 o'clock at night'."""
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    part = (m.group("dp") or "night").lower()
    if part == "morning":
        hour %= 12  # 'twelve in the morning' is midnight
    elif part == "night":
        hour = 0 if hour == 12 else hour + 12 if hour >= 6 else hour  # '2 at night' is 2 a.m.
    elif hour < 12:
        hour += 12
    return hour * 60 + minute


# Words that may follow 'a second' when it is a span ('for a second', 'a second or two', 'a second
# later'); before any other word it is an ordinal: 'a second round', 'a second rehab centre'.
_AFTER_A_SECOND = frozenset(
    {"and", "or", "of", "before", "after", "later", "earlier", "ago", "in", "on", "at", "to", "for", "when"}
)
VAGUE_MARK = "~"  # the key of a duration told by a vague count ('a few seconds', 'several months')


def vague(fact: Fact) -> bool:
    """A span told by a vague count ('a few seconds', 'several months'): a range of values, not a figure."""
    return fact.label == "DURATION" and fact.key.startswith(VAGUE_MARK)


def _count(raw: str) -> float | None:
    raw = raw.lower()
    return float(raw.replace(",", "")) if raw[0].isdigit() else words_to_number(raw)


def _duration(
    name: str, m: re.Match[str], text: str
) -> tuple[str, float, float | None, float | None, str | None] | None:
    """A span as (key, days, low, high, qualifier); None when the words are not a span ('a second round').

    'an hour and a half', 'two and a half hours' and 'half an hour' carry their half; 'two hours and 20
    minutes' is one span, the larger unit first (else None: the parts are read one by one). A vague count
    ('a few seconds') keeps the range its word allows, and a key of its own (VAGUE_MARK): it is not the
    figure 'two seconds'.
    """
    dated = _DATING_AFTER.match(text, m.end())
    if dated and not _FOR_BEFORE.search(text[max(0, m.start() - 10) : m.start()]):
        return None
    unit = m.group("unit").lower()
    unit_days = _UNIT_DAYS[unit]
    qual_raw = (m.group("qual") or "").lower()
    qualifier = QUALIFIERS.get(qual_raw) if qual_raw else None
    if name == "DURATION_HALF":
        value = 0.5 * unit_days
        low, high = qualifier_range(value, qualifier)
        low, high = _calendar_spread(low, high, unit)
        return f"{_fmt(value)}d", value, low, high, qualifier
    count_raw = m.group("count").lower()
    if count_raw in ("a", "an") and unit == "second" and name == "DURATION":
        after = re.match(r"[\s-]+([a-z]+)", text[m.end() :], re.IGNORECASE)
        if after is not None and after.group(1).lower() not in _AFTER_A_SECOND:
            return None  # 'a second round of bombs': the ordinal
    if count_raw in _VAGUE_COUNTS:
        if name == "DURATION_SUM":
            return None
        lo, hi = _VAGUE_COUNTS[count_raw]
        low, high = lo * unit_days, hi * unit_days
        qualifier = qualifier or "about"
        if qualifier in ("more than", "at least"):
            high = None
        low, high = _calendar_spread(low, high, unit)
        key = f"{VAGUE_MARK}{_fmt(lo * unit_days)}-{_fmt(hi * unit_days)}d"
        return key, lo * unit_days, low, high, qualifier
    count = _count(count_raw)
    if count is None:
        return None
    if name == "DURATION_SUM":
        unit2 = m.group("unit2").lower()
        count2_raw = m.group("count2").lower()
        count2 = None if count2_raw in _VAGUE_COUNTS else _count(count2_raw)
        if count2 is None or _UNIT_DAYS[unit2] >= unit_days:
            return None  # 'two minutes and three hours', 'a day and several hours': not one span
        value = count * unit_days + count2 * _UNIT_DAYS[unit2]
        if qualifier is None:  # each part allows the lengths of its own unit of the calendar
            parts = ((count * unit_days, unit), (count2 * _UNIT_DAYS[unit2], unit2))
            low = sum(days * _UNIT_SPREAD.get(u, (1.0, 1.0))[0] for days, u in parts)
            high = sum(days * _UNIT_SPREAD.get(u, (1.0, 1.0))[1] for days, u in parts)
            return f"{_fmt(value)}d", value, low, high, None
    else:
        if m.group("half") or m.group("half_after"):
            count += 0.5  # 'two and a half hours', 'an hour and a half'
        value = count * unit_days
    low, high = qualifier_range(value, qualifier)
    range_low = _range_start(m, unit_days) if name == "DURATION" else None
    if range_low is not None and range_low <= value:
        value, low, qualifier = range_low, range_low, "range"  # "between two and nine years"
    key = f"{_fmt(value)}d" if qualifier != "range" or high is None else f"{_fmt(value)}-{_fmt(high)}d"
    low, high = _calendar_spread(low, high, unit)
    return key, value, low, high, qualifier


def _rate_after_noun(m: re.Match[str], text: str) -> bool:
    """'six loads a day', '$15 an hour': 'a day' after what is counted tells how often, not how long."""
    if (m.group("count") or "").lower() not in ("a", "an") or m.group("qual") or m.group("count0"):
        return False
    parsed = nlp.parse(text)
    if parsed is None:
        return False
    before = [t for t in parsed if t.idx + len(t.text) <= m.start("count") and not t.is_space]
    return bool(before) and before[-1].pos_ in ("NOUN", "NUM")


def _range_start(m: re.Match[str], unit_days: float) -> float | None:
    """The lower end of 'between two and nine years' / 'two to three weeks', in days; None if no range."""
    raw = (m.group("count0") or "").lower()
    if not raw or raw in _VAGUE_COUNTS or raw in ("a", "an"):
        return None
    joined = m.group(0)[m.end("count0") - m.start() : m.start("count") - m.start()].strip().lower()
    if joined == "and" and not m.group("between"):
        return None  # "two and a half years" or a list, not a range
    count = _count(raw)
    return None if count is None else count * unit_days


def _calendar_spread(low: float | None, high: float | None, unit: str) -> tuple[float | None, float | None]:
    """A span counted in months or years allows the unit's shortest to its longest length."""
    shortest, longest = _UNIT_SPREAD.get(unit, (1.0, 1.0))
    return (
        low * shortest if low is not None else None,
        high * longest if high is not None else None,
    )


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.4g}"


def _calendar_date(name: str, m: re.Match[str], ref: date | None) -> date | None:
    """A calendar day from a numeric or named-month match (day-first when ambiguous)."""
    try:
        if name == "ISO":
            return date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        if name == "NUMERIC":
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 and b <= 12:
                day, month = a, b
            elif b > 12 and a <= 12:
                month, day = a, b
            elif a == b:
                day = month = a
            elif a <= 12 and b <= 12:
                return None  # 9/11 or 11/9: which is the month cannot be told from the text
            else:
                return None
            year = _year_from(m.group("y"), ref)
            if year is None:
                return None
            return date(year, month, day)
        month = _MONTHS[m.group("mon").lower().rstrip(".")]
        day = int(m.group("d"))
        if m.group("mon").lower() in ("may", "mar") and m.group("mon")[0].islower():
            return None  # the verb 'may', the word 'mar'
        year = _year_from(m.group("y"), ref)
        if year is None:
            return None
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(name: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(month, day) of a date written without a year, when the year cannot be resolved."""
    try:
        if name == "NUMERIC":
            a, b = int(m.group("a")), int(m.group("b"))
            if a <= 12 and b <= 12 and a != b:
                return None  # ambiguous day/month order
            month, day = (a, b) if b > 12 and a <= 12 else (b, a)
        elif name in ("MONTH_DAY", "DAY_MONTH"):
            raw = m.group("mon")
            if raw.lower() in ("may", "mar") and raw[0].islower():
                return None
            month, day = _MONTHS[raw.lower().rstrip(".")], int(m.group("d"))
        else:
            return None
        date(2000, month, day)  # validates (2000 is a leap year, so 29 February passes)
        return month, day
    except (ValueError, KeyError):
        return None


def _part(first: date, last: date, part: str | None) -> tuple[date, date]:
    """Early/mid/late third of a period."""
    if not part:
        return first, last
    span = (last - first).days + 1
    third = span // 3
    p = part.lower()
    if p.startswith("early"):
        return first, first + timedelta(days=third - 1)
    if p.startswith("late"):
        return last - timedelta(days=third - 1), last
    return first + timedelta(days=third), last - timedelta(days=third)


def _period(name: str, m: re.Match[str], ref: date | None) -> tuple[str, date | None, date | None] | None:
    """A season, month or year as a key and a date range (None ends when the year is unknown)."""
    if name == "YEAR":
        plain_year = int(m.group("y"))
        return str(plain_year), date(plain_year, 1, 1), date(plain_year, 12, 31)
    part = (m.group("part") or "").lower() or None
    part_key = f"{part.split()[0]}-" if part else ""
    if name == "SEASON":
        season = m.group("season").lower()
        season = "autumn" if season == "fall" else season
        year = _year_from(m.group("rel"), ref)
        if year is None:
            return f"{part_key}{season}", None, None
        first_month, last_month = _SEASONS[season]
        if season == "winter":
            first, last = date(year - 1, 12, 1), _month_end(year, 2)
        else:
            first, last = date(year, first_month, 1), _month_end(year, last_month)
        first, last = _part(first, last, part)
        return f"{year}-{part_key}{season}", first, last
    raw_mon = m.group("mon")
    if (raw_mon.lower() == "may" and raw_mon[0] == "m") or (
        raw_mon.lower() in ("mar", "jun", "jan", "dec", "oct", "nov", "sep", "aug", "apr", "jul", "feb")
        and raw_mon[0].islower()
    ):
        return None  # lower-case 'may' is the verb; short forms need a capital
    lead = m.string[max(0, m.start() - 20) : m.start()]
    if raw_mon == "May" and not m.group("y") and not part and not _MONTH_LEAD.search(lead):
        return None  # sentence-initial 'May' is usually the verb; 'in May', 'since May' is the month
    month = _MONTHS[raw_mon.lower().rstrip(".")]
    year = _year_from(m.group("y"), ref)
    if year is None:
        return f"{part_key}month-{month:02d}", None, None
    first, last = _part(date(year, month, 1), _month_end(year, month), part)
    return f"{year}-{month:02d}" + (f"-{part_key[:-1]}" if part else ""), first, last


_MONTH_LEAD = re.compile(
    r"\b(?:in|since|until|till|by|from|during|before|after|last|next|this|through|mid)\s+$", re.IGNORECASE
)


def _relative(rel: str, ref: date | None) -> tuple[str, date, date] | None:
    """Today/yesterday/last week... resolved against the reference date."""
    if ref is None:
        return None
    if rel in ("today", "tonight", "this morning"):
        return ref.isoformat(), ref, ref
    if rel in ("yesterday", "last night"):
        day = ref - timedelta(days=1)
        return day.isoformat(), day, day
    if rel == "tomorrow":
        day = ref + timedelta(days=1)
        return day.isoformat(), day, day
    if rel.endswith("week"):
        monday = ref - timedelta(days=ref.weekday())
        shift = {"this": 0, "last": -7, "next": 7}[rel.split()[0]]
        first = monday + timedelta(days=shift)
        return f"week-of-{first.isoformat()}", first, first + timedelta(days=6)
    if rel.endswith("month"):
        year, month = ref.year, ref.month + {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
        if month == 0:
            year, month = year - 1, 12
        if month == 13:
            year, month = year + 1, 1
        return f"{year}-{month:02d}", date(year, month, 1), _month_end(year, month)
    year = ref.year + {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
    return str(year), date(year, 1, 1), date(year, 12, 31)


def since_as_duration(fact: Fact, published: str | None) -> tuple[float, float] | None:
    """How many days a 'since X' fact spans up to the publication date, as a range."""
    ref = reference_date(published)
    if ref is None or fact.low is None or fact.high is None:
        return None
    now = float(ref.toordinal())
    return max(0.0, now - fact.high), max(0.0, now - fact.low)

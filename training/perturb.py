"""News-style sentence pairs made by editing licensed sentences (FactCC-style perturbations).

Each generator takes one sentence and returns (premise, hypothesis, label) or None where it does not
apply. The contradictions are the discrepancies a desk checks (another figure, another place, a
negation, a denial, a debunking); the entailments are the look-alikes that must stay agreements (the
same figure in other words, the same statement attributed, a negated statement restated with its
negation). Negation appears on both sides of entailments as often as it marks contradictions, so
the model cannot learn "a negation word means contradiction" from these pairs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

GeneratedPair = tuple[str, str, int]

ENTAILMENT, NEUTRAL, CONTRADICTION = 0, 1, 2

NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
    30: "thirty",
    40: "forty",
    50: "fifty",
    100: "a hundred",
}
SOURCES = (
    "police",
    "officials",
    "a spokesman",
    "the ministry",
    "local media",
    "witnesses",
    "the company",
    "a government spokeswoman",
    "the agency",
    "state television",
    "investigators",
    "the army",
)
SAY_VERBS = ("said", "told reporters", "said on Monday", "reported", "confirmed", "said in a statement")
DENIALS = (
    "{source} denied that {clause}.",
    "{source} denied reports that {clause}.",
    "{source} rejected claims that {clause}.",
    "It is not true that {clause}, {source} said.",
)
DEBUNKINGS = (
    "Reports that {clause} proved to be a hoax.",
    "Claims that {clause} turned out to be false.",
    "The rumour that {clause} was untrue, {source} said.",
)
AUXILIARIES = re.compile(r"\b(is|was|are|were|has|have|had|will|can|could|would|should)\b(?! not\b)")
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?!\w|[.,]\d)")
PLACE = re.compile(r"\bin ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)\b")
# Words that start a sentence and are lower-cased when it becomes a that-clause: pronouns and
# determiners, and the introductory words a dropped trailing clause must not leave a fragment after.
PRONOUN_STARTS = frozenset(
    {"The", "A", "An", "It", "He", "She", "They", "This", "These", "Its", "His", "Her", "Their", "There"}
)
INTRODUCERS = frozenset(
    {
        "In", "On", "At", "After", "Before", "During", "Under", "Due", "Although", "While", "Throughout",
        "As", "When", "Despite", "Following", "Since", "However", "Based", "Over", "By", "From", "With",
        "For",
    }
)  # fmt: skip
LOWER_STARTS = PRONOUN_STARTS | INTRODUCERS
MONTHS = frozenset(
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    }
)  # fmt: skip
SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def sentences_of(text: str) -> list[str]:
    """The sentences of a premise that read as one news-like statement (8 to 45 words, ending in a stop)."""
    out = []
    for sentence in SENTENCE_END.split(text):
        words = sentence.split()
        if 8 <= len(words) <= 45 and sentence.endswith(".") and "(" not in sentence:
            out.append(sentence)
    return out


def as_clause(sentence: str) -> str:
    """A sentence made into a that-clause: its stop dropped, a function word at its start lower-cased."""
    body = sentence.rstrip(".")
    first, _, rest = body.partition(" ")
    if first in LOWER_STARTS:
        body = first.lower() + " " + rest
    return body


def attributed(sentence: str, rng: random.Random) -> str:
    """The same statement told as a source's words."""
    source = rng.choice(SOURCES)
    if rng.random() < 0.5:
        return f"{as_clause(sentence)}, {source} {rng.choice(SAY_VERBS)}."
    return f"According to {source}, {as_clause(sentence)}."


def _other_number(value: int, rng: random.Random) -> int:
    if value >= 1000 and 1800 <= value <= 2100:  # a year: another year near it
        return value + rng.choice((-3, -2, -1, 1, 2, 3))
    step = max(1, round(value * rng.uniform(0.1, 0.6)))
    return max(0, value + step if rng.random() < 0.6 or value - step < 0 else value - step)


def number_changed(sentence: str, rng: random.Random) -> GeneratedPair | None:
    matches = list(NUMBER.finditer(sentence))
    if not matches:
        return None
    match = rng.choice(matches)
    value = int(match.group(1).replace(",", ""))
    other = _other_number(value, rng)
    if other == value:
        return None
    text = f"{other:,}" if "," in match.group(1) else str(other)
    changed = sentence[: match.start()] + text + sentence[match.end() :]
    return sentence, changed, CONTRADICTION


def number_in_words(sentence: str, rng: random.Random) -> GeneratedPair | None:
    for match in NUMBER.finditer(sentence):
        raw = match.group(1)
        before = sentence[: match.start()].rstrip().rsplit(" ", 1)[-1]
        if (
            not before
            or before in MONTHS
            or before[:1].isupper()
            or sentence[match.end() : match.end() + 1] == "%"
        ):
            continue  # a day of a month, a name ("Super 8") or a percentage keeps its digits
        value = int(raw.replace(",", ""))
        if value in NUMBER_WORDS and not (1800 <= value <= 2100):
            other = NUMBER_WORDS[value]
        elif "," in raw:
            other = raw.replace(",", "")
        elif value >= 10000:
            other = f"{value:,}"
        else:
            continue
        return sentence, sentence[: match.start()] + other + sentence[match.end() :], ENTAILMENT
    return None


def negated(sentence: str, rng: random.Random) -> GeneratedPair | None:
    match = AUXILIARIES.search(sentence)
    if match is None:
        return None
    changed = sentence[: match.end()] + " not" + sentence[match.end() :]
    return sentence, changed, CONTRADICTION


def negated_restated(sentence: str, rng: random.Random) -> GeneratedPair | None:
    """A negated statement and the same attributed: an entailment with negation on both sides."""
    pair = negated(sentence, rng)
    if pair is None:
        return None
    negative = pair[1]
    return negative, attributed(negative, rng), ENTAILMENT


def attribution_added(sentence: str, rng: random.Random) -> GeneratedPair | None:
    return sentence, attributed(sentence, rng), ENTAILMENT


def denied(sentence: str, rng: random.Random) -> GeneratedPair | None:
    template = rng.choice(DENIALS)
    source = rng.choice(SOURCES)
    text = template.format(source=source, clause=as_clause(sentence))
    return sentence, text[0].upper() + text[1:], CONTRADICTION


def debunked(sentence: str, rng: random.Random) -> GeneratedPair | None:
    template = rng.choice(DEBUNKINGS)
    return sentence, template.format(source=rng.choice(SOURCES), clause=as_clause(sentence)), CONTRADICTION


def clause_dropped(sentence: str, rng: random.Random) -> GeneratedPair | None:
    """The sentence without a trailing clause: implied by the whole (entailment), not in reverse (neutral)."""
    head, comma, tail = sentence.rpartition(", ")
    if not comma or len(head.split()) < 6 or len(tail.split()) < 3 or head.split()[0] in INTRODUCERS:
        return None
    if not AUXILIARIES.search(head) and not re.search(r"\b\w+ed\b", head):
        return None  # the head would be a fragment without a verb
    shorter = head + "."
    if rng.random() < 0.5:
        return sentence, shorter, ENTAILMENT
    return shorter, sentence, NEUTRAL


# Edits that change the wording and keep the meaning. The contradictions above are small edits too
# (one figure, one place, one "not"), so without these the model learns "a small difference means a
# contradiction" and reads a reformatted copy as a dispute.
REWORDINGS = (
    (r"\bdid not\b", "didn't"),
    (r"\bwas not\b", "wasn't"),
    (r"\bis not\b", "isn't"),
    (r"\bhas not\b", "hasn't"),
    (r"\bwere not\b", "weren't"),
    (r"\bper cent\b", "percent"),
    (r"\bpercent\b", "per cent"),
    (r"\bUnited States\b", "U.S."),
    (r"\bU\.S\.", "United States"),
    (r"\babout (?=\d)", "around "),
    (r"\bapproximately (?=\d)", "about "),
    (r"\bbegan\b", "started"),
    (r"\bstarted\b", "began"),
    (r"\bbought\b", "purchased"),
    (r"\bpurchased\b", "bought"),
    (r"\blarge\b", "big"),
    (r"\bbig\b", "large"),
    (r"\bhelped\b", "assisted"),
    (r"\bdeceased\b", "dead"),
    (r"\bfinished\b", "completed"),
    (r"\bcompleted\b", "finished"),
    (r"\bshows\b", "indicates"),
    (r"\bhowever\b", "but"),
    (r"\balso\b ", ""),
    (r"\bMr\. ", ""),
    (r"\bthe film\b", "the movie"),
    (r"\bthe movie\b", "the film"),
    (r"\bcity of ", ""),
)
# Adjective antonyms: "was not A" restates "was B" (an entailment whose negation is on one side only),
# and "was A" against "was B" is a contradiction that carries no negation word.
ANTONYMS = (
    ("alive", "dead"), ("open", "closed"), ("true", "false"), ("legal", "illegal"),
    ("present", "absent"), ("possible", "impossible"), ("able", "unable"),
    ("available", "unavailable"), ("correct", "incorrect"), ("successful", "unsuccessful"),
    ("male", "female"), ("public", "private"), ("active", "inactive"), ("complete", "incomplete"),
    ("guilty", "innocent"),
)  # fmt: skip
# Only a predicate adjective (followed by a stop, a comma or a conjunction), not a passive ("was open to").
COPULA_ADJECTIVE = re.compile(
    r"\b(is|was|are|were)( not)? (" + "|".join(w for p in ANTONYMS for w in p) + r")(?=[.,;]| and | but )"
)
DID_NOT = re.compile(r"\bdid not (\w+)\b")


def reworded(sentence: str, rng: random.Random) -> GeneratedPair | None:
    """The same statement in other words or another format: an entailment both ways."""
    options = [(pattern, text) for pattern, text in REWORDINGS if re.search(pattern, sentence)]
    if not options:
        return None
    pattern, text = rng.choice(options)
    changed = re.sub(pattern, text, sentence, count=1)
    if rng.random() < 0.3:  # and sometimes its punctuation too
        changed = changed.replace(", ", " ", 1) if ", " in changed else changed.rstrip(".") + " ."
    return sentence, changed, ENTAILMENT


def negation_paraphrased(sentence: str, rng: random.Random) -> GeneratedPair | None:
    """A negated statement and its restatement without "not": "did not win" / "failed to win"."""
    match = DID_NOT.search(sentence)
    if match is not None:
        changed = sentence[: match.start()] + f"failed to {match.group(1)}" + sentence[match.end() :]
        return (sentence, changed, ENTAILMENT) if rng.random() < 0.5 else (changed, sentence, ENTAILMENT)
    match = COPULA_ADJECTIVE.search(sentence)
    if match is None:
        return None
    verb, negation, adjective = match.groups()
    other = next(b if a == adjective else a for a, b in ANTONYMS if adjective in (a, b))
    turned = f"{verb}{'' if negation else ' not'} {other}"
    restated = sentence[: match.start()] + turned + sentence[match.end() :]
    return sentence, restated, ENTAILMENT


def antonym_swapped(sentence: str, rng: random.Random) -> GeneratedPair | None:
    """The opposite adjective, no negation word on either side: a contradiction."""
    match = COPULA_ADJECTIVE.search(sentence)
    if match is None:
        return None
    adjective = match.group(3)
    other = next(b if a == adjective else a for a, b in ANTONYMS if adjective in (a, b))
    changed = sentence[: match.start(3)] + other + sentence[match.end(3) :]
    return sentence, changed, CONTRADICTION


def number_bounded(sentence: str, rng: random.Random) -> GeneratedPair | None:
    """An exact figure against a bound: "more than 40" follows from 43, "fewer than 40" contradicts it."""
    for match in NUMBER.finditer(sentence):
        value = int(match.group(1).replace(",", ""))
        before = sentence[: match.start()].rstrip().rsplit(" ", 1)[-1]
        after = sentence[match.end() : match.end() + 1]
        if sentence[match.start() - 1 : match.start()] in {"$", "£", "€"}:
            continue  # "$40 million": a bound there reads "$more than 30"
        if value < 12 or 1800 <= value <= 2100 or before in MONTHS or before[:1].isupper():
            continue
        if after in {"-", "%"}:
            continue
        magnitude = 10 ** max(0, len(str(value)) - 1)
        bound = max(10, (value // magnitude) * magnitude)
        if bound >= value:
            bound = max(1, bound - magnitude)
        if rng.random() < 0.6:
            phrase, label = rng.choice(("more than", "at least", "over")), ENTAILMENT
        else:
            phrase, label = rng.choice(("fewer than", "less than", "under")), CONTRADICTION
        bounded = sentence[: match.start()] + f"{phrase} {bound:,}" + sentence[match.end() :]
        if label == ENTAILMENT and rng.random() < 0.25:
            return bounded, sentence, NEUTRAL  # the bound does not give the exact figure
        return sentence, bounded, label
    return None


def place_swapper(places: Sequence[str]) -> Callable[[str, random.Random], GeneratedPair | None]:
    def place_swapped(sentence: str, rng: random.Random) -> GeneratedPair | None:
        matches = list(PLACE.finditer(sentence))
        if not matches or not places:
            return None
        match = rng.choice(matches)
        if match.group(1).split()[0] in MONTHS | LOWER_STARTS:
            return None
        other = rng.choice(places)
        if other == match.group(1):
            return None
        changed = sentence[: match.start(1)] + other + sentence[match.end(1) :]
        return sentence, changed, CONTRADICTION

    return place_swapped


def news_pairs(premises: Sequence[str], *, count: int, rng: random.Random) -> list:
    """`count` generated pairs from the sentences of `premises`, drawn evenly over the generators."""
    from training.data import Pair

    sentences = sorted({s for text in premises for s in sentences_of(text)})
    rng.shuffle(sentences)
    places = sorted(
        {
            m.group(1)
            for s in sentences[:20000]
            for m in PLACE.finditer(s)
            if m.group(1).split()[0] not in MONTHS | LOWER_STARTS and s[m.end(1) : m.end(1) + 1] in {",", "."}
        }
    )
    generators: list[Callable[[str, random.Random], GeneratedPair | None]] = [
        number_changed,
        number_in_words,
        negated,
        negated_restated,
        attribution_added,
        denied,
        debunked,
        clause_dropped,
        place_swapper(places),
        reworded,
        negation_paraphrased,
        antonym_swapped,
        number_bounded,
    ]
    out: list[Pair] = []
    made = dict.fromkeys(range(len(generators)), 0)
    quota = count // len(generators) + 1
    for sentence in sentences:
        if len(out) >= count:
            break
        # The generators that have made least go first, so the rare ones take every sentence they fit.
        order = sorted(range(len(generators)), key=lambda i: (made[i], rng.random()))
        for index in order:
            if made[index] >= quota:
                continue
            pair = generators[index](sentence, rng)
            if pair is None:
                continue
            premise, hypothesis, label = pair
            if label == CONTRADICTION and rng.random() < 0.5:
                premise, hypothesis = hypothesis, premise  # contradiction is symmetric
            out.append(Pair(premise, hypothesis, label, f"news:{generators[index].__name__}"))
            made[index] += 1
            break
    return _contradictions_capped(out, rng)


def _contradictions_capped(pairs: list, rng: random.Random) -> list:
    """At most as many contradictions as entailments: a generated contradiction is a small edit, and
    more of them than of meaning-keeping edits teaches "a small difference means a contradiction"."""
    contradictions = [p for p in pairs if p.label == CONTRADICTION]
    others = [p for p in pairs if p.label != CONTRADICTION]
    entailments = sum(p.label == ENTAILMENT for p in others)
    kept = rng.sample(contradictions, min(len(contradictions), entailments))
    mixed = others + kept
    rng.shuffle(mixed)
    return mixed

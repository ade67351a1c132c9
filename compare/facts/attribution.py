"""Attribution: who a statement says the information comes from."""

from __future__ import annotations

import re
from typing import Any

from compare.facts import aliases, nlp
from compare.model import Fact, FactKind

REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "state",
        "announce",
        "add",
        "confirm",
        "assume",
        "believe",
        "estimate",
        "write",
        "cite",
        "allege",
        "insist",
        "note",
        "explain",
        "warn",
        "affirm",
        "suggest",
        "quote",
        "acknowledge",
        "admit",
        "argue",
        "assert",
        "contend",
        "declare",
        "maintain",
        "reveal",
        "disclose",
        "testify",
        "recount",
        "describe",
        "predict",
        "conclude",
        "deny",
    ]
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "which", "one"])
_ANONYMOUS = frozenset(["source", "sources", "official", "officials", "people", "person"])
_ACCORDING_RE = re.compile(
    r"\b(?:according to|citing|cited by|quoting|as reported by|reported by)\s+(?P<src>[^,.;:()—–]+)",
    re.IGNORECASE,
)
# "according to the process": a rule being followed, not someone telling
_NOT_A_SOURCE_RE = re.compile(
    r"(?:the\s+|this\s+|that\s+|its\s+|their\s+)?(?:process|procedure|rules?|law|plan|agreement|schedule|terms|"
    r"contract|guidelines|policy|protocol|regulations?|tradition|custom)\b",
    re.IGNORECASE,
)
_SAID_RE = re.compile(
    r"(?P<src>(?:[A-Z][\w.'’-]*|two|three|several|some|US|U\.S\.)(?:\s+[\w.'’-]+){0,5}?)\s+"
    r"(?P<verb>said|says|told|reported|reports|claimed|claims|stated|announced|added|confirmed|assumes|believes|wrote|writes)\b"
)


def extract(text: str, offset: int, statement_id: str) -> list[Fact]:
    """Source facts (label SOURCE, or PRONOUN for 'he said') and channels ('told Reuters', label CHANNEL)."""
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, label: str, role: str) -> None:
        while end > start and text[end - 1] in " ,;'\"”’":
            end -= 1
        while start < end and text[start] in " '\"“‘":
            start += 1
        if end <= start or any(s < end and start < e for s, e in taken):
            return
        surface = text[start:end]
        taken.append((start, end))
        key = source_key(surface)
        person = _person_in(parsed, start, end) if label == "SOURCE" else None
        if person is not None:
            key, label = person, "PERSON"
        facts.append(
            Fact(
                id="",
                statement=statement_id,
                kind=FactKind.ATTRIBUTION,
                start=offset + start,
                end=offset + end,
                text=surface,
                key=key,
                label=label,
                role=role,
            )
        )

    parsed = nlp.parse(text)
    for match in _ACCORDING_RE.finditer(text):
        if not _NOT_A_SOURCE_RE.match(match.group("src")):
            add(match.start("src"), match.end("src"), "SOURCE", "source")
    if parsed is not None:
        _from_parse(parsed, add)
    else:
        for match in _SAID_RE.finditer(text):
            add(match.start("src"), match.end("src"), "SOURCE", "source")
    facts.sort(key=lambda f: f.start)
    return facts


_MAX_SOURCE_TOKENS = 14
_HYPOTHETICAL = frozenset(["would", "could", "should", "might", "may"])


def _reports_something(verb: Any, lemma: str) -> bool:
    """A reporting verb that carries a report: a clause after it, a quote around it, or 'cite'/'tell'."""
    if lemma in ("cite", "tell", "confirm", "deny", "quote"):
        return True
    if verb.dep_ in ("parataxis", "ROOT") and any(c.dep_ == "ccomp" for c in verb.children):
        return True
    if verb.dep_ == "parataxis":
        return True
    return any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or any(
        c.dep_ == "punct" and c.text in ('"', "“", "”", "''", ",") for c in verb.children
    )


def _from_parse(parsed: Any, add: Any) -> None:
    """Subjects of reporting verbs, objects of 'cite', recipients of 'tell'."""
    for token in parsed:
        if token.pos_ not in ("VERB", "AUX") or str(token.lemma_).lower() not in REPORTING_VERBS:
            continue
        lemma = str(token.lemma_).lower()
        if any(
            str(a.lemma_).lower() in REPORTING_VERBS and a.pos_ in ("VERB", "AUX") for a in token.ancestors
        ):
            continue  # "he said the pilot reported ...": the pilot's report is the content, not the source
        if not _reports_something(token, lemma):
            continue  # "the FBI added him to its list": 'add' used as a plain verb
        if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in token.children):
            continue  # "a pilot ... would tell a controller": what would happen, not who told
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        has_subject = bool(subjects)
        # "Manama, Bahrain's capital, the U.S. Embassy said": a misparse gives two subjects; the one
        # next to the verb is the speaker
        speaker = max(subjects, key=lambda c: (c.i < token.i, c.i if c.i < token.i else -c.i), default=None)
        for child in token.children:
            if child.dep_ == "nsubj" and speaker is not None and child.i == speaker.i:
                if child.right_edge.i - child.left_edge.i + 1 > _MAX_SOURCE_TOKENS or child.pos_ not in (
                    "NOUN",
                    "PROPN",
                    "PRON",
                ):
                    continue  # a whole clause as subject is not a source
                left = child.left_edge.idx
                right = child.right_edge.idx + len(child.right_edge.text)
                label = (
                    "PRONOUN"
                    if child.lower_ in _PRONOUNS and child.left_edge.i == child.right_edge.i
                    else "SOURCE"
                )
                add(left, right, label, "source")
            elif child.dep_ == "dobj" and lemma == "cite" and not has_subject:
                add(
                    child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text), "SOURCE", "source"
                )
            elif child.dep_ in ("dative", "dobj") and lemma == "tell" and child.pos_ == "PROPN":
                add(
                    child.left_edge.idx,
                    child.right_edge.idx + len(child.right_edge.text),
                    "CHANNEL",
                    "channel",
                )


def _person_in(parsed: Any, start: int, end: int) -> str | None:
    """The normalised name of the first person named inside a source phrase, if any."""
    if parsed is None:
        return None
    for ent in parsed.ents:
        if ent.label_ == "PERSON" and start <= ent.start_char and ent.end_char <= end:
            return aliases.normalise(ent.text, "PERSON") or None
    return None


def source_key(surface: str) -> str:
    """Normalised source: folded and aliased (titles kept: "two US officials" stays informative)."""
    return aliases.normalise(surface, "ORG")


def is_anonymous(key: str) -> bool:
    """'sources', 'two US officials': unnamed sources."""
    words = key.split()
    return bool(words) and words[-1] in _ANONYMOUS

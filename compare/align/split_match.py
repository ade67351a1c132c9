"""One-to-two matches among statements left alone: one outlet says in one sentence what another splits.

After the main grouping, a statement that found no partner may still be what another outlet spread over
two nearby sentences ("Trump criticised Biden for failing for too long to authorise strikes" against
"Biden approved the strikes." ... "Trump called the move a big mistake."). Each half alone is a weak
match; together they explain the one sentence better than either does. This is the 1-2 alignment of
sentence aligners such as Vecalign: embed the two sentences joined and keep the join only if it is
clearly closer to the single sentence than its better half, and the two sit close together in their
report, and the later one leans on the earlier: it opens with a pronoun or names it back ("the move",
"this decision"). Without that cue two neighbouring sentences are two statements, however close their
topic (measured: on CSTBank the cue-free variant linked only pairs the judges had not related).

The pass looks only at statements still in a claim of their own, and only at the best partner of each
and that partner's near neighbours, so its cost grows with the number of leftovers, not with their
square.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from compare.align.embed import Embedder

__all__ = ["SplitMatch", "SplitSettings", "find_split_matches", "refers_back"]

FloatArray = npt.NDArray[np.float32]
BLOCK = 1024  # single statements compared at once with one report's (memory: BLOCK x its size)

# A sentence that leans on the one before it: a pronoun subject at its start (after an optional
# connective), or a definite noun naming an earlier act ("the move", "this decision", "such a ban").
_OPENING_PRONOUN = re.compile(
    r"^\W*(?:(?:but|and|yet|still|also|however|moreover|meanwhile|then|later)\b,?\s+)?"
    r"(?:he|she|it|they|this|that|these|those|his|her|its|their)\b",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those|such an?)\s+(?:so-called\s+)?[\"“‘']?(?:\w+[\"”’']?\s+)?"
    r"(?:move|moves|decision|decisions|step|steps|measure|measures|announcement|order|plan|policy|ruling"
    r"|proposal|request|remarks|comments|statement|claim|claims|deal|agreement|offer|ban|restrictions?"
    r"|approval|permission|refusal|shift|change|action|incident|attack|report|procedure|process"
    r"|mechanism|system|scheme|rules?|practice)\b",
    re.IGNORECASE,
)


def _halves(half: int, alone: Sequence[int], texts: Sequence[str], window: int) -> list[tuple[int, int]]:
    """(first, second) of `half` with each statement of `alone` (sorted, its report's) at most `window`
    apart whose later sentence leans on the earlier one."""
    low = bisect.bisect_left(alone, half - window)
    high = bisect.bisect_right(alone, half + window)
    pairs = [(min(half, other), max(half, other)) for other in alone[low:high] if other != half]
    return [(first, second) for first, second in pairs if refers_back(texts[second])]


def refers_back(text: str) -> bool:
    """True when the sentence leans on an earlier one for what it is about."""
    return bool(_OPENING_PRONOUN.search(text) or _BACK_REFERENCE.search(text))


@dataclass(frozen=True, slots=True, kw_only=True)
class SplitSettings:
    """Thresholds of the one-to-two pass (cosines of MiniLM-style normalised vectors)."""

    best: float = 0.40  # the single statement's best partner must be at least this close
    joined: float = 0.50  # the two joined must be at least this close to the single statement
    gain: float = 0.05  # ... and this much closer than the better of the two alone
    window: int = 2  # the two halves are at most this many claim statements apart in their report
    max_joins: int = 1000  # at most this many joined pairs are encoded, the closest first (~5 s of MiniLM)
    rare: float = 0.1  # each half shares with the single statement a word found in at most this share
    # of all statements (and at most in 3 when there are few): a name or a specific term, not "Ukraine"


DEFAULT_SETTINGS = SplitSettings()


@dataclass(frozen=True, slots=True)
class SplitMatch:
    """Statement `single` matches the statements `first` and `second` (another report) read together."""

    single: int
    first: int
    second: int
    cosine: float  # of the single statement with the two joined


def find_split_matches(
    texts: Sequence[str],
    documents: Sequence[str],
    vectors: FloatArray,
    contents: Sequence[frozenset[str]],
    alone: Sequence[int],
    embedder: Embedder,
    settings: SplitSettings = DEFAULT_SETTINGS,
    paired: Sequence[tuple[int, int]] = (),
) -> list[SplitMatch]:
    """One-to-two matches among the statements in `alone`, disjoint, in a deterministic order.

    Args:
        texts: statement texts in canonical order (document, position); `documents` gives each one's report.
        vectors: their normalised embeddings, one row each.
        contents: their content words (stemmed, no stopwords).
        alone: indexes of the statements still in a claim of their own.
        embedder: encodes the joined texts (the same model as `vectors`).
        settings: thresholds.
        paired: (x, y) of one claim, y the only statement of its report there. y may be one half of a
            match for x whose other half, next to y in its report, is still alone: that outlet said in
            two sentences what x says in one, and only one of them met x.
    """
    frequency = Counter(word for words in contents for word in words)
    rare_limit = max(3.0, settings.rare * len(contents))

    def shares_rare(a: int, b: int) -> bool:
        return any(frequency[word] <= rare_limit for word in contents[a] & contents[b])

    by_document: dict[str, list[int]] = {}
    for i in sorted(alone):
        by_document.setdefault(documents[i], []).append(i)
    proposals: list[tuple[float, int, int, int]] = []  # (best cosine, single, first, second)
    singles = sorted(alone)
    for document, members in sorted(by_document.items()):
        if len(members) < 2:
            continue
        member_vectors = vectors[members]
        askers = [i for i in singles if documents[i] != document]
        for begin in range(0, len(askers), BLOCK):
            block = askers[begin : begin + BLOCK]
            sims = vectors[block] @ member_vectors.T
            best_at = np.argmax(sims, axis=1)  # argmax takes the first of ties: canonical order
            for row, single in enumerate(block):
                closest = float(sims[row, best_at[row]])
                if closest < settings.best:
                    continue
                best = members[int(best_at[row])]
                for first, second in _halves(best, members, texts, settings.window):
                    proposals.append((closest, single, first, second))
    for single, partner in paired:
        closest = float(vectors[single] @ vectors[partner])
        if closest < settings.best:
            continue
        for first, second in _halves(
            partner, by_document.get(documents[partner], []), texts, settings.window
        ):
            proposals.append((closest, single, first, second))
    # the closest first, and a bound on how many joins are encoded (each costs one model call's share)
    proposals.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
    del proposals[settings.max_joins :]
    if not proposals:
        return []
    joined_texts = sorted({f"{texts[first]} {texts[second]}" for _, _, first, second in proposals})
    joined_index = {text: k for k, text in enumerate(joined_texts)}
    joined_vectors = np.asarray(embedder.encode(joined_texts), dtype=np.float32)
    scored: list[SplitMatch] = []
    for _, single, first, second in proposals:
        joined = float(joined_vectors[joined_index[f"{texts[first]} {texts[second]}"]] @ vectors[single])
        halves = max(float(vectors[first] @ vectors[single]), float(vectors[second] @ vectors[single]))
        complementary = shares_rare(single, first) and shares_rare(single, second)
        if joined >= settings.joined and joined - halves >= settings.gain and complementary:
            scored.append(SplitMatch(single, first, second, joined))
    scored.sort(key=lambda m: (-m.cosine, m.single, m.first, m.second))
    taken: set[int] = set()
    chosen = []
    for match in scored:
        if taken.isdisjoint((match.single, match.first, match.second)):
            taken.update((match.single, match.first, match.second))
            chosen.append(match)
    return sorted(chosen, key=lambda m: (m.single, m.first, m.second))

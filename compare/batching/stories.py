"""Group a batch of articles into stories: articles about the same real event.

Three signals are measured between every two articles, each over this batch only:

- words: TF-IDF cosine of the article's words, IDF over the batch, so that the words every article of
  a kind shares ("earthquake", "magnitude") weigh little and the ones only one event's reports share
  (a town, a victim's name, a figure) weigh most;
- entities: IDF-weighted cosine of the named entities in the headline and lead (places, people,
  organisations, dates, figures), found by spaCy's entity recogniser on a bounded prefix;
- meaning: cosine of the leads' meaning (the mean vector of each article's first statements), counted
  only above the level unrelated news reaches.

Their weighted sum is each article's similarity to the others, scaled down where both publication dates
are known and far apart. Two articles of one event are seldom each other's nearest neighbours by a wide
margin, but they do share neighbours, so articles are compared by their neighbourhoods: each article's
row keeps its similarity to its few nearest neighbours that pass a floor (and 1 for itself), and the
distance between two articles is 1 minus the cosine of their rows. Average linkage (scipy) over that
distance, cut at one threshold, gives the stories. Measured on ECB+ by bench/bench_stories.py.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Protocol

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from compare.align.embed import Embedder
from compare.facts import nlp
from compare.model import Document, Statement
from compare.prepared import PreparedDocument

__all__ = ["CUT", "FeatureCache", "group_stories", "remember_lead_entities", "story_distances"]

FloatArray = npt.NDArray[np.float64]

# Weights of the three signals in an article's similarity to another (they sum to 1).
WORD_WEIGHT = 0.55
ENTITY_WEIGHT = 0.35
MEANING_WEIGHT = 0.10
# Embedding cosine below this is what unrelated news reaches (MiniLM: different stories' leads mostly
# sit under 0.5); only the part above it counts, scaled to 0..1.
MEANING_FLOOR = 0.5
# Neighbourhoods: each article keeps its NEIGHBOURS most similar articles whose similarity reaches
# NEIGHBOUR_FLOOR (on ECB+ the most similar article of another kind of event stays under ~0.13).
NEIGHBOURS = 8
NEIGHBOUR_FLOOR = 0.1
# Stories are cut where the average neighbourhood distance between two groups exceeds this. On ECB+
# (bench/bench_stories.py --sweep) B-cubed F1 stays within 0.01 of its best from 0.80 to 0.92; higher
# cuts split fewer events but soon merge events of one kind (0.94 on).
CUT = 0.90
# Publication dates further apart than this many days weaken a pair's similarity in proportion.
SAME_WEEK_DAYS = 7
# The entity recogniser reads this many characters from each article's start (headline and lead).
LEAD_CHARS = 1200
_ENTITY_KIND = "story-entities"  # the cache's name for a lead's entity names
LEAD_STATEMENTS = 4  # the first statements (headline included) whose mean vector is the lead's meaning

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_ENTITY_LABELS = frozenset(
    {
        "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
        "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL",
    }
)  # fmt: skip
# Function words: they say nothing about which event an article reports.
_STOPWORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
        "he", "her", "his", "i", "in", "is", "it", "its", "not", "of", "on", "or", "our", "she", "that",
        "the", "their", "them", "they", "this", "to", "was", "we", "were", "which", "who", "will", "with",
        "would", "said", "says", "say", "also", "after", "before", "about", "over", "than", "more", "into",
        "up", "out", "there", "being", "can", "could", "may", "might", "one", "new",
    }
)  # fmt: skip


class FeatureCache(Protocol):
    """Values made from a text, kept between runs (compare.batching.store.ArticleStore is one)."""

    def features(self, kind: str, texts: Sequence[str]) -> Mapping[str, object]: ...

    def keep_features(self, kind: str, values: Mapping[str, object]) -> None: ...


def group_stories(
    documents: Sequence[Document], embedder: Embedder, cache: FeatureCache | None = None
) -> list[tuple[str, ...]]:
    """Group articles about the same real event into stories.

    Deterministic and independent of input order: the documents are read sorted by id.

    Args:
        documents: the batch's articles (ids unique); title and published are used where present.
        embedder: encodes the first statements of every article, in one call.
        cache: where each lead's entity names are kept between runs (a batch's cache).

    Returns:
        Each story as the sorted ids of its documents; stories sorted by their first id. Articles
        alone in a story are returned as 1-tuples.
    """
    ordered = sorted(documents, key=lambda document: document.id)
    if len(ordered) < 2:
        return [(document.id,) for document in ordered]
    distances = story_distances(ordered, embedder, cache)
    labels = fcluster(linkage(squareform(distances), "average"), CUT, "distance")
    stories: dict[int, list[str]] = {}
    for document, label in zip(ordered, labels, strict=True):
        stories.setdefault(int(label), []).append(document.id)
    return sorted(tuple(sorted(ids)) for ids in stories.values())


def remember_lead_entities(documents: Sequence[Document], cache: FeatureCache) -> None:
    """Find the entity names of each article's lead and keep them, so that grouping reads them from the cache.

    A batch runs this where it prepares its articles (in parallel chunks) before it groups them.
    """
    _entity_terms([_lead_prefix(document) for document in documents], cache)


def story_distances(
    documents: Sequence[Document], embedder: Embedder, cache: FeatureCache | None = None
) -> FloatArray:
    """The neighbourhood distance (0..1) between every two of `documents`, as a square matrix."""
    similarity = article_similarity(documents, embedder, cache)
    return _neighbourhood_distance(similarity)


def article_similarity(
    documents: Sequence[Document], embedder: Embedder, cache: FeatureCache | None = None
) -> FloatArray:
    """Each article's similarity (0..1) to every other: words, entities and meaning, dates applied."""
    words = _idf_cosine([_word_counts(_full_text(document)) for document in documents])
    entities = _entity_terms([_lead_prefix(document) for document in documents], cache)
    vectors = _lead_vectors(documents, embedder, cache)
    meaning = np.clip((vectors @ vectors.T - MEANING_FLOOR) / (1 - MEANING_FLOOR), 0.0, 1.0)
    if entities is None:  # no spaCy model: the entities' weight goes to the words
        combined = (WORD_WEIGHT + ENTITY_WEIGHT) * words + MEANING_WEIGHT * meaning
    else:
        combined = WORD_WEIGHT * words + ENTITY_WEIGHT * _idf_cosine(entities) + MEANING_WEIGHT * meaning
    combined *= _date_factor([_published_day(document) for document in documents])
    np.fill_diagonal(combined, 1.0)
    return combined


def _neighbourhood_distance(similarity: FloatArray) -> FloatArray:
    """1 - cosine of the articles' neighbourhood rows (self 1, nearest neighbours their similarity)."""
    count = similarity.shape[0]
    others = similarity.copy()
    np.fill_diagonal(others, -np.inf)
    # stable sort over id-ordered rows: ties break the same way whatever order the input came in
    nearest = np.argsort(-others, axis=1, kind="stable")[:, :NEIGHBOURS]
    rows = np.zeros_like(similarity)
    picked = np.take_along_axis(similarity, nearest, axis=1)
    np.put_along_axis(rows, nearest, np.where(picked >= NEIGHBOUR_FLOOR, picked, 0.0), axis=1)
    rows[np.arange(count), np.arange(count)] = 1.0
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    distance = np.clip(1.0 - rows @ rows.T, 0.0, 1.0)
    distance = (distance + distance.T) / 2
    np.fill_diagonal(distance, 0.0)
    return distance


def _idf_cosine(features: Sequence[Counter[str]]) -> FloatArray:
    """Cosine between TF-IDF vectors: log term frequency, smoothed IDF over this batch.

    The IDF is smoothed (log((1 + N) / (1 + n)) + 1): a word every article of the batch shares still
    counts a little. Unsmoothed, a batch that one story dominates (a desk's day with eleven reports of
    one crash among eighteen articles) weighs that story's own names near zero and splits it apart.
    """
    count = len(features)
    frequency = Counter(term for feature in features for term in feature)
    shared = sorted(term for term, n in frequency.items() if n > 1)  # only these can match
    column = {term: index for index, term in enumerate(shared)}
    matrix = np.zeros((count, len(shared)))
    norms = np.ones(count)
    for row, feature in enumerate(features):
        weights = {
            term: (1 + math.log(n)) * (math.log((1 + count) / (1 + frequency[term])) + 1)
            for term, n in feature.items()
        }
        norms[row] = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0  # all terms count
        for term, weight in weights.items():
            index = column.get(term)
            if index is not None:
                matrix[row, index] = weight
    matrix /= norms[:, None]
    result: FloatArray = matrix @ matrix.T
    return result


def _word_counts(text: str) -> Counter[str]:
    """How often each content word occurs in a text (lower case, function words left out)."""
    words = (word.lower() for word in _WORD.findall(text))
    return Counter(word for word in words if len(word) > 2 and word not in _STOPWORDS)


def _entity_terms(leads: Sequence[str], cache: FeatureCache | None = None) -> list[Counter[str]] | None:
    """The names of the named entities in each lead; None without a spaCy model."""
    known: dict[str, Counter[str]] = {}
    if cache is not None:
        known = {
            text: value
            for text, value in cache.features(_ENTITY_KIND, leads).items()
            if isinstance(value, Counter)
        }
    missing = list(dict.fromkeys(lead for lead in leads if lead not in known))
    if not missing:  # all read before (the batch prepared them): no need to load spaCy here
        return [known[lead] for lead in leads]
    pipeline = nlp.load()
    if pipeline is None:
        return None
    others = [name for name in pipeline.pipe_names if name != "ner"]  # the recogniser alone is enough
    fresh: dict[str, Counter[str]] = {}
    for lead, parsed in zip(missing, pipeline.pipe(missing, batch_size=64, disable=others), strict=True):
        names = (_entity_name(entity.text) for entity in parsed.ents if entity.label_ in _ENTITY_LABELS)
        fresh[lead] = Counter(name for name in names if name)
    if cache is not None and fresh:
        cache.keep_features(_ENTITY_KIND, fresh)
    known.update(fresh)
    return [known[lead] for lead in leads]


def _entity_name(text: str) -> str:
    """An entity's name as compared: lower case, without a leading "the" or a possessive ending."""
    name = re.sub(r"\s+", " ", text.lower()).strip()
    name = re.sub(r"^the ", "", name)
    return re.sub(r"['’]s$", "", name).strip()


def _full_text(document: Document) -> str:
    return f"{document.title}\n{document.text}" if document.title else document.text


def _lead_vectors(
    documents: Sequence[Document], embedder: Embedder, cache: FeatureCache | None = None
) -> FloatArray:
    """Each article's lead meaning: the mean vector of its first statements, unit length.

    The statements are the ones the comparison of the story embeds again (the same texts, segmented
    the same way), so a batch's cache holds their vectors once for both.
    """
    leads = [
        [statement.text for statement in _statements(document, cache) if statement.kind.is_claim][
            :LEAD_STATEMENTS
        ]
        for document in documents
    ]
    texts = sorted({text for lead in leads for text in lead})
    encoded = np.asarray(embedder.encode(texts), dtype=np.float64) if texts else np.zeros((0, 1))
    row_of = {text: index for index, text in enumerate(texts)}
    width = encoded.shape[1] if texts else 1
    vectors = np.zeros((len(documents), width))
    for index, lead in enumerate(leads):
        if lead:
            mean = encoded[[row_of[text] for text in lead]].mean(axis=0)
            vectors[index] = mean / (np.linalg.norm(mean) or 1.0)
    return vectors


def _statements(document: Document, cache: FeatureCache | None) -> Sequence[Statement]:
    """The article's statements: as the batch prepared them when its cache has them, else segmented here.

    A batch prepares every article before grouping, so its store already holds them (reading them back
    takes about half of segmenting again, ~5 ms an article); they are the same statements either way.
    """
    from compare.segment import segment

    prepared = getattr(cache, "prepared", None)  # an ArticleStore (a compare.prepared.PreparedStore)
    found = prepared(document) if callable(prepared) else None
    if isinstance(found, PreparedDocument):
        return found.statements
    return segment(document)


def _lead_prefix(document: Document) -> str:
    """Headline and the start of the text, cut at a space, for the entity recogniser."""
    text = _full_text(document)
    if len(text) <= LEAD_CHARS:
        return text
    cut = text.rfind(" ", 0, LEAD_CHARS)
    return text[: cut if cut > 0 else LEAD_CHARS]


def _published_day(document: Document) -> int | None:
    """The publication date as a day number, None when absent or unreadable."""
    if not document.published:
        return None
    try:
        return date.fromisoformat(document.published[:10]).toordinal()
    except ValueError:
        return None


def _date_factor(days: Sequence[int | None]) -> FloatArray:
    """1 for every pair, except pairs with both dates known more than a week apart: week / gap."""
    known = np.array([day is not None for day in days])
    values = np.array([day if day is not None else 0 for day in days], dtype=np.float64)
    gap = np.abs(values[:, None] - values[None, :])
    both = known[:, None] & known[None, :]
    factor: FloatArray = np.where(both & (gap > SAME_WEEK_DAYS), SAME_WEEK_DAYS / np.maximum(gap, 1.0), 1.0)
    return factor

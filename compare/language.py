"""Each document's language, and what the comparison cannot judge yet for documents not in English.

Detection is offline: langdetect (Apache-2.0) ships its 55 language profiles inside the package.
The facts and judgements were built for English (spaCy's English model, English cue words), so for
another language they would silently find nothing; instead the limits are said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from compare.model import Document

__all__ = ["ENGLISH_ONLY", "detect_language", "is_english", "language_limits", "with_language"]

# Judgements that rely on English models or English cue words; for other languages they find nothing.
ENGLISH_ONLY = (
    "names and places (entities)",
    "who said it (attribution)",
    "yes vs no (polarity)",
    "hedges (certainty)",
    "stance",
    "what one report adds in a clause of its own",
    "numbers and dates written in words",
    "matching statements with other outlets by meaning (English embedding model)",
)
# Characters of a document that detection reads (its start is enough, and keeps it fast).
_SAMPLE_CHARS = 5_000
# Fewer letters than this and no guess is made: detection on a line or two is unreliable.
_MIN_LETTERS = 20
_MIN_PROBABILITY = 0.7


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (`zh-cn`, `zh-tw` for Chinese), or None if unsure."""
    sample = text[:_SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < _MIN_LETTERS:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples at random: a fixed seed gives the same answer every run
    try:
        found = detect_langs(sample)
    except LangDetectException:
        return None
    if not found or found[0].prob < _MIN_PROBABILITY:
        return None
    return str(found[0].lang)


def with_language(document: Document) -> Document:
    """The document with its language filled in by detection where its metadata gave none."""
    if document.language:
        return document
    found = detect_language(document.text)
    return replace(document, language=found) if found else document


def is_english(language: str | None) -> bool:
    """Whether a language tag (as given in metadata or detected) names English; unknown counts as English."""
    if not language:
        return True
    return language.strip().lower().replace("_", "-").split("-")[0] in ("en", "eng", "english")


def language_limits(documents: Sequence[Document]) -> dict[str, list[str]]:
    """For each document not in English, by id, the judgements that do not apply to it yet."""
    return {document.id: list(ENGLISH_ONLY) for document in documents if not is_english(document.language)}

"""The one orchestrator: documents in, one Comparison out. CLI, batch and tests all call it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from compare.decode import valid_text
from compare.errors import InputError
from compare.ingest import check_documents, check_sizes
from compare.language import language_limits, with_language
from compare.model import Comparison, Document, Fact, Statement
from compare.options import Options
from compare.prepared import KnownVectors, PreparedDocument, PreparedStore
from compare.progress import NullProgress, Progress

if TYPE_CHECKING:
    from compare.align.embed import Embedder
    from compare.facts.reading import Reading

# Statements whose spaCy parses are made in one batch before their facts are extracted (well under the
# parse cache of compare.facts.nlp, so none is forgotten before use).
_PARSE_AHEAD = 1024
# ... and at most this many characters: spaCy's memory grows with the tokens of one nlp.pipe() batch, so
# 418 statements cut at MAX_STATEMENT_CHARS took 800 MB in one batch and 270 MB in chunks of this size
# (bench/bench_large_input.py). A parse is the same in any chunk.
_PARSE_AHEAD_CHARS = 40_000


def compare_documents(
    documents: Sequence[Document],
    *,
    options: Options | None = None,
    now: datetime | None = None,
    notes: str | None = None,
    progress: Progress | None = None,
    store: PreparedStore | None = None,
) -> Comparison:
    """Compare two or more reports of one story, statement by statement.

    Args:
        documents: the reports, each with a unique id.
        options: how to compare (embedder, limits); defaults to Options().
        now: the time stamped on the result; pass one for reproducible output.
        notes: an editor's own Markdown notes, carried into every output format.
        progress: receives stage names and counts; silent by default.
        store: where articles prepared by an earlier run are kept (a batch's cache); the result is the
            same with or without one.

    Returns:
        The Comparison that every renderer turns into a report.
    """
    from compare.align import align
    from compare.align.embed import Prefetch
    from compare.copies import copy_groups
    from compare.facts import nlp
    from compare.finding_ids import stable_finding_ids
    from compare.judge import judge
    from compare.judge.pair_model import PairModelLoad
    from compare.key_figures import key_figures

    options = options or Options()
    progress = progress or NullProgress()
    if notes is not None:  # made valid here, as documents are where they are built (Document)
        notes, replaced = valid_text(notes)
        if replaced:
            warnings.warn(
                "notes held characters that are not text; they are read as U+FFFD", UnicodeWarning, 2
            )
    documents = tuple(documents)
    for document in documents:
        if not isinstance(document, Document):
            raise InputError(f"expected Document values, got {type(document).__name__}")
    check_sizes(
        documents, max_document_chars=options.max_document_chars, max_total_chars=options.max_total_chars
    )
    check_documents(documents)

    prepared_before = _prepared_before(documents, store)
    statements = _segment_all(documents, prepared_before, progress)
    claim_statements = [statement for statement in statements if statement.kind.is_claim]
    claim_texts = sorted({statement.text for statement in claim_statements})
    known_vectors = store.vectors(options.embedder, claim_texts) if store is not None else {}
    # The embedder loads and encodes in the background while facts are extracted; align() asks for
    # exactly these texts (each distinct text once, sorted), so it gets them from memory.
    prefetch = Prefetch(options.embedder, [text for text in claim_texts if text not in known_vectors])
    # Encoding is the longest task (10 outlets x 80 sentences: 3 s on one core), so it starts first.
    # Segmenting reads only each document's text and id; it ran beside spaCy's load, which holds the
    # GIL for long stretches and made 0.1 s of segmenting take 0.8 s, and before language detection.
    # Now spaCy loads (overlapping language detection) while the embedder encodes on the other core:
    # the vectors are ready ~1 s sooner.
    if len(prepared_before) < len(documents):
        nlp.preload()
    # the sentence-pair model loads beside the facts stage too (0.2 s), read by the judge
    pair_model_job = PairModelLoad() if options.judge == "model" else None
    given = documents
    documents, facts, readings = _read_all(documents, statements, prepared_before, progress)
    limits = language_limits(documents)
    if store is not None:
        _keep_prepared(store, given, documents, statements, facts, readings, prepared_before)

    progress.stage("encode statements", 1)  # the encoder's load and whatever encoding is left
    embedder: Embedder = prefetch.embedder()
    progress.advance()
    progress.stage("align", len(claim_statements))
    if store is not None:
        embedder = KnownVectors(embedder, known_vectors)
    claims = align(claim_statements, facts, embedder)
    if isinstance(embedder, KnownVectors) and store is not None and embedder.fresh:
        store.keep_vectors(options.embedder, embedder.fresh)
    progress.advance(len(claim_statements))

    pair_model = None
    if pair_model_job is not None:
        progress.stage("load sentence-pair model", 1)
        pair_model = pair_model_job.result()
        progress.advance()
    progress.stage("judge", len(claims))
    claims, findings = judge(
        claims, statements, facts, documents, readings, pair_model=pair_model, on_claim=progress.advance
    )
    findings = stable_finding_ids(findings, statements)  # ids that survive reruns, for review decisions
    progress.close()

    copies = copy_groups(documents, statements)  # copies of one wire text count as one source
    stamp = (now or datetime.now(UTC)).replace(microsecond=0).isoformat()
    return Comparison(
        documents=documents,
        statements=tuple(statements),
        facts=tuple(fact for statement in claim_statements for fact in facts[statement.id]),
        claims=tuple(claims),
        findings=tuple(findings),
        key_figures=key_figures(
            documents,
            statements,
            (f for s in claim_statements for f in facts[s.id]),
            claims,
            findings,
            copies=copies,
        ),
        copies=copies,
        generated=stamp,
        # language_limits (only when a document is not in English): document id -> the judgements
        # that do not apply to it yet (compare.language.ENGLISH_ONLY).
        settings={
            "embedder": embedder.name,
            "judge": options.judge,
            **({"language_limits": limits} if limits else {}),
        },
        notes=notes,
    )


def prepare_documents(documents: Sequence[Document], *, options: Options, store: PreparedStore) -> None:
    """Segment, read and embed articles into a store, so that comparing them later takes it all from there.

    A batch prepares all its articles this way (in large batches, in parallel chunks) before grouping
    them into stories; compare_documents then finds each article prepared. An article with no
    statement to compare is prepared all the same: its story says so when it is compared.
    """
    from compare.align.embed import Prefetch
    from compare.facts import nlp

    documents = tuple(documents)
    prepared_before = _prepared_before(documents, store)
    statements = _segment_all(documents, prepared_before, NullProgress(), require_claims=False)
    claim_texts = sorted({statement.text for statement in statements if statement.kind.is_claim})
    known_vectors = store.vectors(options.embedder, claim_texts)
    missing = [text for text in claim_texts if text not in known_vectors]
    prefetch = Prefetch(options.embedder, missing)
    if len(prepared_before) < len(documents):
        nlp.preload()
        with_language_documents, facts, readings = _read_all(
            documents, statements, prepared_before, NullProgress()
        )
        _keep_prepared(
            store, documents, with_language_documents, statements, facts, readings, prepared_before
        )
    if missing:
        vectors = prefetch.embedder().encode(missing)
        store.keep_vectors(options.embedder, dict(zip(missing, vectors, strict=True)))


def _segment_all(
    documents: Sequence[Document],
    prepared_before: Mapping[str, PreparedDocument],
    progress: Progress,
    *,
    require_claims: bool = True,
) -> list[Statement]:
    """Every document's statements, in order (from the store where it has them)."""
    from compare.segment import segment

    progress.stage("segment", len(documents))
    statements: list[Statement] = []
    for document in documents:
        known = prepared_before.get(document.id)
        found = list(known.statements) if known is not None else segment(document)
        if require_claims and not any(statement.kind.is_claim for statement in found):
            raise InputError(
                f"{document.source or document.id}: no article text to compare (only captions or boilerplate)"
            )
        statements.extend(found)
        progress.advance()
    return statements


def _read_all(
    documents: Sequence[Document],
    statements: Sequence[Statement],
    prepared_before: Mapping[str, PreparedDocument],
    progress: Progress,
) -> tuple[tuple[Document, ...], dict[str, list[Fact]], dict[str, Reading]]:
    """Documents with their language, and each claim statement's facts and reading (store first)."""
    from compare.facts import extract_facts, nlp, read_statement

    documents = tuple(
        known.document if (known := prepared_before.get(document.id)) is not None else with_language(document)
        for document in documents
    )
    by_document = {document.id: document for document in documents}
    claim_statements = [statement for statement in statements if statement.kind.is_claim]
    if any(statement.document not in prepared_before for statement in claim_statements):
        progress.stage("load language model", 1)  # loading since segmenting; the facts need it now
        nlp.load()
        progress.advance()
    progress.stage("facts", len(claim_statements))
    facts: dict[str, list[Fact]] = {}
    readings: dict[str, Reading] = {}
    for statement in claim_statements:
        known = prepared_before.get(statement.document)
        if known is not None:
            facts[statement.id] = list(known.facts[statement.id])
            readings[statement.id] = known.readings[statement.id]
    progress.advance(len(facts))
    to_read = [statement for statement in claim_statements if statement.id not in facts]
    for chunk in _parse_chunks(to_read):
        nlp.prepare_many([statement.text for statement in chunk])
        for statement in chunk:
            facts[statement.id] = extract_facts(statement, by_document[statement.document])
            readings[statement.id] = read_statement(statement)
            progress.advance()
    return documents, facts, readings


def _parse_chunks(statements: Sequence[Statement]) -> Iterator[list[Statement]]:
    """Statements in order, in chunks of at most _PARSE_AHEAD statements and _PARSE_AHEAD_CHARS characters."""
    chunk: list[Statement] = []
    size = 0
    for statement in statements:
        if chunk and (len(chunk) >= _PARSE_AHEAD or size + len(statement.text) > _PARSE_AHEAD_CHARS):
            yield chunk
            chunk, size = [], 0
        chunk.append(statement)
        size += len(statement.text)
    if chunk:
        yield chunk


def _prepared_before(
    documents: Sequence[Document], store: PreparedStore | None
) -> dict[str, PreparedDocument]:
    """Document id -> the article as an earlier run prepared it, for those the store knows."""
    if store is None:
        return {}
    found = {document.id: store.prepared(document) for document in documents}
    return {document_id: prepared for document_id, prepared in found.items() if prepared is not None}


def _keep_prepared(
    store: PreparedStore,
    given: Sequence[Document],
    documents: Sequence[Document],
    statements: Sequence[Statement],
    facts: Mapping[str, Sequence[Fact]],
    readings: Mapping[str, Reading],
    prepared_before: Mapping[str, PreparedDocument],
) -> None:
    """Put each article prepared by this run into the store, keyed by the document as it was given."""
    for original, document in zip(given, documents, strict=True):
        if document.id in prepared_before:
            continue
        own = tuple(statement for statement in statements if statement.document == document.id)
        claim_ids = [statement.id for statement in own if statement.kind.is_claim]
        store.keep_prepared(
            original,
            PreparedDocument(
                document=document,
                statements=own,
                facts={statement_id: tuple(facts[statement_id]) for statement_id in claim_ids},
                readings={statement_id: readings[statement_id] for statement_id in claim_ids},
            ),
        )

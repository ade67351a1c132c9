"""Who a name stands for across the reports: short names, job titles and 'he said' resolved to people."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from compare.facts import aliases
from compare.model import Fact, FactKind, Statement


def resolve_facts(
    facts: Mapping[str, Sequence[Fact]], by_id: Mapping[str, Statement]
) -> dict[str, list[Fact]]:
    """Facts with surnames mapped to full names, titles and pronouns to the person they stand for."""
    canon = aliases.canonical_map(
        f.key
        for fs in facts.values()
        for f in fs
        if f.kind is FactKind.ENTITY and f.label in ("PERSON", "NAME")
    )
    out = {sid: [_canonical(f, canon) for f in fs] for sid, fs in facts.items()}
    out = _resolve_title_sources(out, by_id)
    return _resolve_pronoun_sources(out, by_id)


def _canonical(fact: Fact, canon: Mapping[str, str]) -> Fact:
    if fact.kind is FactKind.ENTITY and fact.key in canon and canon[fact.key] != fact.key:
        return replace(fact, key=canon[fact.key])
    return fact


def _resolve_title_sources(
    facts: Mapping[str, Sequence[Fact]], by_id: Mapping[str, Statement]
) -> dict[str, list[Fact]]:
    """'the Defense Secretary said' names the person called 'Defense Secretary Pete Hegseth' elsewhere."""
    people: dict[frozenset[str], set[str]] = {}
    for sid, fs in facts.items():
        statement = by_id.get(sid)
        if statement is None:
            continue
        for fact in fs:
            if fact.kind is FactKind.ENTITY and fact.label == "PERSON" and len(fact.key.split()) > 1:
                title = aliases.title_before(statement.text, fact.start - statement.start)
                if title:
                    people.setdefault(title, set()).add(fact.key)
    known = {title: next(iter(keys)) for title, keys in people.items() if len(keys) == 1}
    out: dict[str, list[Fact]] = {}
    for sid, fs in facts.items():
        resolved = []
        for fact in fs:
            if fact.kind is FactKind.ATTRIBUTION and fact.label == "SOURCE":
                title = aliases.title_key(fact.text)
                if title in known:
                    fact = replace(fact, key=known[title], label="PERSON", role="title")
            resolved.append(fact)
        out[sid] = resolved
    return out


def _resolve_pronoun_sources(
    facts: Mapping[str, Sequence[Fact]], by_id: Mapping[str, Statement]
) -> dict[str, list[Fact]]:
    """'he said' takes the person quoted just before in the same report (at most two statements back)."""
    out = {sid: list(fs) for sid, fs in facts.items()}
    per_doc: dict[str, list[Statement]] = {}
    for sid in facts:
        if sid in by_id:
            per_doc.setdefault(by_id[sid].document, []).append(by_id[sid])
    for stmts in per_doc.values():
        stmts.sort(key=lambda s: s.index)
        last: tuple[int, Fact] | None = None
        for statement in stmts:
            resolved = []
            for fact in out[statement.id]:
                if (
                    fact.kind is FactKind.ATTRIBUTION
                    and fact.label == "PRONOUN"
                    and fact.text.lower() in ("he", "she")
                    and last is not None
                    and statement.index - last[0] <= 2
                ):
                    fact = replace(fact, key=last[1].key, label="PERSON", role="pronoun")
                resolved.append(fact)
            out[statement.id] = resolved
            people = [f for f in resolved if f.kind is FactKind.ATTRIBUTION and f.label == "PERSON"]
            if people:
                last = (statement.index, people[-1])
    return out

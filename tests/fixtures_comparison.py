"""Hand-made Comparisons for render tests and the render benchmark (no pipeline needed)."""

from __future__ import annotations

import difflib
import os
import random
from pathlib import Path

from compare.model import (
    Claim,
    Comparison,
    Document,
    FigureCell,
    FigureKind,
    FigureValue,
    Finding,
    FindingType,
    KeyFigure,
    Pair,
    Related,
    Relation,
    Severity,
    Span,
    Statement,
    StatementKind,
    Verdict,
)

GENERATED = "2026-11-21T08:00:00+00:00"
# Two short reports of one story, for tests that run the command line on files.
STORY_A = (
    "Council approves new bridge\n\nThe city council approved the new bridge on Monday. "
    "The bridge will cost 40 million dollars, the mayor said.\n"
)
STORY_B = (
    "Bridge plan passes\n\nOn Monday the council voted for the bridge. "
    "Officials put the cost at 45 million dollars.\n"
)

# One toll told twice: in a short statement of Alpha and inside a long sentence of Beta, so that the two
# land in different claims and the dispute between them crosses claims.
TOLL_ACROSS_CLAIMS = (
    "The explosion tore through the central market in Dalton on Monday morning. The blast killed 12 "
    "people. Police have opened an investigation into the cause.",
    "Witnesses said the central market in Dalton was crowded with shoppers and traders setting up their "
    "stalls on Monday morning when a gas cylinder exploded near the fish stalls, killing 14 people and "
    "shattering windows across the square. Police have opened an investigation into the cause.",
)
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class _Writer:
    """Appends statements to one document's text, recording exact spans."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.text = ""
        self.statements: list[Statement] = []

    def add(self, text: str, kind: StatementKind = StatementKind.BODY, sep: str = "\n\n") -> Statement:
        if self.text:
            self.text += sep
        start = len(self.text)
        self.text += text
        statement = Statement(
            id=f"{self.doc_id}:s{len(self.statements)}",
            document=self.doc_id,
            index=len(self.statements),
            start=start,
            end=len(self.text),
            text=text,
            kind=kind,
        )
        self.statements.append(statement)
        return statement


def span(statement: Statement, needle: str) -> Span:
    """The Span of the first occurrence of `needle` inside `statement`."""
    at = statement.text.index(needle)
    return Span(
        document=statement.document,
        statement=statement.id,
        start=statement.start + at,
        end=statement.start + at + len(needle),
        text=needle,
    )


def small_comparison(*, hostile: bool = False, notes: str | None = None) -> Comparison:
    """Three outlets (English, Ukrainian, Vietnamese) of one story with every verdict and a few findings.

    With hostile=True, titles, outlet names, URLs and texts carry XSS and Markdown payloads.
    """
    evil = f" {XSS}" if hostile else ""
    a, b, c = _Writer("a"), _Writer("b"), _Writer("c")
    a_head = a.add("US quietly blocks Ukraine's long-range ATACMS strikes" + evil, StatementKind.HEADLINE)
    a.add("Photo: Defense Express / Screenshot credit: AFU", StatementKind.CAPTION)
    a_stock = a.add("Ukraine still has some ATACMS missiles left, officials said.")
    a_ban = a.add("The ban has been in place since late spring, at least two months.")
    a_num = a.add(
        "The missiles have a range of about 300 km"
        + (" *not* [x](javascript:1) #1 |a|b|" if hostile else "")
        + "."
    )
    a_only = a.add("Hegseth has the final say on every strike request.")
    a.add("Read more: Beyond ATACMS: what alternatives?", StatementKind.BOILERPLATE)
    a.add("By Jane Reporter", StatementKind.BYLINE)
    b_head = b.add("США таємно забороняють Україні удари ATACMS по росії", StatementKind.HEADLINE)
    b_stock = b.add("Ukraine still has a few ATACMS missiles left, US officials said.")
    b_ban = b.add("The ban has been in place since early summer.")
    b_num = b.add("The missiles have a range of about 500 km.")
    b.add("Ілюстративне фото: запуск ATACMS", StatementKind.CAPTION)
    c_head = c.add("Mỹ âm thầm cấm Ukraine dùng tên lửa ATACMS tấn công Nga", StatementKind.HEADLINE)
    c_stock = c.add("Ukraine still has some ATACMS missiles left, officials said.")
    c_url = c.add(
        "Source: https://example.com/a/very/long/url/that/must/wrap/"
        + "x" * 120
        + " and "
        + "Supercalifragilisticexpialidocious" * 4
    )

    documents = (
        Document(
            id="a",
            text=a.text,
            title="US quietly blocks ATACMS strikes" + evil,
            outlet="Defense Express" + evil,
            url="javascript:alert(1)" if hostile else "https://defence.example/atacms",
            published="2025-08-24",
            language="en",
        ),
        Document(
            id="b",
            text=b.text,
            title="США таємно забороняють удари",
            outlet="Українська правда",
            url="https://pravda.example/ua?a=1&b=2",
            published="2025-08-24",
            language="uk",
        ),
        Document(
            id="c",
            text=c.text,
            title=None,
            outlet="VnExpress",
            url=None,
            published=None,
            language="vi",
        ),
    )
    statements = tuple(a.statements + b.statements + c.statements)
    claims = (
        Claim(
            "c1",
            Verdict.PARTIAL,
            (a_head.id, b_head.id, c_head.id),
            (
                Pair(a_head.id, b_head.id, 0.62, Relation.PARTIAL),
                Pair(a_head.id, c_head.id, 0.58, Relation.PARTIAL),
            ),
            ("a", "b", "c"),
        ),
        Claim(
            "c2",
            Verdict.AGREE,
            (a_stock.id, b_stock.id, c_stock.id),
            (
                Pair(a_stock.id, b_stock.id, 0.91, Relation.AGREE),
                Pair(a_stock.id, c_stock.id, 0.99, Relation.AGREE),
            ),
            ("a", "b", "c"),
        ),
        Claim(
            "c3",
            Verdict.CONFLICT,
            (a_ban.id, b_ban.id),
            (Pair(a_ban.id, b_ban.id, 0.74, Relation.CONFLICT),),
            ("a", "b"),
        ),
        Claim(
            "c4",
            Verdict.CONFLICT,
            (a_num.id, b_num.id),
            (Pair(a_num.id, b_num.id, 0.88, Relation.CONFLICT),),
            ("a", "b"),
        ),
        Claim(
            "c5",
            Verdict.UNIQUE,
            (a_only.id,),
            (),
            ("a",),
            (Related(a_only.id, c_url.id, "c6", 0.41, Relation.PARTIAL, 0.41),),
        ),
        Claim(
            "c6",
            Verdict.UNIQUE,
            (c_url.id,),
            (),
            ("c",),
            (Related(c_url.id, a_only.id, "c5", 0.41, Relation.PARTIAL, 0.41),),
        ),
    )
    findings = (
        Finding(
            "f1",
            FindingType.UNIQUE,
            Severity.LOW,
            "c5",
            (a_only.id,),
            "Only Defense Express reports this." + evil,
            (span(a_only, a_only.text),),
        ),
        Finding(
            "f2",
            FindingType.NUMBER,
            Severity.HIGH,
            "c4",
            (a_num.id, b_num.id),
            # as the judge writes messages: the explanation, then the quotes the sides line shows
            "Range differs; one may be a later estimate. "
            "Defense Express: '300 km' — Українська правда: '500 km'",
            (span(a_num, "300 km"), span(b_num, "500 km")),
        ),
        Finding(
            "f3",
            FindingType.TIME_DATE,
            Severity.MEDIUM,
            "c3",
            (a_ban.id, b_ban.id),
            "When the ban started differs: late spring vs early summer.",
            (span(a_ban, "late spring"), span(b_ban, "early summer")),
            note="may be successive updates",
        ),
    )
    # key figures as compare.key_figures would give them: a place all three give, and the disputed range
    key_figures = (
        KeyFigure(
            "k1",
            FigureKind.WHERE,
            "Where",
            tuple(
                FigureCell(st.document, (FigureValue("Ukraine", span(st, "Ukraine"), f"{st.document}:f0"),))
                for st in (a_stock, b_stock, c_stock)
            ),
            outlets=3,
        ),
        KeyFigure(
            "k2",
            FigureKind.NUMBER,
            "Range, km",
            (
                FigureCell("a", (FigureValue("about 300 km", span(a_num, "about 300 km"), "a:f2", "f2"),)),
                FigureCell("b", (FigureValue("about 500 km", span(b_num, "about 500 km"), "b:f1", "f2"),)),
                FigureCell("c"),
            ),
            outlets=2,
            findings=("f2",),
        ),
    )
    return Comparison(
        documents=documents,
        statements=statements,
        facts=(),
        claims=claims,
        findings=findings,
        generated=GENERATED,
        settings={"embedder": "lexical"},
        notes=notes,
        key_figures=key_figures,
    )


_WORDS = [
    "officials",
    "said",
    "the",
    "ministry",
    "confirmed",
    "that",
    "troops",
    "missiles",
    "strikes",
    "region",
    "border",
    "talks",
    "ceasefire",
    "president",
    "minister",
    "reported",
    "according",
    "sources",
    "early",
    "late",
    "spring",
    "summer",
    "week",
    "approved",
    "denied",
    "request",
    "launched",
    "attack",
    "city",
    "village",
    "supplies",
    "aid",
    "convoy",
    "negotiations",
]


def synthetic_comparison(sources: int = 10, claims: int = 300, seed: int = 7) -> Comparison:
    """A large deterministic Comparison: `claims` claims spread over `sources` outlets."""
    rng = random.Random(seed)
    writers = [_Writer(f"src{n}") for n in range(sources)]
    for writer in writers:
        writer.add(f"Headline number {writer.doc_id} about the story", StatementKind.HEADLINE)
    claim_list: list[Claim] = []
    finding_list: list[Finding] = []
    for n in range(1, claims + 1):
        base = [rng.choice(_WORDS) for _ in range(rng.randint(12, 30))]
        number = rng.randint(2, 900)
        carriers = sorted(rng.sample(range(sources), rng.choice((1, 2, 2, 3, 4, sources))))
        members: list[Statement] = []
        for index in carriers:
            words = list(base)
            for _ in range(rng.randint(0, 4)):
                words[rng.randrange(len(words))] = rng.choice(_WORDS)
            shown = number if index != carriers[-1] or n % 5 else number + 10
            text = " ".join(words).capitalize() + f", with {shown} people involved."
            members.append(writers[index].add(text, sep=rng.choice((" ", "\n\n"))))
            if rng.random() < 0.1:
                writers[index].add("Photo: agency credit line", StatementKind.CAPTION)
        pairs = tuple(
            Pair(
                members[0].id,
                other.id,
                rng.uniform(0.5, 1.0),
                Relation.CONFLICT
                if n % 5 == 0 and other is members[-1]
                else (Relation.AGREE if rng.random() < 0.6 else Relation.PARTIAL),
            )
            for other in members[1:]
        )
        if len(members) == 1:
            verdict = Verdict.UNIQUE
        elif any(p.relation is Relation.CONFLICT for p in pairs):
            verdict = Verdict.CONFLICT
        elif any(p.relation is Relation.PARTIAL for p in pairs):
            verdict = Verdict.PARTIAL
        else:
            verdict = Verdict.AGREE
        claim_id = f"c{n}"
        claim_list.append(
            Claim(
                claim_id,
                verdict,
                tuple(s.id for s in members),
                pairs,
                tuple(writers[i].doc_id for i in carriers),
            )
        )
        if verdict is Verdict.CONFLICT:
            first, last = members[0], members[-1]
            finding_list.append(
                Finding(
                    f"f{len(finding_list) + 1}",
                    FindingType.NUMBER,
                    Severity.HIGH,
                    claim_id,
                    (first.id, last.id),
                    f"Numbers differ: {number} vs {number + 10}.",
                    (span(first, str(number)), span(last, str(number + 10))),
                )
            )
        elif verdict is Verdict.UNIQUE:
            finding_list.append(
                Finding(
                    f"f{len(finding_list) + 1}",
                    FindingType.UNIQUE,
                    Severity.LOW,
                    claim_id,
                    (members[0].id,),
                    "Only one source reports this.",
                    (span(members[0], members[0].text),),
                )
            )
    documents = tuple(
        Document(
            id=w.doc_id,
            text=w.text,
            title=f"Report {w.doc_id}",
            outlet=f"Outlet {n}",
            url=f"https://news{n}.example/story",
            published="2025-08-24",
            language="en",
        )
        for n, w in enumerate(writers)
    )
    return Comparison(
        documents=documents,
        statements=tuple(s for w in writers for s in w.statements),
        facts=(),
        claims=tuple(claim_list),
        findings=tuple(finding_list),
        generated=GENERATED,
        settings={},
        notes="Synthetic benchmark report.",
    )


GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
UPDATE_ENV = "COMPARE_UPDATE_GOLDENS"


def assert_golden(name: str, data: bytes) -> None:
    """Compare rendered bytes with tests/golden/<name>.

    To accept a deliberate change, regenerate and review the diff:
        COMPARE_UPDATE_GOLDENS=1 python -m pytest tests/test_render_golden.py && git diff tests/golden
    """
    path = GOLDEN_DIR / name
    if os.environ.get(UPDATE_ENV) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.is_file(), f"missing golden {path}: run with {UPDATE_ENV}=1 to create it"
    expected = path.read_bytes()
    if data != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8").splitlines(),
            data.decode("utf-8").splitlines(),
            f"golden/{name}",
            "rendered",
            lineterm="",
            n=2,
        )
        shown = "\n".join(list(diff)[:60])
        raise AssertionError(f"{name} differs from its golden file ({UPDATE_ENV}=1 to update):\n{shown}")

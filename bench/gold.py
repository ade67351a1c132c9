"""Loaders for the public gold data in ../shared/data (CSTBank, MSRP, STS); read-only, never copied.

Shared by the alignment and judgement evaluations. Run from the repository root as
``python -m bench.gold`` to print a short inventory of what was found.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# CST relation numbers (docs/taxonomy.pdf in the CSTBank source).
CST_NAMES: dict[int, str] = {
    1: "Identity",
    2: "Equivalence",
    3: "Translation",
    4: "Subsumption",
    5: "Contradiction",
    6: "Historical background",
    7: "Citation",
    8: "Modality",
    9: "Attribution",
    10: "Summary",
    11: "Follow-up",
    12: "Indirect speech",
    13: "Elaboration",
    14: "Fulfillment",
    15: "Description",
    16: "Reader profile",
    17: "Change of perspective",
    18: "Overlap",
}
AGREEMENT_TYPES = frozenset({1, 2, 12})
PARTIAL_TYPES = frozenset({4, 10, 13, 18})
CONTRADICTION_TYPES = frozenset({5, 17})
# Types issue 3 counts as "the same statement, or overlapping information": alignment must link these.
RELATED_TYPES = AGREEMENT_TYPES | PARTIAL_TYPES | CONTRADICTION_TYPES


def coarse_label(cst_type: int) -> str:
    """Map one CST type to agreement / partial / contradiction / other-related (as the data README does)."""
    if cst_type in AGREEMENT_TYPES:
        return "agreement"
    if cst_type in PARTIAL_TYPES:
        return "partial"
    if cst_type in CONTRADICTION_TYPES:
        return "contradiction"
    return "other-related"


def default_data_dir() -> Path:
    """The gold data folder: $COMPARE_GOLD_DATA, else ../shared/data next to the repository."""
    env = os.environ.get("COMPARE_GOLD_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One CSTBank sentence with its character span in its .txt file."""

    doc: str
    sno: int
    text: str
    start: int
    end: int
    headline: bool


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One CSTBank report: the .txt text the sentence spans point into."""

    id: str
    path: Path
    text: str
    outlet: str | None
    date: str | None
    title: str | None
    sentences: tuple[GoldSentence, ...]


@dataclass(frozen=True, slots=True)
class GoldPair:
    """A judged relation between two sentences (possibly several types from several judges)."""

    a_doc: str
    a_sno: int
    b_doc: str
    b_sno: int
    types: tuple[int, ...]
    judges: tuple[str, ...]
    coarse_label: str  # the data's own summary label for the pair
    coarse_labels: tuple[str, ...]
    same_document: bool

    @property
    def related(self) -> bool:
        """True when any judge gave a type alignment should link (RELATED_TYPES)."""
        return any(t in RELATED_TYPES for t in self.types)

    @property
    def key(self) -> tuple[tuple[str, int], tuple[str, int]]:
        """Order-free identity of the pair: the two (doc, sno) sorted."""
        x, y = (self.a_doc, self.a_sno), (self.b_doc, self.b_sno)
        return (x, y) if x <= y else (y, x)


@dataclass(frozen=True, slots=True)
class Cluster:
    """One CSTBank cluster: reports of one event plus judged sentence pairs."""

    name: str
    path: Path
    fully_judged: bool  # False: only some types (mds_*: Subsumption only) were judged
    note: str
    documents: tuple[GoldDocument, ...]
    pairs: tuple[GoldPair, ...]

    def sentence(self, doc: str, sno: int) -> GoldSentence:
        for document in self.documents:
            if document.id == doc:
                for sentence in document.sentences:
                    if sentence.sno == sno:
                        return sentence
        raise KeyError((doc, sno))

    def to_documents(self) -> list[object]:
        """The reports as compare.model.Document values (id = gold doc id, source = .txt path)."""
        from compare.model import Document

        return [
            Document(
                id=d.id, text=d.text, title=d.title, outlet=d.outlet, published=d.date, source=str(d.path)
            )
            for d in self.documents
        ]


@dataclass(frozen=True, slots=True)
class ParaphrasePair:
    """One MSRP pair: label True = paraphrase."""

    label: bool
    id1: str
    id2: str
    s1: str
    s2: str


@dataclass(frozen=True, slots=True)
class StsPair:
    """One STS benchmark pair with its gold similarity 0..5."""

    genre: str
    source: str
    year: str
    id: str
    score: float
    s1: str
    s2: str


def cstbank_cluster_names(data_dir: Path | None = None) -> list[str]:
    """Names of the CSTBank clusters present (folders with a gold.json), sorted."""
    root = (data_dir or default_data_dir()) / "cstbank"
    return sorted(p.parent.name for p in root.glob("*/gold.json"))


def load_cstbank(name: str, data_dir: Path | None = None) -> Cluster:
    """Load one CSTBank cluster; checks that every gold span matches its .txt text."""
    folder = (data_dir or default_data_dir()) / "cstbank" / name
    raw = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    documents = []
    for d in raw["docs"]:
        path = folder / d["file"]
        text = path.read_text(encoding="utf-8")
        sentences = []
        for s in d["sentences"]:
            sentence = GoldSentence(
                doc=str(d["id"]),
                sno=int(s["sno"]),
                text=s["text"],
                start=int(s["start"]),
                end=int(s["end"]),
                headline=bool(s.get("headline", False)),
            )
            if text[sentence.start : sentence.end] != sentence.text:
                raise ValueError(f"{path}: sentence {sentence.sno} span does not match its text")
            sentences.append(sentence)
        documents.append(
            GoldDocument(
                id=str(d["id"]),
                path=path,
                text=text,
                outlet=d.get("outlet"),
                date=d.get("date"),
                title=d.get("title"),
                sentences=tuple(sentences),
            )
        )
    pairs = tuple(
        GoldPair(
            a_doc=str(p["a_doc"]),
            a_sno=int(p["a_sno"]),
            b_doc=str(p["b_doc"]),
            b_sno=int(p["b_sno"]),
            types=tuple(int(t) for t in p["types"]),
            judges=tuple(p.get("judges", ())),
            coarse_label=p.get("coarse_label", ""),
            coarse_labels=tuple(p.get("coarse_labels", ())),
            same_document=bool(p.get("same_document", p["a_doc"] == p["b_doc"])),
        )
        for p in raw["pairs"]
    )
    return Cluster(
        name=name,
        path=folder,
        fully_judged=bool(raw.get("fully_judged", False)),
        note=raw.get("note", ""),
        documents=tuple(documents),
        pairs=pairs,
    )


def load_msrp(data_dir: Path | None = None, split: str = "val") -> list[ParaphrasePair]:
    """Load MSRP pairs (tab-separated, header line, no quoting)."""
    path = (data_dir or default_data_dir()) / "msrp" / f"msr-para-{split}.tsv"
    rows = path.read_text(encoding="utf-8-sig").splitlines()[1:]
    out = []
    for row in rows:
        if not row.strip():
            continue
        label, id1, id2, s1, s2 = row.split("\t")[:5]
        out.append(ParaphrasePair(label=label.strip() == "1", id1=id1, id2=id2, s1=s1, s2=s2))
    return out


def load_sts(data_dir: Path | None = None, split: str = "dev", genre: str = "headlines") -> list[StsPair]:
    """Load STS benchmark pairs (7 tab-separated fields; some rows carry 2 extra source columns)."""
    path = (data_dir or default_data_dir()) / "sts" / f"sts-{split}.{genre}.tsv"
    out = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if not row.strip():
            continue
        fields = row.split("\t")
        out.append(
            StsPair(
                genre=fields[0],
                source=fields[1],
                year=fields[2],
                id=fields[3],
                score=float(fields[4]),
                s1=fields[5],
                s2=fields[6],
            )
        )
    return out


def _main() -> int:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir()
    for name in cstbank_cluster_names(data):
        cluster = load_cstbank(name, data)
        n_sent = sum(len(d.sentences) for d in cluster.documents)
        related = sum(p.related and not p.same_document for p in cluster.pairs)
        print(
            f"cstbank/{name}: {len(cluster.documents)} docs, {n_sent} sentences, "
            f"{len(cluster.pairs)} judged pairs, {related} related cross-document"
        )
    msrp = load_msrp(data)
    print(f"msrp val: {len(msrp)} pairs, {sum(p.label for p in msrp)} paraphrases")
    sts = load_sts(data)
    print(f"sts dev headlines: {len(sts)} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())

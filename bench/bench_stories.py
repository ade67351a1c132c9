"""Score story grouping (compare.batching.stories) on ECB+: all articles pooled, grouped, scored against gold.

Usage (from the repository root):
    python bench/bench_stories.py [--data ../shared/data] [--embedder minilm|lexical] [--sweep] [--details]

Gold event of an article: its (topic, subtopic) in ecbplus/documents.json. Each topic holds two events of
the same kind, so the other event of a topic is the hard negative. Prints the number of articles, stories
found, B-cubed precision / recall / F1, the share of gold events split over two or more stories, the share
merged with another event in some story, and the seconds taken (encode + group). --sweep prints F1 over a
range of the cut threshold; --details names the events split and merged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scipy.cluster.hierarchy import fcluster, linkage  # noqa: E402
from scipy.spatial.distance import squareform  # noqa: E402

from compare.align.embed import get_embedder  # noqa: E402
from compare.batching import stories  # noqa: E402
from compare.model import Document  # noqa: E402

_NUMBERED = re.compile(r"^\[\d+\]\s?")


def load_ecbplus(data: Path) -> tuple[list[Document], dict[str, str]]:
    """The ECB+ articles as documents (text only) and each article's gold event."""
    folder = data / "ecbplus"
    meta = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
    documents, gold = [], {}
    for name, info in sorted(meta.items()):
        lines = (folder / "docs" / info["topic"] / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        text = "\n".join(_NUMBERED.sub("", line) for line in lines if line.strip())
        documents.append(Document(id=name, text=text))
        gold[name] = f"{info['topic']}/{info['subtopic']}"
    return documents, gold


def load_cstbank(data: Path) -> tuple[list[Document], dict[str, str]]:
    """The CSTBank clusters' articles (another kind: long wire reports, one cluster of 11) and their cluster.

    Its gold is the cluster each file came in; gulfair11 holds a country profile of Bahrain and an A320
    background piece among its crash reports, which a grouping by event may rightly leave apart.
    """
    documents, gold = [], {}
    for cluster in sorted((data / "cstbank").iterdir()):
        for path in sorted(cluster.glob("*.txt")):
            name = f"{cluster.name}-{path.stem}"
            documents.append(Document(id=name, text=path.read_text(encoding="utf-8")))
            gold[name] = cluster.name
    return documents, gold


def bcubed(found: Sequence[tuple[str, ...]], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the stories found against the gold events."""
    story_of = {doc: story for story in found for doc in story}
    event_size: dict[str, int] = defaultdict(int)
    for event in gold.values():
        event_size[event] += 1
    precision = recall = 0.0
    for doc, event in gold.items():
        story = story_of[doc]
        correct = sum(1 for other in story if gold[other] == event)
        precision += correct / len(story)
        recall += correct / event_size[event]
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def split_and_merged(
    found: Sequence[tuple[str, ...]], gold: Mapping[str, str]
) -> tuple[list[str], list[str]]:
    """Gold events spread over two or more stories, and those sharing a story with another event."""
    stories_of: dict[str, set[int]] = defaultdict(set)
    events_in: dict[int, set[str]] = defaultdict(set)
    for index, story in enumerate(found):
        for doc in story:
            stories_of[gold[doc]].add(index)
            events_in[index].add(gold[doc])
    split = sorted(event for event, held in stories_of.items() if len(held) > 1)
    merged = sorted(
        event for event, held in stories_of.items() if any(len(events_in[index]) > 1 for index in held)
    )
    return split, merged


def cut(ids: Sequence[str], distances: object, threshold: float) -> list[tuple[str, ...]]:
    """The stories at one threshold of the average-linkage tree (as group_stories cuts it)."""
    labels = fcluster(linkage(squareform(distances), "average"), threshold, "distance")
    groups: dict[int, list[str]] = defaultdict(list)
    for doc, label in zip(ids, labels, strict=True):
        groups[int(label)].append(doc)
    return sorted(tuple(sorted(group)) for group in groups.values())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--sweep", action="store_true", help="F1 over a range of the cut threshold")
    parser.add_argument("--details", action="store_true", help="name the gold events split and merged")
    parser.add_argument(
        "--set",
        choices=("ecbplus", "cstbank", "both"),
        default="ecbplus",
        help="which articles to pool: ECB+ (the issue's measure), the CSTBank clusters, or both together",
    )
    args = parser.parse_args(argv)
    if not (args.data / "ecbplus" / "documents.json").is_file():
        print(f"bench_stories: no ECB+ data at {args.data / 'ecbplus'} (give --data DIR)", file=sys.stderr)
        return 2
    documents, gold = [], {}
    if args.set in ("ecbplus", "both"):
        documents, gold = load_ecbplus(args.data)
    if args.set in ("cstbank", "both"):
        more, more_gold = load_cstbank(args.data)
        documents, gold = documents + more, {**gold, **more_gold}
    embedder = get_embedder(args.embedder)
    embedder.encode(["warm up"])  # model load is not part of the grouping's time
    started = time.perf_counter()
    found = stories.group_stories(documents, embedder)
    seconds = time.perf_counter() - started
    precision, recall, f1 = bcubed(found, gold)
    split, merged = split_and_merged(found, gold)
    events = len(set(gold.values()))
    print(f"articles            {len(documents)}")
    print(f"gold events         {events}")
    print(f"stories found       {len(found)}")
    print(f"B-cubed precision   {precision:.3f}")
    print(f"B-cubed recall      {recall:.3f}")
    print(f"B-cubed F1          {f1:.3f}")
    print(f"events split        {len(split) / events:.1%} ({len(split)}/{events})")
    print(f"events merged       {len(merged) / events:.1%} ({len(merged)}/{events})")
    print(f"seconds             {seconds:.1f} (encode + group, cut {stories.CUT})")
    if args.details:
        print(f"split:  {' '.join(split) or '-'}")
        print(f"merged: {' '.join(merged) or '-'}")
    if args.sweep:
        ordered = sorted(documents, key=lambda document: document.id)
        distances = stories.story_distances(ordered, embedder)
        ids = [document.id for document in ordered]
        print("cut    F1     P      R      split  merged  stories")
        for step in range(70, 100, 2):
            threshold = step / 100
            found = cut(ids, distances, threshold)
            precision, recall, f1 = bcubed(found, gold)
            split, merged = split_and_merged(found, gold)
            print(
                f"{threshold:.2f}   {f1:.3f}  {precision:.3f}  {recall:.3f}  {len(split) / events:5.1%}"
                f"  {len(merged) / events:5.1%}   {len(found)}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

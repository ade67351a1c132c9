"""Story grouping: same-kind events kept apart, one event in many wordings kept together, order-free."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from compare.align.embed import LexicalEmbedder, get_embedder
from compare.batching.stories import group_stories
from compare.model import Document

# Invented reports: (id, outlet, published, text). Ids start with the event they report.
ARTICLES: tuple[tuple[str, str, str | None, str], ...] = (
    # An earthquake in Peru ...
    ("quake-peru-1", "Wire A", "2026-03-02",
     "A magnitude 6.8 earthquake struck southern Peru on Monday, killing at least 14 people.\n"
     "The quake was centred near Arequipa, the US Geological Survey said.\n"
     "Rescuers in Arequipa searched collapsed adobe homes through the night."),
    ("quake-peru-2", "Daily B", "2026-03-02",
     "At least 14 dead as 6.8 quake rocks Peru's Arequipa region.\n"
     "Peruvian President Rosa Quispe flew to Arequipa to oversee the rescue.\n"
     "Landslides blocked the highway to Chivay, officials said."),
    ("quake-peru-3", "Radio C", "2026-03-03",
     "The death toll from Monday's earthquake in southern Peru rose to 17.\n"
     "Quispe declared a state of emergency in Arequipa and two neighbouring provinces.\n"
     "The 6.8-magnitude tremor damaged hundreds of homes near Chivay."),
    # ... and another in Turkey the same week.
    ("quake-turkey-1", "Wire A", "2026-03-05",
     "A magnitude 5.9 earthquake hit eastern Turkey on Thursday, killing three people in Malatya.\n"
     "Turkey's disaster agency AFAD said 40 buildings collapsed in Malatya province.\n"
     "Aftershocks rattled the town of Doganyol overnight."),
    ("quake-turkey-2", "Daily B", "2026-03-05",
     "Three killed as 5.9 quake shakes Malatya in eastern Turkey.\n"
     "AFAD sent 600 rescue workers to Malatya and Doganyol.\n"
     "Residents spent the night outdoors in freezing temperatures."),
    ("quake-turkey-3", "Radio C", "2026-03-06",
     "Rescuers in Malatya pulled a child alive from the rubble a day after the 5.9 earthquake.\n"
     "The AFAD agency said three people died and 70 were hurt.\n"
     "Doganyol's mayor said schools would stay closed."),
    # A shooting in Denver ...
    ("shooting-denver-1", "Wire A", "2026-04-10",
     "A gunman killed four people at a Denver supermarket on Friday, police said.\n"
     "The suspect, a 31-year-old man named Kyle Brenner, was arrested at the King Soopers store.\n"
     "Denver police chief Ana Morales said the motive was unclear."),
    ("shooting-denver-2", "Daily B", "2026-04-10",
     "Four dead in Denver grocery store shooting; suspect Kyle Brenner in custody.\n"
     "Chief Morales said officers reached the King Soopers within three minutes.\n"
     "Witnesses described shoppers hiding in the store's cold room."),
    ("shooting-denver-3", "Radio C", "2026-04-11",
     "Kyle Brenner, 31, was charged with four counts of murder over the King Soopers shooting in Denver.\n"
     "Morales told reporters that the rifle had been bought legally.\n"
     "A vigil for the victims was held outside the store."),
    # ... and another in Memphis.
    ("shooting-memphis-1", "Wire A", "2026-04-12",
     "Two people were shot dead outside a Memphis nightclub early on Sunday, police said.\n"
     "Memphis police said the gunman fled in a silver pickup truck.\n"
     "The shooting happened outside Club Velvet on Beale Street."),
    ("shooting-memphis-2", "Daily B", "2026-04-12",
     "Police hunt gunman after two killed outside Club Velvet in Memphis.\n"
     "Witnesses said an argument on Beale Street turned into gunfire.\n"
     "The silver pickup was later found abandoned in south Memphis."),
    ("shooting-memphis-3", "Radio C", "2026-04-13",
     "Memphis police named Darius Cole, 24, as a suspect in the Club Velvet shooting.\n"
     "Two men died and three were wounded on Beale Street early Sunday.\n"
     "Officers asked anyone with footage of the pickup truck to come forward."),
    # An election in Portugal ...
    ("election-portugal-1", "Wire A", "2026-05-17",
     "Portugal's Socialists won Sunday's general election with 38 percent of the vote.\n"
     "Leader Miguel Tavares claimed victory in Lisbon but fell short of a majority.\n"
     "The centre-right Democratic Alliance came second with 31 percent."),
    ("election-portugal-2", "Daily B", "2026-05-18",
     "Tavares's Socialists top Portuguese vote but lack majority.\n"
     "With 38 percent, the Socialists will need partners in parliament, Tavares said in Lisbon.\n"
     "Turnout was 59 percent, the electoral commission said."),
    ("election-portugal-3", "Radio C", "2026-05-18",
     "Miguel Tavares began coalition talks a day after winning Portugal's election.\n"
     "The Democratic Alliance, on 31 percent, ruled out joining a Socialist-led government.\n"
     "Lisbon markets were calm on Monday."),
    # ... and another in Chile.
    ("election-chile-1", "Wire A", "2026-05-24",
     "Chile's conservative candidate Ignacio Vidal won Sunday's presidential run-off with 54 percent.\n"
     "Vidal beat leftist Camila Rojas, who conceded in Santiago.\n"
     "Vidal takes office in March."),
    ("election-chile-2", "Daily B", "2026-05-24",
     "Ignacio Vidal elected Chile's president after beating Camila Rojas.\n"
     "Vidal won 54 percent of the vote in the run-off, Chile's electoral service said.\n"
     "Supporters celebrated in central Santiago."),
    ("election-chile-3", "Radio C", "2026-05-25",
     "Chile's president-elect Ignacio Vidal promised to cut crime and taxes.\n"
     "Rojas, who took 46 percent, called on her supporters to accept the result.\n"
     "Markets in Santiago rose after the run-off."),
    # One event told by four outlets in their own words, one of them a day later.
    ("bridge-1", "Wire A", "2026-06-08",
     "A road bridge over the river Tamar collapsed near Gunnislake on Monday, injuring five people.\n"
     "Two cars fell into the Tamar when the span gave way, Devon and Cornwall Police said.\n"
     "The bridge had been closed for repairs last year."),
    ("bridge-2", "Daily B", "2026-06-08",
     "Five hurt as Gunnislake bridge falls into the Tamar.\n"
     "Drivers were pulled from two cars that plunged into the river, police said.\n"
     "Cornwall Council said engineers had inspected the bridge in May."),
    ("bridge-3", "Radio C", "2026-06-08",
     "Part of the old bridge at Gunnislake has collapsed into the river Tamar.\n"
     "Five people were taken to hospital in Plymouth after two vehicles went into the water.\n"
     "Devon and Cornwall Police closed the road on both banks."),
    ("bridge-4", "Weekly D", "2026-06-09",
     "Cornwall Council has ordered checks on every bridge it runs after Monday's collapse at Gunnislake.\n"
     "Five people were injured when two cars fell into the Tamar.\n"
     "Engineers in Gunnislake began examining what is left of the span."),
    # An article about nothing else in the batch.
    ("lone-recipe", "Food E", "2026-06-01",
     "This slow-cooked lamb with apricots takes four hours but needs little attention.\n"
     "Brown the shoulder first, then add cumin, cinnamon and a cup of stock.\n"
     "Serve it with couscous and a spoon of yoghurt."),
)  # fmt: skip


def _documents(rows: Sequence[tuple[str, str, str | None, str]]) -> list[Document]:
    return [
        Document.from_text(text, id=id_, outlet=outlet, published=published)
        for id_, outlet, published, text in rows
    ]


def _event(id_: str) -> str:
    return id_.rsplit("-", 1)[0]


@pytest.fixture(scope="module")
def minilm_stories() -> list[tuple[str, ...]]:
    return group_stories(_documents(ARTICLES), get_embedder("minilm"))


def _story_of(stories: Sequence[tuple[str, ...]], id_: str) -> tuple[str, ...]:
    return next(story for story in stories if id_ in story)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("quake-peru", "quake-turkey"),
        ("shooting-denver", "shooting-memphis"),
        ("election-portugal", "election-chile"),
    ],
)
def test_two_events_of_one_kind_are_two_stories(
    minilm_stories: list[tuple[str, ...]], first: str, second: str
) -> None:
    for event in (first, second):
        story = _story_of(minilm_stories, f"{event}-1")
        assert {_event(id_) for id_ in story} == {event}
        assert len(story) == 3


@pytest.mark.slow
def test_one_event_in_four_wordings_one_a_day_later_is_one_story(
    minilm_stories: list[tuple[str, ...]],
) -> None:
    assert ("bridge-1", "bridge-2", "bridge-3", "bridge-4") in minilm_stories


@pytest.mark.slow
def test_a_lone_unrelated_article_stays_alone(minilm_stories: list[tuple[str, ...]]) -> None:
    assert ("lone-recipe",) in minilm_stories


@pytest.mark.slow
def test_every_event_is_exactly_one_story(minilm_stories: list[tuple[str, ...]]) -> None:
    expected = sorted(
        tuple(sorted(id_ for id_, *_ in ARTICLES if _event(id_) == event))
        for event in {_event(id_) for id_, *_ in ARTICLES}
    )
    assert minilm_stories == expected


@pytest.mark.slow
def test_input_order_does_not_change_the_stories(minilm_stories: list[tuple[str, ...]]) -> None:
    shuffled = list(ARTICLES)
    random.Random(7).shuffle(shuffled)
    assert group_stories(_documents(shuffled), get_embedder("minilm")) == minilm_stories


def test_stories_are_sorted_tuples_of_sorted_ids() -> None:
    stories = group_stories(_documents(ARTICLES[:6]), LexicalEmbedder())
    assert stories == sorted(stories)
    assert all(story == tuple(sorted(story)) for story in stories)
    assert sorted(id_ for story in stories for id_ in story) == sorted(id_ for id_, *_ in ARTICLES[:6])


def test_no_articles_and_one_article() -> None:
    assert group_stories([], LexicalEmbedder()) == []
    assert group_stories(_documents(ARTICLES[:1]), LexicalEmbedder()) == [("quake-peru-1",)]


def test_far_apart_publication_dates_weaken_a_pair() -> None:
    same_week = _documents(ARTICLES[18:22])
    months_later = [
        Document.from_text(
            document.text, id=document.id, published="2026-12-01" if index == 3 else "2026-06-08"
        )
        for index, document in enumerate(same_week)
    ]
    from compare.batching.stories import article_similarity

    near = article_similarity(same_week, LexicalEmbedder())
    far = article_similarity(months_later, LexicalEmbedder())
    assert far[0, 3] < near[0, 3]
    assert far[0, 1] == pytest.approx(near[0, 1])


def test_grouping_reads_the_prepared_statements_and_gives_the_same_similarity(tmp_path: Path) -> None:
    from compare.batching.store import ArticleStore
    from compare.batching.stories import article_similarity
    from compare.options import Options
    from compare.pipeline import prepare_documents

    documents = _documents(ARTICLES[:6])
    embedder = LexicalEmbedder()
    plain = article_similarity(documents, embedder)
    store = ArticleStore(tmp_path / "cache").open()
    assert (article_similarity(documents, embedder, store) == plain).all()  # nothing prepared: segmented
    prepare_documents(documents, options=Options(embedder="lexical"), store=store)
    hits = store.hits
    assert (article_similarity(documents, embedder, store) == plain).all()
    assert store.hits == hits + len(documents)  # the statements came from the store

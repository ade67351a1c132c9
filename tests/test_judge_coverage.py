"""Attribution, omission, unique and internal findings with real-world phrasing."""

from __future__ import annotations

from dataclasses import replace

from test_judge import claim, make, pair_of, run, run_apart

from compare.model import FindingType, Related, Relation, Severity


def test_a_disputed_claim_resting_on_a_named_and_an_unnamed_source() -> None:
    _, findings = pair_of(
        "The jet circled twice before crashing, according to the country's civil aviation chief.",
        "The jet circled three times before crashing, a source at the airport told Reuters.",
    )
    attribution = [f for f in findings if f.type is FindingType.ATTRIBUTION]
    assert len(attribution) == 1 and attribution[0].severity is Severity.LOW
    assert "civil aviation chief" in attribution[0].spans[0].text
    assert attribution[0].spans[1].text.startswith("a source at the airport")


def test_the_same_source_in_other_words_is_no_attribution_finding() -> None:
    _, findings = pair_of(
        "The State Department said one American was on board, Richard Boucher said.",
        "One American was on board, State Department spokesman Richard Boucher said.",
    )
    assert [f for f in findings if f.type is FindingType.ATTRIBUTION] == []


def test_a_claim_all_outlets_but_one_carry_names_the_one_and_is_no_finding() -> None:
    case = make(
        {
            "CNN": ["Gulf Air Flight 072 crashed off Bahrain, killing all 143 on board."],
            "BBC": ["Gulf Air Flight 072 crashed off Bahrain, killing all 143 on board."],
            "AP": ["Gulf Air Flight 072 crashed off Bahrain, killing all 143 on board."],
            "UPI": ["Relatives gathered at Cairo airport."],
        }
    )
    judged, findings = run(case, [claim("c1", "cnn:s0", "bbc:s0", "ap:s0"), claim("c2", "upi:s0")])
    assert [f for f in findings if f.type is FindingType.OMISSION] == []
    assert judged[0].detail is not None and judged[0].detail.endswith("; not in UPI")
    unique = [f for f in findings if f.type is FindingType.UNIQUE]
    assert [f.statements for f in unique] == [("upi:s0",)]


def test_a_report_giving_two_figures_for_one_thing_contradicts_itself() -> None:
    case = make(
        {
            "ABC": [
                "The Airbus A320 was carrying 135 passengers when it crashed.",
                "Officials said the Airbus A320 was carrying 137 passengers when it went down.",
            ],
            "CNN": ["The jet went down off Bahrain."],
        }
    )
    findings = run_apart(case)
    internal = [f for f in findings if f.type is FindingType.INTERNAL]
    assert len(internal) == 1 and internal[0].statements == ("abc:s0", "abc:s1")
    assert [s.text for s in internal[0].spans] == ["135 passengers", "137 passengers"]
    assert internal[0].message == "ABC gives two different figures: '135 passengers' and '137 passengers'"


def test_only_one_reports_notes_an_overlapping_statement_elsewhere() -> None:
    case = make(
        {
            "CNN": [
                "Gulf Air Flight 072 crashed off Bahrain, killing all 143 on board.",
                "The pilot had asked to land again before the jet went down.",
            ],
            "BBC": ["The Airbus crashed into the sea after the pilot asked to circle and land again."],
        }
    )
    strong = Related("cnn:s1", "bbc:s0", "c1", 0.45, Relation.PARTIAL, 0.45)
    # a strong link scored low for a differing figure still overlaps: the figure is the judge's call
    other_figure = Related("cnn:s1", "bbc:s0", "c1", 0.1, Relation.PARTIAL, 0.45)
    weak = Related("cnn:s1", "bbc:s0", "c1", 0.1, Relation.PARTIAL, 0.1)
    for link, noted in ((strong, True), (other_figure, True), (weak, False)):
        claims = [
            claim("c1", "cnn:s0", "bbc:s0"),
            replace(claim("c2", "cnn:s1"), related=(link,)),
        ]
        _, findings = run(case, claims)
        unique = next(f for f in findings if f.type is FindingType.UNIQUE)
        assert unique.message.startswith("Only CNN reports this")
        if noted:
            assert unique.note == "BBC (claim c1) has a statement that overlaps this in part"
        else:
            assert unique.note is None  # a loose link is listed with the claim, not put on the finding


def test_figures_of_statements_kept_apart_but_linked_are_compared() -> None:
    case = make(
        {
            "CNN": ["The bomb killed twelve people in the crowded market on Friday."],
            "BBC": ["Police said the explosion at the market killed 14."],
        }
    )
    found = {}
    partial = Relation.PARTIAL
    for link, score in ((0.3, 0.01), (0.01, 0.01)):
        claims = [
            replace(
                claim("c1", "cnn:s0"), related=(Related("cnn:s0", "bbc:s0", "c2", score, partial, link),)
            ),
            replace(
                claim("c2", "bbc:s0"), related=(Related("bbc:s0", "cnn:s0", "c1", score, partial, link),)
            ),
        ]
        _, findings = run(case, claims)
        found[link] = [f for f in findings if f.type is FindingType.NUMBER]
    # linked as strongly as alignment links: the two tolls are compared, however low the score
    assert len(found[0.3]) == 1 and [s.text for s in found[0.3][0].spans] == ["twelve people", "14"]
    assert found[0.01] == []  # a link too loose to have joined them: topic only


def test_a_headline_restating_a_shared_claim_is_not_one_reports_only() -> None:
    import json

    from compare import Document, compare_documents
    from compare.render import render

    own = Document.from_text(
        "Borduria quietly bars drone strikes by Ruritania\n\n"
        "Borduria's defence ministry has secretly banned Ruritania from launching drone strikes since the "
        "spring, a newspaper reported.\n\n"
        "The minister of culture opened a new museum in the capital on Saturday.\n",
        id="x",
        outlet="Courier",
    )
    other = Document.from_text(
        "The defence ministry has stopped Ruritania from firing its drones at targets across the border "
        "since the spring, officials said.\n\nTalks on the border dispute resumed in Geneva on Monday.\n",
        id="y",
        outlet="Gazette",
    )
    comparison = compare_documents([own, other])
    headline = next(c for c in comparison.claims if c.statements == ("x:s0",))
    assert headline.summarises and headline.verdict.value == "unique"
    unique = [f for f in comparison.findings if f.type is FindingType.UNIQUE]
    assert all("x:s0" not in f.statements for f in unique)
    assert len(unique) == 2  # the museum and the talks: each told by one report only
    report = json.loads(render(comparison, "json"))
    assert report["summary"]["headlines_restating"] == 1
    note = render(comparison, "md").decode()
    only_one, apart = note.split("### Only in one report")[1].split("### Sources")[0].split("Headlines that")
    assert "quietly bars" not in only_one and "museum" in only_one and "Geneva" in only_one
    assert "- Courier: “Borduria quietly bars drone strikes by Ruritania”" in apart  # listed apart
    assert "2 only in one report" in note
    agreed = note.split("### Where they agree")[1].split("###")[0]
    assert "also in Courier's headline" in agreed
    html = render(comparison, "html").decode()
    assert "also in Courier&#39;s headline" in html and "<strong>2</strong> only in one report" in html
    # the source's counts agree with the lists: the museum only here, the headline apart
    assert "1 only here, 1 headline restating shared claims" in html

"""Ingest: .txt/.md/.html into Documents with metadata from front matter, sidecars and overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.errors import InputError
from compare.ingest import check_documents, expand_inputs, load_document, load_documents
from compare.model import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_text_is_kept_byte_for_byte_with_sidecar_metadata() -> None:
    path = SEEDS / "000_61b340d040c2e522.txt"
    document = load_document(path).document
    assert document.text == path.read_bytes().decode("utf-8")
    assert document.id == "defense-express"
    assert document.outlet == "Defense Express"
    assert document.title is not None and document.title.startswith("WSJ: Ukraine Still Has Some ATACMS")
    assert document.language == "en"
    assert document.source == str(path)


def test_text_front_matter_is_metadata_and_offsets_point_after_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\ntitle: Crash off Bahrain\noutlet: CNN\npublished: 2000-08-23\n---\nThe jet crashed.\n",
        encoding="utf-8",
    )
    document = load_document(path).document
    assert (document.id, document.title, document.outlet, document.published) == (
        "a",
        "Crash off Bahrain",
        "CNN",
        "2000-08-23",
    )
    assert document.text == "The jet crashed.\n"


def test_json_sidecar_is_read(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("The jet crashed.\n", encoding="utf-8")
    (tmp_path / "b.meta.json").write_text(
        '{"outlet": "BBC", "url": "https://bbc.example/x"}', encoding="utf-8"
    )
    document = load_document(tmp_path / "b.txt").document
    assert (document.outlet, document.url) == ("BBC", "https://bbc.example/x")


def test_unknown_metadata_field_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("The jet crashed.\n", encoding="utf-8")
    (tmp_path / "b.meta.yaml").write_text("outlett: BBC\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown metadata field"):
        load_document(tmp_path / "b.txt")


def test_markdown_becomes_plain_blocks(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    path.write_text(
        "# Jet crashes off Bahrain\n\nThe **Airbus A320** crashed [today](https://x.example).\n\n"
        "![wreck](http://img.example/w.png)\n\n- 143 people were on board.\n",
        encoding="utf-8",
    )
    document = load_document(path).document
    assert (
        document.text
        == "Jet crashes off Bahrain\n\nThe Airbus A320 crashed today.\n\n143 people were on board.\n"
    )


def test_html_article_text_and_metadata_via_trafilatura(tmp_path: Path) -> None:
    body = " ".join(["The Airbus A320 crashed into the Gulf on Wednesday evening, officials said."] * 3)
    path = tmp_path / "h.html"
    path.write_text(
        "<html><head><title>Jet crash | Example News</title>"
        '<meta property="og:site_name" content="Example News"><script>alert(1)</script></head>'
        f"<body><nav>Home | World</nav><article><h1>Jet crash</h1><p>{body}</p>"
        "<p>Rescuers searched the sea through the night for survivors of the flight.</p></article>"
        '<iframe src="http://evil.example"></iframe><form><input name="q"></form></body></html>',
        encoding="utf-8",
    )
    document = load_document(path).document
    assert "The Airbus A320 crashed" in document.text and "Rescuers searched" in document.text
    assert "alert(1)" not in document.text and "<" not in document.text
    assert document.outlet == "Example News"


def test_unknown_extension_is_an_error_not_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match=r"unsupported file type '\.docx'"):
        load_document(path)


def test_folder_input_lists_report_files_and_skips_sidecars() -> None:
    files = expand_inputs([SEEDS])
    assert [path.name for path in files] == ["000_61b340d040c2e522.txt", "002_aae5ea8bc86aca5c.txt"]


def test_overrides_by_id_or_file_name() -> None:
    loaded = load_documents(
        [SEEDS],
        overrides={
            "nhu-tam": {"outlet": "VnExpress"},
            "000_61b340d040c2e522.txt": {"published": "2025-08-24"},
        },
    )
    documents = {item.document.id: item.document for item in loaded}
    assert documents["nhu-tam"].outlet == "VnExpress"
    assert documents["defense-express"].published == "2025-08-24"
    with pytest.raises(InputError, match="names no input document"):
        load_documents([SEEDS], overrides={"nobody": {"outlet": "X"}})


def test_check_documents_refuses_one_duplicates_and_twins() -> None:
    a = Document.from_text("The jet crashed.", id="a")
    with pytest.raises(InputError, match="at least two documents"):
        check_documents([a])
    with pytest.raises(InputError, match="duplicate document id 'a'"):
        check_documents([a, Document.from_text("Other text.", id="a")])
    with pytest.raises(InputError, match="same text"):
        check_documents([a, Document.from_text("The  jet crashed.", id="b")])

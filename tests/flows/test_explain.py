"""``dealwatch explain``: deals, claims, their evidence and confidence, and every figure left out."""

from __future__ import annotations

from datetime import UTC, datetime

from typer.testing import CliRunner

from extractors.analysis import analyse
from extractors.analysis.analyse import analysed_with_reading
from extractors.analysis.explain import explain_lines, inert
from extractors.documents import article_from_text
from extractors.watchlist import load_watchlist
from flows.cli import app
from tests.support.batches import store_batch
from tests.support.paths import REPO
from tests.support.records import NOW
from warehouse import db

ARTICLE = (
    "Halcyon pays $400 million to license Lumeo's models and hire its founders\n\n"
    "Halcyon, the cloud company, will pay $400 million to license the models of robotics startup Lumeo "
    "and hire its co-founders Ana Ruiz and Tom Berg, the companies said on Monday. Lumeo had raised "
    "$90 million in a round led by Foundry in 2023. Halcyon's own revenue reached $8 billion last year."
)


def _config(tmp_path, monkeypatch):
    config = tmp_path / "config"
    config.mkdir()
    (config / "dealwatch.toml").write_text("")
    monkeypatch.setenv("DEALWATCH_DB", str(tmp_path / "w.duckdb"))
    return config


def _explained(tmp_path, monkeypatch, text: str) -> str:
    """``dealwatch explain`` of ``text`` saved as a file: what it printed."""
    config = _config(tmp_path, monkeypatch)
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(path), "--config", str(config)])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_file_is_explained_with_the_evidence_and_the_figures_left_out(tmp_path, monkeypatch):
    out = _explained(tmp_path, monkeypatch, ARTICLE)
    assert "halcyon--lumeo  subject  licence_and_hire" in out
    assert "deal_amount_usd" in out and "'$400 million'" in out
    assert "'$90 million' [halcyon--lumeo]: a funding round" in out
    assert "'$8 billion'" in out and "revenue" in out


def test_a_stored_article_is_explained_by_its_id(tmp_path, monkeypatch):
    config = _config(tmp_path, monkeypatch)
    article = article_from_text(
        ARTICLE, url="https://news.example/h", origin="feed", fetched_at=NOW
    )
    store_batch(tmp_path / "w.duckdb", [(article, analyse(article))])
    result = CliRunner().invoke(app, ["explain", article.article_id, "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "halcyon--lumeo" in result.output


# Two companies and a figure, and no clause that ties the companies together: a miss to trace.
NO_DEAL = (
    "Harbor and Quillbyte show robots at the Lumeo fair\n\n"
    "Harbor, the logistics software maker, and Quillbyte, a start-up that writes routing models, "
    "both showed warehouse robots at the Lumeo fair in Lyon on Tuesday. Harbor said its robot "
    "cost $20 million to build."
)


def test_what_it_read_shows_where_a_deal_was_missed(tmp_path, monkeypatch):
    out = _explained(tmp_path, monkeypatch, NO_DEAL)
    assert "relevance: unrelated" in out
    read = out[out.index("what it read") :]
    assert "Harbor" in read and "Quillbyte" in read
    assert "relations between companies (0;" in read
    assert "no deal: no clause ties two of its companies together" in read
    assert "sentence 2: '$20 million'" in read


BOUGHT_WHOLE = (
    "Harbor acquires Quillbyte\n\n"
    "Harbor has acquired Quillbyte, a maker of routing software, the companies said on Tuesday. "
    "The purchase gives Harbor a foothold in the European logistics market."
)


def test_a_pair_weighed_and_left_without_a_deal_says_why(tmp_path, monkeypatch):
    out = _explained(tmp_path, monkeypatch, BOUGHT_WHOLE)
    read = out[out.index("what it read") :]
    assert "sentence 1: Harbor -> Quillbyte  acquire" in read
    assert "pairs that made no deal (1):" in read
    assert "Harbor -> Quillbyte: a purchase told as a purchase" in read
    assert "each pair's reason above" in read


def test_what_it_read_shows_each_relation_with_its_sentence(tmp_path, monkeypatch):
    out = _explained(tmp_path, monkeypatch, ARTICLE)
    read = out[out.index("what it read") :]
    assert "Halcyon -> Lumeo  licence" in read
    assert "Halcyon, the cloud company, will pay $400 million to license the models" in read
    assert "Ana Ruiz" in read
    assert "no deal:" not in read  # the deal was found: nothing to trace
    # the round's lead investor is related to Lumeo, and weighed: no deal, and why
    assert "pairs that made no deal (1):" in read
    assert "Lumeo -> Foundry: nothing treats Foundry as a company of its own" in read


def test_an_unknown_target_is_one_clear_line_and_status_2(tmp_path, monkeypatch):
    config = _config(tmp_path, monkeypatch)
    with db.write_connection(tmp_path / "w.duckdb"):
        pass
    result = CliRunner().invoke(app, ["explain", "no-such-thing", "--config", str(config)])
    assert result.exit_code == 2
    assert "neither a file nor a stored article id" in result.output
    assert "Traceback" not in result.output


def test_text_from_the_article_cannot_drive_the_terminal():
    hostile = "Acme pays $5 million to hire Zeta's team\x1b[2J\x1b]8;;http://evil\x07\n\nAcme hired Zeta's founders."
    article = article_from_text(
        hostile,
        url="https://x.example/a",
        origin="feed",
        fetched_at=datetime(2025, 1, 1, tzinfo=UTC),
    )
    watchlist = load_watchlist_or_none()
    text = "\n".join(explain_lines(article, *analysed_with_reading(article, watchlist)))
    assert "what it read" in text and "Acme" in text
    assert "\x1b" not in text and "\x07" not in text
    assert inert("a\x1bb") == "a<U+001B>b"


def load_watchlist_or_none():

    path = REPO / "config" / "watchlist.toml"
    return load_watchlist(path)


def test_explain_says_which_watchlist_it_read_and_when_it_found_none(tmp_path, monkeypatch):
    """Run from another folder, the default config folder is not there: the reading then knows no
    listed company, and the output says so rather than reading Meta as an unknown name silently."""
    config = _config(tmp_path, monkeypatch)
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    without = CliRunner().invoke(app, ["explain", str(path), "--config", str(config)])
    assert without.exit_code == 0, without.output
    assert f"watchlist: none ({config / 'watchlist.toml'} not found)" in without.output
    (config / "watchlist.toml").write_text(
        (REPO / "config" / "watchlist.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    listed = CliRunner().invoke(app, ["explain", str(path), "--config", str(config)])
    assert listed.exit_code == 0, listed.output
    assert f"watchlist: {config / 'watchlist.toml'}\n" in listed.output

"""What one version of the analysis concluded about a real set's development part, for calibration.

Run with an older tree of the project first on the path, the tree of the commit that added the
set's labels (the code had not read those texts yet), so what it concludes is what the analysis
concludes about articles it has never seen:

    git archive COMMIT | tar -x -C /tmp/code-COMMIT
    .venv/bin/python tests/data/calibration/dump_blind.py /tmp/code-COMMIT tests/data/real_fifth \
        tests/data/calibration/blind/real_fifth.json

With ``--whole`` it dumps the held-back stems too: a set labelled after the models were fitted,
analysed once to test them (``python -m extractors.calibrate --test DUMP``), never to fit on.

Writes numbers and identifiers only (no words of the articles): per development stem, the
language, where the headline ends, the deals with what the subject model reads of each (read by
this tree's ``extractors/analysis/subject_model.py``, loaded by its path), and the claims with
their offsets and confidence.
"""

import importlib.util
import json
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parents[3]


def _this_trees_subject_model():
    spec = importlib.util.spec_from_file_location(
        "subject_model_of_this_tree", HERE / "extractors" / "analysis" / "subject_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _rules_chose(deal) -> bool:
    """What the rules made of the deal: a tree with the subject model keeps it as ``rules_role``;
    an older tree's role is the rules'."""
    return (getattr(deal, "rules_role", None) or deal.role) == "subject"


def _reading_confidence(claim) -> float:
    """The attribution's own confidence: a tree with the calibration keeps it as
    ``reading_confidence``; an older tree's confidence is it."""
    reading = getattr(claim, "reading_confidence", None)
    return claim.confidence if reading is None else reading


def _check_tree(code: Path) -> None:
    """A tree with the learnt models but from before they kept the rules' role and the reading's
    confidence as data (5e6b2cc and the commits just before it) would dump the models' outputs
    in their place: refuse it and name a tree that works."""
    has_models = (code / "extractors" / "analysis" / "calibration.py").exists()
    records = code / "extractors" / "records.py"
    keeps_readings = "reading_confidence:" in records.read_text(encoding="utf-8")
    if has_models and not keeps_readings:
        print(
            f"{code}: this tree has the learnt models but does not keep the reading's confidence; "
            "dump with a later tree (from 2aa9212 on), whose rules and readings are the same",
            file=sys.stderr,
        )
        sys.exit(2)


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--whole"]
    if len(args) != 3:
        print("usage: dump_blind.py [--whole] CODE_TREE tests/data/SET OUT.json", file=sys.stderr)
        sys.exit(2)
    code, folder, out = Path(args[0]), Path(args[1]), Path(args[2])
    whole = "--whole" in sys.argv[1:]  # a new set's test: its held-back part too, never to fit on
    _check_tree(code)
    model = _this_trees_subject_model()
    sys.path.insert(0, str(code))
    from extractors.analysis import analyse
    from extractors.documents import articles_from_path
    from extractors.watchlist import load_watchlist

    watchlist = load_watchlist(code / "config" / "watchlist.toml")
    held = set(tomllib.loads((folder / "split.toml").read_text(encoding="utf-8"))["heldout"])
    rows = []
    for text in sorted(folder.glob("*.txt")):
        if text.stem in held and not whole:
            continue
        [article] = articles_from_path(text, fetched_at=datetime(2025, 1, 1, tzinfo=UTC))
        found = analyse(article, watchlist)
        signs = [
            model.DealSigns(d.acquirer, d.target, d.score, _rules_chose(d), d.evidence,
                            model.sentences_telling(d.reasons), bool(d.people), d.kind)
            for d in found.deals
        ]  # fmt: skip
        english = (article.language or "en").lower().startswith("en")
        features = model.subject_features(article.text, signs, english=english)
        rows.append(
            {
                "stem": text.stem,
                "language": article.language,
                "headline_end": article.text.find("\n"),
                "relevance": (  # the rules' conclusion, before any learnt model
                    ("subject" if any(map(_rules_chose, found.deals)) else "mentioned")
                    if found.deals
                    # no deal named: unrelated, whatever the article model then made of it
                    else "unrelated"
                ),
                "deals": [
                    {
                        "deal_id": d.deal_id,
                        "acquirer": d.acquirer,
                        "target": d.target,
                        "kind": d.kind,
                        "role": d.role,
                        "score": d.score,
                        "subject_features": {k: round(v, 6) for k, v in f.items()},
                    }
                    for d, f in zip(found.deals, features, strict=True)
                ],  # fmt: skip
                "claims": [
                    {
                        "deal_id": c.deal_id,
                        "subject": c.subject,
                        "metric": c.metric,
                        "low": c.low,
                        "high": c.high,
                        "unit": c.unit,
                        "qualifier": c.qualifier,
                        "evidence": c.evidence,
                        "start": c.start,
                        "end": c.end,
                        "confidence": _reading_confidence(c),
                    }
                    for c in found.claims
                ],  # fmt: skip
            }
        )
    out.write_text(
        json.dumps({"set": folder.name, "code": code.name, "articles": rows}, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{folder.name}: {len(rows)} {'articles' if whole else 'development articles'}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Check a folder of pulled texts against labels kept in a `labels/` folder.

Usage: python tests/data/real_extra/check_texts.py DIR
(DIR holds <stem>.txt and, optionally, <stem>.json copies; the labels are read from
DIR/labels/ when it exists, else from the labels/ folder beside this script.)

Same check as ../shared/real/check_texts.py, which always reads the labels beside
itself (the first 80) and so cannot check this folder: reports each label whose text is
missing or lacks one of its `stated` strings; exit 1 if any.
"""

import json
import re
import sys
from pathlib import Path

HERE_LABELS = Path(__file__).resolve().parent / "labels"


def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    folder = Path(sys.argv[1])
    label_dir = folder / "labels" if (folder / "labels").is_dir() else HERE_LABELS
    bad = 0
    labels = sorted(label_dir.glob("*.json"))
    for label in labels:
        text_file = folder / (label.stem + ".txt")
        if not text_file.is_file():
            print(f"{label.stem}: no text")
            bad += 1
            continue
        text = norm(text_file.read_text(encoding="utf-8"))
        data = json.loads(label.read_text(encoding="utf-8"))
        missing = [c["stated"] for c in data.get("claims", []) + data.get("not_claims", [])
                   if norm(c["stated"]) not in text]
        if missing:
            print(f"{label.stem}: not in the text: {missing}")
            bad += 1
        beside = folder / (label.stem + ".json")
        if beside.is_file() and json.loads(beside.read_text(encoding="utf-8")) != data:
            print(f"{label.stem}: the copy beside the text differs from labels/{label.name}")
            bad += 1
    print(f"{len(labels) - bad} of {len(labels)} texts complete")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

"""Rebuild the bundled sample corpus ``data/sample/meantime`` from ``../shared/eval/meantime_en``.

The per-document JSON conversion of MEANTIME (Zhukova et al.) has an empty ``text`` field for the
60 articles of the General Motors and stock-market groups; the corpus's own token file
(``meantime.conll``: title, date line, then the body, one sentence per block) still has them. This
script copies the JSON files and fills each empty ``text`` from the CoNLL tokens, in the same
one-line "title date body" shape the other 60 have, so the sample has 120 complete articles.
Token spacing (``Feb. 20 , 2009``) is left to dateline's normalizer, as for any PTB-style input.

Usage: ``python scripts/build_sample.py [--source DIR] [--out DIR]``
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def conll_texts(conll: Path) -> dict[str, str]:
    """Document number (``1007169``) → its text, sentences joined by spaces."""
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in conll.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        doc, sent, _tok, token = line.split("\t")[:4]
        sentences[doc.rsplit("/", 1)[1]][int(sent)].append(token)
    return {
        number: " ".join(" ".join(tokens) for _, tokens in sorted(by_sent.items()))
        for number, by_sent in sentences.items()
    }


def build(source: Path, out: Path) -> tuple[int, int]:
    texts = conll_texts(source / "meantime.conll")
    copied = filled = 0
    if out.exists():
        shutil.rmtree(out)
    for path in sorted((source / "docs").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if not str(record.get("text") or "").strip():
            number = path.name.split("_", 1)[0]
            record["text"] = texts[number]
            filled += 1
        target = out / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        copied += 1
    return copied, filled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared/eval/meantime_en")
    parser.add_argument("--out", type=Path, default=ROOT / "data/sample/meantime")
    args = parser.parse_args()
    copied, filled = build(args.source, args.out)
    print(f"{copied} articles written to {args.out}, {filled} texts rebuilt from meantime.conll")


if __name__ == "__main__":
    main()

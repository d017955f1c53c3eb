"""ROUGE-N counts as ROUGE-1.5.5 computes them with ``-m -s`` (Porter stemming, SMART stop list).

This is the scorer behind ``tilse``'s ``TimelineRougeEvaluator(rouge_computation="original")``,
which news-tls and the timeline-summarization papers report. tilse runs the Perl script once per
aligned date pair; this module reproduces its counts in Python, so the alignment-based scores
match it without Perl (tests/evaluate/test_tls.py compares both on real system timelines).

What the Perl script does, and so what this does, per summary:

* sentences are joined with spaces, ASCII-lowercased; ``-`` is padded with spaces and every
  character outside ``[A-Za-z0-9-]`` becomes a space (so "n't" gives "n" "t", "U.S." gives "u" "s");
* tokens in the SMART stop list (which holds news words like "reuters" and "jan") are dropped,
  and so is every token not starting with a letter or digit (the ``-`` tokens);
* tokens longer than three characters are stemmed: first the WordNet 2.0 exception list
  ("went" → "go"), else ROUGE's own Porter stemmer (with its 2004 change: a word in "-ement"
  loses the whole suffix or nothing), ported below rule by rule;
* hits are clipped n-gram counts summed over the references; the precision denominator is the
  summary's n-gram count once per reference (``-a`` "average" mode).

tilse's writer escapes ``^`` as ``&circ;`` and the script reads a sentence only up to its first
``<``; both quirks are kept so the counts stay identical.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dateline._stem import porter_stem as _stem
from dateline._text import smart_stop_words

__all__: list[str] = []

_DATA = "dateline._data"
_NOT_WORD = re.compile(r"[^A-Za-z0-9\-]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Counts:
    """ROUGE-N counts: clipped hits, summary n-grams (once per reference), reference n-grams."""

    hits: int
    peer: int
    model: int


@cache
def _exceptions() -> dict[str, str]:
    text = resources.files(_DATA).joinpath("wordnet2_exceptions.tsv").read_text("utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line)
    return {k: v for k, v in pairs}  # noqa: C416 - pairs are lists, not tuples


def tokens(sentences: Iterable[str]) -> list[str]:
    """The stemmed, stop-word-free tokens ROUGE-1.5.5 counts in a summary."""
    kept = []
    for sentence in sentences:
        written = " ".join(sentence.split()).replace("^", "&circ;")
        read = written.split("<", 1)[0]
        if read:
            kept.append(read.translate(_ASCII_LOWER))
    text = _NOT_WORD.sub(" ", " ".join(kept).replace("-", " - "))
    stop, exceptions = smart_stop_words(), _exceptions()
    out = []
    for token in text.split():
        if token in stop or token[0] == "-":
            continue
        out.append(exceptions.get(token) or _stem(token) if len(token) > 3 else token)
    return out


def ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def counts(summary: Sequence[str], references: Mapping[str, Sequence[str]], n: int) -> Counts:
    """ROUGE-N counts of ``summary`` (token lists from :func:`tokens`) against ``references``."""
    peer = ngrams(summary, n)
    peer_total = sum(peer.values())
    hits = model = 0
    for reference in references.values():
        grams = ngrams(reference, n)
        hits += sum(min(c, peer[g]) for g, c in grams.items() if g in peer)
        model += sum(grams.values())
    return Counts(hits=hits, peer=peer_total * len(references), model=model)

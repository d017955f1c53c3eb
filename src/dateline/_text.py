"""Word lists shared by the sentence-level comparisons (timeline selection, what's new, ROUGE)."""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["FUNCTION_WORDS", "smart_stop_words"]

# Words that carry no event content when sentences are compared word by word; short on
# purpose, so numbers, names and verbs of the event all count.
FUNCTION_WORDS = frozenset(
    """the a an and or of to in on at for by with from as is was were be been are has have had
    that this it its he she they their his her said says will would could after before over
    into about than not but which who also more""".split()
)


@cache
def smart_stop_words() -> frozenset[str]:
    """The SMART information-retrieval stop list as ROUGE-1.5.5 ships it (596 words, news words
    like "reuters" and "jan" among them): ROUGE's ``-s`` removes these, and the timeline's
    sentence ranking ignores them too (AR-1 0.1478 with FUNCTION_WORDS, 0.1526 with this list,
    Timeline17 dev)."""
    text = resources.files("dateline._data").joinpath("smart_common_words.txt").read_text("utf-8")
    return frozenset(text.split("\n")) - {""}

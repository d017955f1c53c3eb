"""Word lists shared by the sentence-level comparisons (timeline selection, what's new)."""

from __future__ import annotations

__all__ = ["FUNCTION_WORDS"]

# Words that carry no event content when sentences are compared word by word; short on
# purpose, so numbers, names and verbs of the event all count.
FUNCTION_WORDS = frozenset(
    """the a an and or of to in on at for by with from as is was were be been are has have had
    that this it its he she they their his her said says will would could after before over
    into about than not but which who also more""".split()
)

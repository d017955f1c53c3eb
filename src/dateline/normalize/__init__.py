"""The normalize stage: raw documents in, clean articles out.

``normalize(raw)`` detokenizes Penn-Treebank text, drops repeated paragraphs, strips wire and
``date`` headers, moves photo captions and bylines out of the body, splits off a run-in title,
finds the dateline and picks the publication date by trust (:class:`~dateline.models.DateRule`).
No NLP library is involved: precompiled regular expressions keep it well under a millisecond per
article.
"""

from dateline.normalize._dates import parse_date
from dateline.normalize._detok import detokenize
from dateline.normalize._normalize import NORMALIZER_VERSION, article_id, normalize

__all__ = ["NORMALIZER_VERSION", "article_id", "detokenize", "normalize", "parse_date"]

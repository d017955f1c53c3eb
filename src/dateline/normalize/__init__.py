"""The normalize stage: raw documents in, clean articles out.

``normalize(raw)`` detokenizes Penn-Treebank text, drops repeated paragraphs, strips wire and
``date`` headers, moves photo captions and bylines out of the body, splits off a run-in title,
finds the dateline and picks the publication date by trust (:class:`~dateline.models.DateRule`).
``chrome_spans`` / ``without_chrome`` mark a scraped page's site furniture (login prompts, share
bars, copyright lines, readers' comments), which stays in the stored text but is skipped when
articles are compared.
No NLP library is involved: precompiled regular expressions keep it well under a millisecond per
article.
"""

from dateline.normalize._chrome import chrome_spans, is_chrome, without_chrome
from dateline.normalize._dates import parse_date
from dateline.normalize._detok import detokenize
from dateline.normalize._normalize import NORMALIZER_VERSION, article_id, normalize

__all__ = [
    "NORMALIZER_VERSION",
    "article_id",
    "chrome_spans",
    "detokenize",
    "is_chrome",
    "normalize",
    "parse_date",
    "without_chrome",
]

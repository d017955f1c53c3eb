"""Evaluation harnesses: score dateline's annotators against public gold data.

One module per task, each with an ``evaluate_<task>(data, *, split=None, output=None)`` function
returning a frozen scores record with ``to_dict()`` (the CLI's ``dateline eval <task>``):
:mod:`~dateline.evaluate.timex` (TempEval-3 TimeML), :mod:`~dateline.evaluate.quotes` (PolNeAR),
:mod:`~dateline.evaluate.figures` (GVA shooting reports), :mod:`~dateline.evaluate.clusters`
(stories and threads: GVA violent corpus, ECB+, WikiRef220, Timeline17). They import spaCy, so
they are not imported here.
"""

__all__: list[str] = []

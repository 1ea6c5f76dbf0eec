"""Score ``seedie.extract`` against gold annotations: ``seedie.evaluate(gold_dir, articles_dir)``.

A gold file ``NAME.json`` (format: docs/evaluation.md) describes one article ``NAME.txt``: its
visits, organizations and quantitative claims. Each article is extracted once with the gold's
``reference_date`` and compared field by field; counts add up into micro-averaged P/R/F1.

Pure code (no spaCy import in this package): the pipeline is loaded only when ``evaluate``
needs one.
"""

from .files import check_folders, evaluate
from .matching import fold, name_keys, score_extraction, script_folding_available
from .report import ArticleScore, EvaluationReport, FieldScore, Finding, Skipped

__all__ = [
    "ArticleScore",
    "EvaluationReport",
    "FieldScore",
    "Finding",
    "Skipped",
    "check_folders",
    "evaluate",
    "fold",
    "name_keys",
    "score_extraction",
    "script_folding_available",
]

"""Validation: every rule of the design over a factsheet, Qt-free.

``validate(factsheet)`` runs every registered check; ``Validator`` keeps the
results of a factsheet being edited and re-runs only what an edit affects.
Each ``Result`` has a stable rule id, a severity (an ``error`` blocks the
sign-off), a localised message and the exchange-format path it is about.
"""

# Importing the rule modules registers their checks, in this order.
from eccp_desktop.validation import (  # noqa: F401
    completeness,
    consistency,
    cross_record,
    formats,
    printable,
    ranges,
    required,
    tiers,
)
from eccp_desktop.validation.engine import Validator, validate
from eccp_desktop.validation.registry import REGISTRY, rule_ids
from eccp_desktop.validation.result import ERROR, INFO, SEVERITIES, WARNING, Result

__all__ = [
    "ERROR",
    "INFO",
    "REGISTRY",
    "SEVERITIES",
    "WARNING",
    "Result",
    "Validator",
    "rule_ids",
    "validate",
]

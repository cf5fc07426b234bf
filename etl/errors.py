"""Errors of the ETL, importable without loading pandas (the up-to-date check must stay fast)."""

from __future__ import annotations


class ContractError(ValueError):
    """A table broke the data contract; the run must stop before writing anything."""

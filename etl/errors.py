"""Errors of the ETL, importable without loading pandas (the up-to-date check must stay fast)."""

from __future__ import annotations


class ContractError(ValueError):
    """A table broke the data contract. An article whose own rows break it is left out (see etl.build); anything
    else stops the run before it writes."""

    def __init__(self, message: str, table: str = "", failures: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.table = table
        self.failures = failures  # "column: check" for each distinct failure

"""Domain errors with codes; shown in Chinese in forms, as 400 JSON in the API."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
        self.field = field

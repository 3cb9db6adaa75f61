"""A database of either engine for a test, as the command line and AppContext open it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hiplog.services.context import AppContext


@dataclass(frozen=True)
class Target:
    """One database of either engine, for a test that opens it more than once, or through the
    command line: a SQLite file, or a PostgreSQL database (its local files in tmp_path)."""

    backend: str
    path: Path
    url: str | None = None

    def cli(self) -> list[str]:
        """The command-line options that open this database."""
        return ["--db-url", self.url] if self.url else ["--db", str(self.path)]

    def open(self) -> AppContext:
        from hiplog.services.context import AppContext

        if self.url:
            return AppContext.open_url(self.url, local=self.path)
        return AppContext.open_path(self.path)

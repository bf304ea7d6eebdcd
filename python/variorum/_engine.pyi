"""Type stubs of the Rust extension (python/src/lib.rs)."""
from typing import Any, Mapping, Optional, Sequence

__version__: str

class CompareError(ValueError):
    """The core refused the versions; the message says why."""

def compare(versions: Sequence[Mapping[str, Any]], options: Optional[Mapping[str, Any]] = None) -> dict[str, Any]: ...
def compare_columns(
    lengths: Sequence[Optional[int]],
    names: Sequence[Optional[str]],
    texts: Sequence[Optional[str]],
    published: Sequence[Optional[str]],
    links: bool = False,
    options: Optional[Mapping[str, Any]] = None,
    jobs: Optional[int] = None,
) -> tuple[list[Optional[str]], list[Optional[str]]]: ...

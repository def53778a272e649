"""What the components save with a pipeline: a copy of a resource file they read, and the
check that a saved pipeline holds the same file as the installed package."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any


def save_copy(source: Path, path: str | Path, name: str) -> None:
    """Copy the resource file ``source`` into the component's folder ``path`` as ``name``."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, folder / name)


def refuse_other(path: str | Path, name: str, shipped: Path, load: Callable[[Path], Any],
                 what: str) -> None:
    """Raise ``ValueError`` when the folder ``path`` holds a ``name`` that ``load`` reads
    differently from the shipped file (a pipeline saved by another version of newslens)."""
    saved = Path(path) / name
    if saved.is_file() and load(saved) != load(shipped):
        raise ValueError(
            f"{saved} holds other {what} than {shipped}, which this "
            "version of newslens reads: save the pipeline again with this version"
        )

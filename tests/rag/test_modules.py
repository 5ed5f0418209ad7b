"""The library's modules as source: each top-level name is bound once."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

import rag

MODULES = sorted(Path(rag.__file__).parent.rglob("*.py"))


def _bound(tree: ast.Module) -> list[str]:
    """The names a module's top level binds by assignment, function or class."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_top_level_name_is_bound_twice(path: Path) -> None:
    # A second "_MEASURE = ..." further down a long module silently replaces the
    # first for every function that reads it, and neither ruff nor mypy says so.
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    twice = [name for name, count in Counter(_bound(tree)).items() if count > 1]
    assert not twice, f"{path.name} binds {twice} more than once"

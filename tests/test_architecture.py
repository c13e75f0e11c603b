"""The package layout rules of design/ARCHITECTURE.md, checked on the import statements.

- no import cycle between the packages of mtalign (stages, formats, cli, leaves);
- a stage imports another stage only through its package's public names (`__all__`),
  never one of its modules;
- formats/ depends on types.py (and errors, fileio) alone; hangul.py and types.py are leaves.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mtalign"
STAGES = {"segment", "align", "glossary", "names", "translate", "tm"}
FORMATS_MAY_USE = {"mtalign", "types", "errors", "fileio", "formats"}
LEAVES = {"hangul": set(), "types": {"errors"}, "errors": set()}


def _modules() -> Iterator[Tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def _imports(module: str, path: Path) -> Iterator[str]:
    """Every mtalign module named by an import in the file, at any depth (lazy ones too)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("mtalign"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mtalign"):
            for alias in node.names:  # `from mtalign.segment import tag` names a module
                name = f"{node.module}.{alias.name}"
                is_module = (PACKAGE.parent / (name.replace(".", "/") + ".py")).exists()
                yield name if is_module else node.module


def _package(module: str) -> str:
    """The top-level part of mtalign a module belongs to: a subpackage or a leaf module."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "mtalign"


def _edges() -> List[Tuple[str, str, str]]:
    """(importing module, imported module, file) for every import inside mtalign."""
    return [(module, imported, str(path)) for module, path in _modules()
            for imported in _imports(module, path)]


def find_cycle(graph: Dict[str, Set[str]]) -> List[str]:
    """One cycle of the directed graph as a path [a, b, ..., a], or [] when it has none."""
    state: Dict[str, int] = {}  # 1: on the current path, 2: done
    path: List[str] = []

    def visit(node: str) -> List[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            found = visit(nxt) if nxt not in state else []
            if found:
                return found
        state[node] = 2
        path.pop()
        return []

    for start in sorted(graph):
        cycle = visit(start) if start not in state else []
        if cycle:
            return cycle
    return []


def test_find_cycle_finds_a_back_edge_and_accepts_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_cycle_between_packages():
    graph: Dict[str, Set[str]] = defaultdict(set)
    for module, imported, _ in _edges():
        source, target = _package(module), _package(imported)
        if source != target and target != "mtalign":
            graph[source].add(target)
    assert find_cycle(graph) == []


def test_stages_import_each_other_only_through_public_names():
    private = [f"{file}: {imported}" for module, imported, file in _edges()
               if _package(module) in STAGES and _package(imported) in STAGES
               and _package(module) != _package(imported) and imported.count(".") > 1]
    assert private == []


def test_formats_depend_on_types_alone():
    wrong = [f"{file}: {imported}" for module, imported, file in _edges()
             if _package(module) == "formats" and _package(imported) not in FORMATS_MAY_USE]
    assert wrong == []


def test_leaf_modules_import_nothing_else():
    wrong = [f"{file}: {imported}" for module, imported, file in _edges()
             if _package(module) in LEAVES and _package(imported) not in LEAVES[_package(module)]]
    assert wrong == []


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_every_stage_declares_its_public_names(stage):
    package = importlib.import_module(f"mtalign.{stage}")
    assert package.__all__ and all(hasattr(package, name) for name in package.__all__)


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_public_names_are_not_shadowed_by_submodules(stage):
    """Importing every submodule first must not turn a public function into a module."""
    for path in (PACKAGE / stage).glob("*.py"):
        importlib.import_module(f"mtalign.{stage}.{path.stem}")
    package = importlib.import_module(f"mtalign.{stage}")
    assert not [name for name in package.__all__ if inspect.ismodule(getattr(package, name))]

"""The layout: modules of casualty_cli import each other without a cycle (read with `ast`, no import)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "casualty_cli"


def _imports(path: Path) -> set[str]:
    """The casualty_cli modules a module imports anywhere: top level, in functions, under TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and not module.startswith("casualty_cli"):
                continue
            module = module.removeprefix("casualty_cli").lstrip(".")
            if module:
                found.add(module.split(".")[0])
            else:  # from . import lexicon
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("casualty_cli."))
    return found - {path.stem}


def _graph() -> dict[str, set[str]]:
    return {p.stem: _imports(p) for p in sorted(PACKAGE.glob("*.py"))}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_inside_the_package():
    graph = _graph()
    assert "extract" in graph and "lexicon" in graph["scan"]
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_lexicon_is_a_leaf():
    """Every module reads words from the lexicon; it reads from none."""
    assert _graph()["lexicon"] == set()


def test_every_module_is_in_the_readme():
    """The README's "How it is built" names every module, so a newcomer finds each stage."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    built = readme[readme.index("## How it is built"):]
    missing = [p.name for p in sorted(PACKAGE.glob("*.py"))
               if not p.name.startswith("_") and f"`{p.name}`" not in built]
    assert not missing, missing

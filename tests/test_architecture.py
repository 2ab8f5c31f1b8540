"""The layout: folders by stage, modules that import each other without a cycle, none too long
(read with `ast` and line counts, no import)."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "casualty_cli"
# The stages, in the order the data flows; each folder's docstring says what enters and leaves it.
STAGES = ("cli", "read", "extract", "tolls", "write", "run")
MAX_LINES = 600
MAX_CLI_LINES = 250


def _name(path: Path) -> str:
    """casualty_cli/extract/scan.py -> "extract.scan"; casualty_cli/tolls/__init__.py -> "tolls"."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) or "__init__"


def _modules() -> dict[str, Path]:
    return {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, level: int, here: str, is_package: bool) -> str:
    """The dotted name (below casualty_cli) that a relative import `from ..x import` points at."""
    base = here.split(".") if here != "__init__" else []
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([module] if module else [])])


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The casualty_cli modules a module imports anywhere: top level, in functions, under TYPE_CHECKING."""
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0:
                if not module.startswith("casualty_cli"):
                    continue
                target = module.removeprefix("casualty_cli").lstrip(".")
            else:
                target = _resolve(module, node.level, name, is_package)
            for alias in node.names:  # `from . import lexicon` names a module; `from .x import f` a function
                sub = f"{target}.{alias.name}" if target else alias.name
                found.add(sub if sub in known else (target or "__init__"))
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("casualty_cli.") for a in node.names if a.name.startswith("casualty_cli."))
    return {m for m in found if m in known} - {name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    # A package's __init__ that only re-exports for the public API is not a layer of its own.
    return {name: _imports(name, path, known) for name, path in modules.items() if name != "__init__"}


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
    assert "extract.extractor" in graph and "extract.lexicon" in graph["extract.scan"]
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_lexicon_is_a_leaf():
    """Every module reads words from the lexicon; it reads from none but the harm inventory (issue 25), data
    that reads from none."""
    assert _graph()["extract.lexicon"] <= {"extract.inventory"}
    assert _graph()["extract.inventory"] == set()


def test_stages_flow_one_way():
    """Reading knows nothing of extraction, extraction nothing of tolls, writers or the CLI; tolls
    nothing of the CLI; no library module imports the CLI."""
    later = {"read": ("extract", "tolls", "write", "run", "cli"), "extract": ("tolls", "write", "run", "cli"),
             "tolls": ("write", "run", "cli"), "write": ("run", "cli"), "run": ("cli",)}
    wrong = [(m, i) for m, imports in _graph().items() for i in imports
             if m.split(".")[0] in later and i.split(".")[0] in later[m.split(".")[0]]]
    assert not wrong, wrong


def test_each_stage_is_a_folder_that_says_what_it_takes_and_gives():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "->" in doc, f"{stage}/__init__.py: say what enters and what leaves (A -> B)"


def test_no_module_is_too_long():
    """A module past ~600 lines (a command past ~250) holds two jobs: split it by job."""
    long = []
    for name, path in _modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        limit = MAX_CLI_LINES if name.startswith("cli") else MAX_LINES
        if lines > limit:
            long.append(f"{name}: {lines} lines (limit {limit})")
    assert not long, long


def test_every_module_is_in_the_readme():
    """The README's "How it is built" names every module by its path, so a newcomer finds each stage."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    built = readme[readme.index("## How it is built"):]
    missing = [str(p.relative_to(PACKAGE)) for p in sorted(PACKAGE.rglob("*.py"))
               if not p.name.startswith("_") and f"`{p.relative_to(PACKAGE)}`" not in built]
    assert not missing, missing

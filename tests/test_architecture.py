"""The house plan (ARCHITECTURE.md): no module imports "upward"."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "vn_skt"

# layer of each top-level part; a module may import only its own layer or lower ones
LAYERS = {
    "errors": 0,
    "_pydantic": 0,
    "_extras": 0,
    "_money": 0,  # int đồng: the one money validator every record uses
    "_columns": 0,  # the doorway of the bulk kernels: Arrow / pandas / polars in and out
    "regulations": 1,
    "l10n": 2,  # the language: numbers, money, words, dates, text
    "calendar": 3,  # periods and working days: uses l10n and regulations
    "documents": 3,  # document references and types: uses l10n and regulations
    "tasks": 4,
    "ip_titles": 4,
    "metrology": 4,
    "provinces": 4,
    "procedures": 4,  # procedure time limits: the calendar and the rule tables
    "budgets": 4,  # budget estimates and their norms: money, the rule tables
    "councils": 5,  # uses tasks' public names (a council rules on a task)
    "reporting": 6,
    "data": 7,
    "outputs": 7,  # Word, Excel, charts: the report and its tables (uses reporting)
    "testing": 7,
    "scale": 7,  # datasets larger than memory and Dask: runs the domain kernels
    "cli": 8,
    "__main__": 8,
    "__init__": 9,
}


def part_of(path: Path) -> str:
    rel = path.relative_to(SRC).parts
    return rel[0].removesuffix(".py")


def imported_parts(path: Path) -> set[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            if name.startswith("vn_skt."):
                found.add((name.split(".")[1], node.lineno))
    return found


MODULES = sorted(p for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_upward_imports(path: Path) -> None:
    own = part_of(path)
    for part, line in imported_parts(path):
        if part == own:
            continue
        assert LAYERS[part] <= LAYERS[own], f"{path.name}:{line} imports vn_skt.{part} upward"


def test_no_private_module_of_another_domain_is_imported() -> None:
    for path in MODULES:
        own = part_of(path)
        for module, _ in _modules_imported(path):
            parts = module.split(".")
            if len(parts) > 2 and parts[1] != own:
                assert not parts[2].startswith("_"), f"{path}: imports {module}"


ROOT = SRC.parents[1]


def _modules_imported(path: Path) -> list[tuple[str, int]]:
    """Every ``vn_skt`` module ``path`` imports (a .py file, or a .md file's doctests)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = "\n".join(
            line.strip()[4:] if line.strip().startswith((">>> ", "... ")) else ""
            for line in text.splitlines()
        )
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
    return [(m, line) for m, line in found if m.split(".")[0] == "vn_skt"]


OUTSIDE = sorted(
    [
        *(ROOT / "tests").rglob("*.py"),
        *(ROOT / "examples").rglob("*.py"),
        *(ROOT / "benchmarks").rglob("*.py"),
        *(ROOT / "scripts").rglob("*.py"),
        *(ROOT / "docs").rglob("*.md"),
        ROOT / "README.md",
    ]
)


def test_code_outside_the_library_imports_only_public_modules() -> None:
    """Users, examples and docs see each package's export list, never a private module;
    the tests of a package may reach its own private modules (tests/<package>/ for
    vn_skt.<package>._x, tests/ itself for vn_skt._x)."""
    wrong = []
    for path in OUTSIDE:
        rel = path.relative_to(ROOT).parts
        own = None
        if rel[0] == "tests":
            own = rel[1] if len(rel) > 2 else ""
        for module, line in _modules_imported(path):
            parts = module.split(".")[1:]
            for i, part in enumerate(parts):
                if part.startswith("_") and not part.startswith("__"):
                    if own is not None and parts[:i] == ([own] if own else []):
                        continue
                    wrong.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    assert not wrong, "private modules imported:\n" + "\n".join(wrong)

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
    "regulations": 1,
    "l10n": 2,
    "tasks": 3,
    "ip_titles": 3,
    "metrology": 3,
    "provinces": 3,
    "councils": 4,  # uses tasks' public names (a council rules on a task)
    "reporting": 5,
    "data": 6,
    "testing": 6,
    "cli": 7,
    "__main__": 7,
    "__init__": 8,
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
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("vn_skt.")
            ):
                parts = node.module.split(".")
                if parts[1] != own and len(parts) > 2:
                    assert not parts[2].startswith("_"), f"{path}: imports {node.module}"

"""The package as users meet it: lazy imports, the public names, the entry points."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import vn_skt

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves() -> None:
    for name in vn_skt.__all__:
        assert getattr(vn_skt, name) is not None, name
    assert set(vn_skt.__all__) <= set(dir(vn_skt))


def test_unknown_name_is_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        vn_skt.no_such_name  # noqa: B018


def test_import_is_lazy() -> None:
    code = (
        "import sys, vn_skt; "
        "heavy = [m for m in ('pydantic', 'babel', 'holidays', 'attrs', 'vn_skt.l10n') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_heavy_optional_modules_load_on_first_use_only() -> None:
    code = (
        "import sys, vn_skt.l10n, vn_skt.calendar, vn_skt.documents, vn_skt.tasks, "
        "vn_skt.metrology, vn_skt.reporting, vn_skt.outputs; "
        "heavy = [m for m in ('holidays', 'polars', 'pandas', 'matplotlib', 'hypothesis', "
        "'docx', 'xlsxwriter') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_version_matches_metadata() -> None:
    assert vn_skt.__version__ == importlib.metadata.version("vn-skt")


def test_hypothesis_entry_point_is_declared() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    assert any(p.value.startswith("vn_skt.testing") for p in points)


def test_py_typed_ships() -> None:
    assert (ROOT / "src" / "vn_skt" / "py.typed").exists()


def test_sources_are_utf8_nfc() -> None:
    for path in [
        *ROOT.glob("src/**/*.py"),
        *ROOT.glob("src/**/*.toml"),
        *ROOT.glob("docs/**/*.md"),
    ]:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path


def _top_level_imports(lazy: bool) -> set[str]:
    """Third-party top-level modules src/ imports at module level (lazy=False) or inside
    functions (lazy=True)."""
    import ast

    found: set[str] = set()
    for path in (ROOT / "src" / "vn_skt").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            if (id(node) not in module_level) != lazy:
                continue
            if isinstance(node, ast.ImportFrom):
                names = [node.module] if node.module and node.level == 0 else []
            else:
                names = [alias.name for alias in node.names]
            found |= {n.split(".")[0] for n in names}
    found = {"pydantic" if n == "pydantic_core" else n for n in found}  # one distribution
    return {n for n in found if n not in sys.stdlib_module_names and n != "vn_skt"}


def _requirement_modules(requirements: list[str]) -> set[str]:
    import re

    aliases = {
        "python-dateutil": "dateutil",
        "vietnamadminunits": "vietnamadminunits",
        "python-docx": "docx",
    }
    names = {re.split(r"[<>=~!\[; ]", r, maxsplit=1)[0].strip() for r in requirements}
    return {aliases.get(n, n).replace("-", "_") for n in names}


def test_runtime_dependencies_are_exactly_what_the_library_imports() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _requirement_modules(project["dependencies"])
    imported = _top_level_imports(lazy=False)
    # vn_skt.testing is for users who have Hypothesis (the "testing" extra)
    assert imported - {"hypothesis"} <= runtime, "a module-level import is not a dependency"
    used = imported | _top_level_imports(lazy=True)
    assert runtime <= used, f"declared but never imported: {sorted(runtime - used)}"
    optional = set().union(
        *(_requirement_modules(reqs) for reqs in project["optional-dependencies"].values())
    )
    assert _top_level_imports(lazy=True) <= runtime | optional


def test_hypothesis_plugin_loads_vn_skt_only_when_vn_skt_is_used() -> None:
    code = (
        "import sys, hypothesis; "
        "print(sorted(m for m in sys.modules if m.startswith('vn_skt.') "
        "and not m.startswith('vn_skt.testing')))\n"
        "from hypothesis import strategies as st\n"
        "from vn_skt.tasks import Task\n"
        "print(type(st.from_type(Task).example()).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "Task"]


def test_the_top_level_export_lists_agree() -> None:
    """_EXPORTS (what loads lazily), __all__ and the TYPE_CHECKING imports (what type
    checkers see) name the same things, each from the same module."""
    import ast

    tree = ast.parse((ROOT / "src" / "vn_skt" / "__init__.py").read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom) and stmt.module
                typed |= {alias.name: stmt.module for alias in stmt.names}
    exports = vn_skt._EXPORTS  # type: ignore[attr-defined]
    assert typed == exports
    assert sorted(vn_skt.__all__) == sorted([*exports, "__version__"])


SRC = ROOT / "src" / "vn_skt"
PACKAGES = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").exists())


# every package but two: ``data`` (the sample province: one function) and ``testing``
# (a namespace for the documented module vn_skt.testing.strategies)
EXPORTING = [
    "regulations",
    "l10n",
    "calendar",
    "documents",
    "tasks",
    "councils",
    "ip_titles",
    "metrology",
    "reporting",
    "procedures",
    "budgets",
    "outputs",
    "scale",
]


def test_the_package_list_is_complete() -> None:
    assert sorted([*EXPORTING, "data", "testing"]) == PACKAGES


@pytest.mark.parametrize("package", ["errors", *EXPORTING])
def test_every_package_has_one_export_list_that_resolves(package: str) -> None:
    module = importlib.import_module(f"vn_skt.{package}")
    names = module.__all__
    assert len(names) == len(set(names)), "duplicates in __all__"
    for name in names:
        assert getattr(module, name, None) is not None, f"vn_skt.{package}.{name}"
    public = {
        n
        for n, v in vars(module).items()
        if not n.startswith("_")
        and getattr(v, "__module__", "").startswith("vn_skt")
        and not isinstance(v, type(sys))
    }
    assert public <= set(names), f"public but not in __all__: {sorted(public - set(names))}"


# Public modules inside a package, each with the reason it is public. Everything else in a
# package is a private module (``_name.py``) behind the package's one ``__all__``.
PUBLIC_MODULES: dict[str, dict[str, str]] = {
    "regulations": {
        # The documented schema homes: data files (ours and provinces') name their row
        # type as ``row_type = "module:Class"``, so these paths are part of the file format.
        "rows": "row types named by data files (row_type = 'vn_skt.regulations.rows:...')",
        "council_rules": "the council_rules row type, named by data files",
        "metrology_list": "the metrology_group2 / metrology_fields row types, named by data files",
        "task_rules": "the procedure_deadlines / budget_norms row types, named by data files",
        "data": "the shipped rule files: a resource directory, not code",
    },
    "testing": {"strategies": "documented: users import vn_skt.testing.strategies"},
}


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_of_a_package_is_private_unless_documented(package: str) -> None:
    modules = {
        p.stem
        for p in (SRC / package).iterdir()
        if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.stem != "__init__"
    }
    public = {m for m in modules if not m.startswith("_")}
    documented = set(PUBLIC_MODULES.get(package, {}))
    assert public <= documented, (
        f"vn_skt.{package}: public modules {sorted(public - documented)}; make them private "
        f"(_name.py) and export their names from vn_skt.{package}.__all__"
    )
    assert documented <= public, f"stale entries in PUBLIC_MODULES: {sorted(documented - public)}"


def _imports_from_packages(path: Path) -> list[tuple[str, str, int]]:
    """(package, name, line) of every ``from vn_skt.<package> import name`` in ``path``
    (a .py file, or the doctest lines of a .md file)."""
    import ast

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        lines = [
            line.strip()[4:] if line.strip().startswith((">>> ", "... ")) else ""
            for line in text.splitlines()
        ]
        text = "\n".join(lines)
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "vn_skt" and len(parts) == 2 and parts[1] in PACKAGES:
                found += [(parts[1], alias.name, node.lineno) for alias in node.names]
    return found


USERS = sorted(
    [
        *(ROOT / "src").rglob("*.py"),
        *(ROOT / "tests").rglob("*.py"),
        *(ROOT / "examples").rglob("*.py"),
        *(ROOT / "benchmarks").rglob("*.py"),
        *(ROOT / "scripts").rglob("*.py"),
        *(ROOT / "docs").rglob("*.md"),
        ROOT / "README.md",
    ]
)
DEPRECATION_TESTS = {ROOT / "tests" / "l10n" / "test_moved_names.py"}


def test_every_name_imported_from_a_package_is_in_its_export_list() -> None:
    """What other code imports from a package is exactly what its ``__all__`` offers (the
    deprecated aliases of vn_skt.l10n only in the tests of those aliases)."""
    wrong = []
    for path in USERS:
        if path in DEPRECATION_TESTS:
            continue
        for package, name, line in _imports_from_packages(path):
            exported = importlib.import_module(f"vn_skt.{package}").__all__
            if name != "*" and name not in exported:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: vn_skt.{package}.{name}")
    assert not wrong, "not in the package's __all__:\n" + "\n".join(wrong)


def test_every_package_has_a_reference_page() -> None:
    reference = sorted((ROOT / "docs" / "reference").glob("*.md"))
    pages = "\n".join(p.read_text(encoding="utf-8") for p in reference)
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for package in PACKAGES:
        assert f"::: vn_skt.{package}\n" in pages, f"no docs/reference page shows vn_skt.{package}"
    for page in reference:
        assert f"reference/{page.name}" in nav, f"mkdocs.yml nav lacks reference/{page.name}"

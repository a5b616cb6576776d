"""How the project's modules may depend on each other (docs/development.md, "Layers").

import-linter (in `make lint` and `make test`) keeps the layers between the apps; these tests keep each
package free of import cycles, counting imports made inside functions, and keep imports at module level:
one placed in a function to dodge a cycle hides a layer in the wrong place.
"""

import ast
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["wimn_site", "statements", "events", "campaigns"]
# Django's documented place for imports that must wait until every app is loaded.
ALLOWED_INSIDE_FUNCTIONS = {"wimn_site/apps.py"}


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycles(graph, package):
    """No module imports, directly or through others, a module that imports it back."""
    cycles = set()
    for module in sorted(graph.modules):
        if not (module == package or module.startswith(package + ".")) or ".migrations" in module:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain and ".migrations" not in imported:
                cycles.add(" -> ".join((module, *chain)))
    assert sorted(cycles) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_are_at_module_level(package):
    nested = []
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "migrations" in path.parts or relative in ALLOWED_INSIDE_FUNCTIONS:
            continue
        tree = ast.parse(path.read_text(), filename=relative)
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                nested += [
                    f"{relative}:{node.lineno}"
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                ]
    assert sorted(set(nested)) == []

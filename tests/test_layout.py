"""The layout holds: no import cycle, a Beam-free core, a small top of transforms/, and a
wheel that carries every module (workers on Dataflow install hushbeam from it).

Imports are read from the source (every ``import``, at any depth, so an import tucked into
a function to dodge a cycle still counts as an edge).
"""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Dict, List, Set

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("pipelines", "transforms", "rules")


def _modules() -> Dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = list(path.relative_to(REPO).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _imports(path: Path, module: str, known: Set[str]) -> Set[str]:
    """Project modules ``path`` imports (resolved to the deepest module that exists)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def _graph() -> Dict[str, Set[str]]:
    modules = _modules()
    known = set(modules)
    return {m: _imports(p, m, known) for m, p in modules.items()}


def _cycles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _parent_links(graph: Dict[str, Set[str]]) -> Dict[str, Set[str]]:
    """Drop edges from a package's ``__init__`` to its own submodules (re-exports)."""
    return {m: {d for d in deps if not d.startswith(m + ".")} for m, deps in graph.items()}


def test_no_import_cycle_in_pipelines_or_transforms():
    assert _cycles(_parent_links(_graph())) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_nothing_under_transforms_core_imports_beam():
    offenders = []
    for path in sorted((REPO / "transforms" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(REPO)}: {n}" for n in names
                          if n == "apache_beam" or n.startswith("apache_beam.")]
    assert offenders == []


def test_transforms_top_level_holds_only_pipeline_stages():
    top = sorted(p.stem for p in (REPO / "transforms").glob("*.py") if p.stem != "__init__")
    assert len(top) <= 15, top
    for name in top:
        source = (REPO / "transforms" / f"{name}.py").read_text()
        assert "import apache_beam" in source, f"transforms/{name}.py is not a Beam stage"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """Built from a copy of the sources, so a stale build/ in the clone cannot hide a gap."""
    out, src = tmp_path_factory.mktemp("wheel"), tmp_path_factory.mktemp("src")
    for package in PACKAGES:
        shutil.copytree(REPO / package, src / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "setup.py", src / "setup.py")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(out), str(src)],
                   check=True, capture_output=True, cwd=out)
    return zipfile.ZipFile(next(out.glob("hushbeam-*.whl")))


def test_wheel_packages_every_module_and_the_policy_files(wheel):
    names = set(wheel.namelist())
    expected = {str(p.relative_to(REPO)) for package in PACKAGES
                for p in (REPO / package).rglob("*.py")}
    expected |= {str(p.relative_to(REPO)) for p in (REPO / "rules").glob("*.yaml")}
    assert sorted(expected - names) == []


def test_the_packages_install_requires_are_the_pinned_versions_including_the_word_lists():
    """setup.py (a plain `pip install .`, Dataflow's --setup_file) asks for exactly what
    requirements.txt pins, and for the census and word-frequency lists the name rules read."""
    setup = (REPO / "setup.py").read_text()
    block = setup[setup.index("install_requires=["):setup.index("],", setup.index("install_requires=["))]
    wanted = re.findall(r'"([A-Za-z0-9_.\-]+)==([^"]+)"', block)
    pinned = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", (REPO / "requirements.txt").read_text(),
                             re.MULTILINE))
    assert {name for name, _ in wanted} >= {"names", "wordfreq", "spacy", "apache-beam"}
    assert [(n, v) for n, v in wanted if pinned.get(n) != v] == []

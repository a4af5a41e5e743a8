"""`hushbeam policy validate` and `policy show`, run as a user runs them."""
from __future__ import annotations

import dataclasses

import yaml

from tests.pipelines.hushbeam_cli import hb
from transforms.core.policy import load_policy


def test_validate_a_broken_policy_exits_2_naming_the_key_and_the_nearest_name(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: default\nentities:\n  PERSN: {operator: REPLACE}\n")
    proc = hb("policy", "validate", bad, check=False)
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"policy {bad}: entities.PERSN:" in proc.stderr
    assert "did you mean 'PERSON'?" in proc.stderr and "Traceback" not in proc.stderr


def test_validate_a_good_policy_exits_0_and_says_valid(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("extends: default\nentities:\n  PERSON: {operator: REDACT}\n")
    proc = hb("policy", "validate", good)
    assert proc.stdout.startswith(f"policy {good}: valid (sha256:")


def test_show_effective_is_a_complete_policy_that_applies_the_same(tmp_path):
    partial = tmp_path / "partial.yaml"
    partial.write_text("extends: default\nentities:\n  PERSON: {operator: REDACT}\n"
                       "exportSchema:\n  passthroughFields: [conversation_id, start_time]\n")
    shown = hb("policy", "show", "--effective", partial).stdout
    document = yaml.safe_load(shown)
    assert "extends" not in document and document["entities"]["PERSON"] == {
        "operator": "REDACT"}
    assert document["entities"]["EMAIL_ADDRESS"] == yaml.safe_load(
        hb("policy", "show", "--effective").stdout)["entities"]["EMAIL_ADDRESS"]
    complete = tmp_path / "complete.yaml"
    complete.write_text(shown)
    as_applied, from_show = load_policy(str(partial)), load_policy(str(complete))
    ignore = {"source": "", "digest": ""}
    assert dataclasses.replace(as_applied, **ignore) == dataclasses.replace(from_show, **ignore)


def test_show_without_effective_prints_the_file_as_written(tmp_path):
    partial = tmp_path / "partial.yaml"
    partial.write_text("extends: default\nentities:\n  PERSON: {operator: REDACT}\n")
    assert yaml.safe_load(hb("policy", "show", partial).stdout) == {
        "extends": "default", "entities": {"PERSON": {"operator": "REDACT"}}}

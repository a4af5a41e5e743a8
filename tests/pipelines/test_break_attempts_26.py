"""Session 26: break attempts that found defects (an attacker without a key, a user who
makes typos), as the user meets them: the ``hushbeam`` command in a subprocess. Each test
failed before its mend."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.pipelines.test_typos import hb, refused, tree  # the CLI as a user runs it

UK_RECORDS = [
    {"conversation_id": "c1", "customerID": "CUST_1234", "phoneNumber": "07700 900123",
     "emailAddress": "amy@example.org", "transcript_text": "customer: I need help with my bill"},
    {"conversation_id": "c2", "customerID": "CUST_5678", "phoneNumber": "07700 900456",
     "emailAddress": "bob@example.org", "transcript_text": "customer: hi there"},
]


# --- forget / subject-access with a policy other than the dataset's ------------------

@pytest.fixture(scope="module")
def uk_run(tmp_path_factory):
    """A dataset made with a policy whose phone region is GB (national numbers)."""
    work = tmp_path_factory.mktemp("uk")
    (work / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in UK_RECORDS))
    (work / "gb.yaml").write_text("extends: default\ndefaultRegion: GB\n")
    proc = hb("redact", "--input", work / "in.jsonl", "--output", work / "anon",
              "--policy", work / "gb.yaml", home=work / "home")
    assert proc.returncode == 0, proc.stderr[-2000:]
    return work


@pytest.fixture()
def uk(uk_run, tmp_path):
    shutil.copytree(uk_run / "anon", tmp_path / "anon")
    shutil.copytree(uk_run / "anon.vault", tmp_path / "anon.vault")
    return tmp_path / "anon", uk_run


@pytest.mark.parametrize("command", ["forget", "subject-access"])
def test_a_subject_command_without_the_datasets_phone_region_is_refused(uk, command):
    """Before: ``forget --subject 'phone:07700 900123'`` without ``--policy`` (the default
    policy: region US) hashed another number, erased 0 rows and wrote a receipt, exit 0;
    ``subject-access`` answered ``rows: []``. A silent wrong answer to a data subject."""
    dataset, work = uk
    before = tree(dataset, dataset.with_name("anon.vault"))
    proc = hb(command, "--dataset", dataset, "--vault", dataset.with_name("anon.vault"),
              "--subject", "phone:07700 900123", home=work / "home")
    refused(proc, "defaultRegion", "GB", "US", "--policy")
    assert "900123" not in proc.stderr + proc.stdout
    assert tree(dataset, dataset.with_name("anon.vault")) == before


def test_a_subject_command_with_the_datasets_policy_still_finds_the_subject(uk):
    dataset, work = uk
    proc = hb("forget", "--dataset", dataset, "--vault", dataset.with_name("anon.vault"),
              "--subject", "phone:07700 900123", "--policy", work / "gb.yaml",
              home=work / "home")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["rows_removed"] == 1


def test_a_subject_command_with_another_normalizer_for_the_type_is_refused(uk, tmp_path):
    """A policy that case-folds no more (id_exact for CUSTOMER_ID) makes another pseudonym
    of ``cust_1234``: refused, naming the type and both normalizers."""
    dataset, work = uk
    policy = tmp_path / "exact.yaml"
    policy.write_text("extends: default\ndefaultRegion: GB\nstructuredFields:\n"
                      "  - strategy: {type: TOKEN, algorithm: SHA256}\n    fields:\n"
                      "      - {name: customerID, entity: CUSTOMER_ID, normalizer: id_exact}\n")
    proc = hb("subject-access", "--dataset", dataset, "--vault",
              dataset.with_name("anon.vault"), "--subject", "customer:cust_1234",
              "--policy", policy, home=work / "home")
    refused(proc, "CUSTOMER_ID", "id_casefold", "id_exact")
    assert "1234" not in proc.stderr


def test_a_dataset_made_before_the_settings_were_recorded_warns_on_another_policy(caplog):
    """Older summaries record the policy's digest only: another policy is read with a
    warning (refusing would lock such datasets out of forget)."""
    from transforms.core.policy import load_policy
    from transforms.datasets.erasure import KeyMismatch, check_pseudonym_settings

    policy = load_policy(None)
    old = {"policy_digest": "sha256:" + "0" * 64, "policy_source": "mine.yaml"}
    with caplog.at_level("WARNING", logger="hushbeam"):
        check_pseudonym_settings(old, policy, ["PHONE"])
    assert "another policy" in caplog.text and "mine.yaml" in caplog.text
    made = dict(old, pseudonym_settings=policy.pseudonym_settings)
    check_pseudonym_settings(made, policy, ["PHONE", "EMAIL", "CUSTOMER_ID"])
    with pytest.raises(KeyMismatch, match="gives no pseudonyms to PERSON"):
        check_pseudonym_settings(made, policy, ["PERSON"])


# --- a key of a nested field holding personal data -----------------------------------

def test_personal_data_in_a_key_of_a_nested_field_is_redacted(tmp_path):
    """Before: the values of ``custom_data_fields`` were scanned, its keys were not:
    ``{"amy.pond@example.org": "callback", "+1 415 555 2671": "mobile"}`` went out with
    the email and the phone in clear, exit 0, nothing quarantined."""
    record = {"conversation_id": "k1", "transcript_text": "customer: please call me back",
              "custom_data_fields": {"amy.pond@example.org": "callback",
                                     "contacts": {"+1 415 555 2671": "mobile"},
                                     "tags": ["vip"]}}
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n")
    proc = hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "anon",
              home=tmp_path / "home")
    assert proc.returncode == 0, proc.stderr[-2000:]
    import pyarrow.parquet as pq
    rows = [r for p in sorted((tmp_path / "anon").glob("part-*.parquet"))
            for r in pq.read_table(p).to_pylist()]
    assert len(rows) == 1
    custom = json.loads(rows[0]["custom_data_fields"])
    text = json.dumps(custom)
    assert "amy.pond" not in text and "555 2671" not in text, text
    assert sorted(custom["contacts"].values()) == ["mobile"] and custom["tags"] == ["vip"]
    assert "callback" in custom.values()


# --- a subject that matches nothing ---------------------------------------------------

@pytest.mark.parametrize("command", ["forget", "subject-access"])
@pytest.mark.parametrize("subject", ["email:amy@example.org.", "email:<amy@example.org>",
                                     "customer:CUST_12345"])
def test_a_subject_that_matches_nothing_is_said_so_without_its_value(uk, command, subject):
    """Before: a subject pasted with the full stop of its sentence, in angle brackets or
    with a digit too many erased 0 rows with exit 0 and a receipt like any other, and
    subject-access answered ``rows: []``: nothing told the user the subject was not found.
    Now stderr names the subject by its place (``--subject #2``), never by its value, and
    the receipt lists it under ``subjects_not_found``."""
    dataset, work = uk
    proc = hb(command, "--dataset", dataset, "--vault", dataset.with_name("anon.vault"),
              "--subject", "email:bob@example.org", "--subject", subject,
              "--policy", work / "gb.yaml", home=work / "home")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "--subject #2 matched no row and no vault token" in proc.stderr
    assert "--subject #1" not in proc.stderr
    assert subject.split(":")[1] not in proc.stderr and "amy" not in proc.stderr
    answer = json.loads(proc.stdout)
    assert answer["subjects_not_found"] == [2]
    if command == "forget":
        assert answer["rows_removed"] == 1  # bob's row


# --- a misspelt HUSHBEAM_HOME ----------------------------------------------------------

@pytest.mark.parametrize("name", ["HUSHBEAM_HOEM", "HUSBEAM_HOME", "hushbeam_home",
                                  "HUSHBEAMHOME"])
def test_a_misspelt_hushbeam_home_is_refused_not_replaced_by_the_default(tmp_path, name):
    """Before: ``HUSHBEAM_HOEM=/secure/keys hushbeam redact ...`` ran with the keyring in
    ~/.hushbeam (made there, or silently reused when it existed): another key, so other
    pseudonyms than the user's datasets, and a master key written where it was not meant
    to be. Exit 0."""
    import os
    import subprocess

    from tests.pipelines.test_typos import HUSHBEAM, SAMPLES
    from tests.conftest import REPO

    env = {k: v for k, v in os.environ.items() if k != "HUSHBEAM_HOME"}
    env.update({name: str(tmp_path / "keys"), "HOME": str(tmp_path / "home"),
                "PYTHONPATH": str(REPO)})
    proc = subprocess.run([HUSHBEAM, "redact", "--input", SAMPLES, "--output",
                           str(tmp_path / "anon")], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=300)
    refused(proc, name, "did you mean HUSHBEAM_HOME?")
    assert not (tmp_path / "home" / ".hushbeam").exists()
    assert not (tmp_path / "anon").exists()


# --- a policy with two merge keys in one mapping ----------------------------------------

def test_two_merge_keys_in_one_mapping_of_a_policy_are_refused(tmp_path):
    """Before: ``PERSON: {<<: *redacted, <<: *hashed}`` took the second without a word (the
    duplicate-key check skipped merge keys): names hashed where the reader of the file
    may have seen them redacted. One merge key with a list (``<<: [*a, *b]``, the first
    wins, as YAML says) is still taken."""
    from transforms.core.policy import PolicyError, load_policy

    body = ("extends: default\nentities:\n  LOCATION: &redacted {operator: REDACT}\n"
            "  NRP: &hashed {operator: HASH}\n  PERSON:\n")
    twice = tmp_path / "twice.yaml"
    twice.write_text(body + "    <<: *redacted\n    <<: *hashed\n")
    with pytest.raises(PolicyError, match="line 7: '<<' is written twice"):
        load_policy(str(twice))
    listed = tmp_path / "listed.yaml"
    listed.write_text(body + "    <<: [*redacted, *hashed]\n")
    assert load_policy(str(listed)).treatment("PERSON").operator == "REDACT"

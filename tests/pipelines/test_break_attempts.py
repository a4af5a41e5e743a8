"""Sessions 23 and 24: break attempts that found defects, as the user and the attacker meet them:
the ``hushbeam`` command in a subprocess. Each test failed before its mend."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.pipelines.test_typos import hb, refused, tree  # the CLI as a user runs it

SAMPLES = REPO / "samples" / "conversations.jsonl"


@pytest.fixture()
def dev_home(tmp_path):
    """A development keyring as the first run leaves it (no run needed: the same files)."""
    home = tmp_path / "home"
    proc = hb("keys", "vault-identity", "--out", home / "dev-vault-identity.pem",
              "--recipient-out", home / "dev-vault-recipient.pem", home=home)
    assert proc.returncode == 0, proc.stderr
    return home


# --- the development keyring ----------------------------------------------------------

def test_a_dev_recipient_swapped_for_another_key_is_refused_before_anything_is_sealed(
        dev_home, tmp_path):
    """Whoever can write $HUSHBEAM_HOME must not get the next vault sealed to their key."""
    attacker = tmp_path / "attacker.pem"
    assert hb("keys", "vault-identity", "--out", attacker, home=dev_home).returncode == 0
    (dev_home / "dev-vault-recipient.pem").write_bytes(Path(f"{attacker}.pub").read_bytes())
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "out", home=dev_home)
    refused(proc, "dev-vault-recipient.pem", "is not the public key of")
    assert not (tmp_path / "out.vault" / "tokens").exists()


def test_a_deleted_dev_recipient_is_made_again_from_the_dev_identity(dev_home, tmp_path):
    recipient = dev_home / "dev-vault-recipient.pem"
    before = recipient.read_bytes()
    recipient.unlink()
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "out", home=dev_home)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert recipient.read_bytes() == before
    assert (tmp_path / "out.vault" / "_recipient.pem").read_bytes() == before


def test_a_dev_recipient_without_its_identity_is_refused(dev_home, tmp_path):
    """Sealing to a key the keyring cannot open loses the vault without a word."""
    (dev_home / "dev-vault-identity.pem").unlink()
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "out", home=dev_home)
    refused(proc, "dev-vault-identity.pem", "does not exist")


# --- input and output locations -------------------------------------------------------

def test_an_input_glob_that_reaches_the_output_or_its_vault_is_refused(tmp_path):
    """An earlier run's dataset and vault must not be read back as exports."""
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "a.jsonl").write_bytes(SAMPLES.read_bytes())
    home = tmp_path / "home"
    first = hb("redact", "--input", exports / "*", "--output", exports / "anon", home=home)
    assert first.returncode == 0, first.stderr[-2000:]
    proc = hb("redact", "--input", exports / "**", "--output", exports / "anon",
              "--overwrite", home=home)
    refused(proc, "--input", "inside --output")


def test_an_input_that_is_a_directory_is_refused_with_the_glob_to_use(tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "a.jsonl").write_bytes(SAMPLES.read_bytes())
    proc = hb("redact", "--input", exports, "--output", tmp_path / "anon", home=tmp_path / "h")
    refused(proc, "is a directory", f"'{exports}/*'")
    assert not (tmp_path / "anon" / "_summary.json").exists()


# --- a CSV column mapping ---------------------------------------------------------------

def test_a_csv_column_mapping_misspelt_against_the_files_header_is_refused(tmp_path):
    """`Transcrpt: transcript_text` for a `Transcript` column dropped every transcript
    (exit 0, an empty column). The error names the policy's key, never a header cell."""
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "a.csv").write_text(
        "Contact ID,Transcript,Customer Phone\n"
        'c1,"hi this is John Smith, call me",415 555 2671\n')
    policy = tmp_path / "p.yaml"
    policy.write_text("extends: default\ncsvColumns:\n  Contact ID: conversation_id\n"
                      "  Transcrpt: transcript_text\n  Customer Phone: phoneNumber\n")
    proc = hb("redact", "--input", exports / "*.csv", "--output", tmp_path / "anon",
              "--policy", policy, home=tmp_path / "h")
    refused(proc, "csvColumns.Transcrpt", "a.csv")
    assert not (tmp_path / "anon" / "_summary.json").exists()
    policy.write_text(policy.read_text().replace("Transcrpt", "Transcript"))
    proc = hb("redact", "--input", exports / "*.csv", "--output", tmp_path / "anon",
              "--policy", policy, home=tmp_path / "h")
    assert proc.returncode == 0, proc.stderr[-2000:]


# --- session 25: policy values that were taken without a word -------------------------

def _policy(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text("extends: default\n" + text)
    return path


@pytest.mark.parametrize("text,expected", [
    ("description: [a, b]\n", "description: must be a string"),
    ("description: {team: b}\n", "description: must be a string"),
    ("version: 2\n", "version: must be 1"),
    ("entities:\n  CREDENTIAL: {operator: NUMBERED}\n", "entities.CREDENTIAL.operator: NUMBERED"),
    ("entities:\n  CREDENTIAL: {operator: MASK, charsToMask: 2}\n", "left unmasked"),
    ("entities:\n  PERSON: {operator: MASK, charsToMask: -1}\n",
     "entities.PERSON.charsToMask: must be a whole number of 1 or more"),
    ("entities:\n  PERSON: {operator: MASK, fromEnd: 'false'}\n",
     "entities.PERSON.fromEnd: must be true or false"),
    ("customRules:\n- {name: Member, pattern: 'MEM-[0-9]+', caseSensitive: 'false'}\n",
     "customRules[0].caseSensitive: must be true or false"),
    ("customRules:\n- {name: Evil, pattern: '(-+)+z'}\n",
     "customRules[0].pattern: repeats a group that is itself only repeats"),
])
def test_a_policy_value_of_the_wrong_kind_is_refused_before_anything_is_read(
        tmp_path, text, expected):
    """Before: a list or mapping as description, version 2, a PIN numbered (<CREDENTIAL_1>
    twice: the caller gave the same PIN twice), a mask keeping 2 characters of it, a mask
    of -1 characters (Presidio masks nothing: names in clear), `'false'` read as true, a
    rule that took 3 min 23 s on one record of 30 dashes (exponential in the dashes)."""
    policy = _policy(tmp_path, text)
    refused(hb("policy", "validate", policy, home=tmp_path / "h"), str(policy), expected)
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "anon", "--policy", policy,
              home=tmp_path / "h")
    refused(proc, expected)
    assert not (tmp_path / "anon").exists()


def _transcripts(dataset: Path) -> str:
    return "\n".join(str(row.get("transcript_text")) for part in
                     sorted(dataset.glob("part-*.parquet"))
                     for row in pq.read_table(part).to_pylist())


@pytest.mark.parametrize("text", ["{operator: MASK}", "{operator: MASK, charsToMask: 100}"])
def test_a_whole_mask_of_a_credential_longer_than_100_characters_hides_all_of_it(
        tmp_path, text):
    """mend25b. Before: a MASK of 100 (the default, taken as keeping nothing, so allowed on
    CREDENTIAL) wrote the 37 characters past the 100th of a 137-character security answer
    in clear, exit 0."""
    secret = "Zq" + "x7k" * 45
    record = {"conversation_id": "c1", "start_time": "2026-03-01T10:00:00Z",
              "transcript_text": "agent: hello\ncustomer: the answer to my security "
                                 f"question is {secret}\nagent: thanks"}
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n")
    policy = _policy(tmp_path, f"entities:\n  CREDENTIAL: {text}\n")
    proc = hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "anon",
              "--policy", policy, home=tmp_path / "h")
    assert proc.returncode == 0, proc.stderr[-2000:]
    written = _transcripts(tmp_path / "anon")
    assert "question is " + "*" * len(secret) + "\n" in written
    assert "x7k" not in written and "x7k" not in proc.stderr + proc.stdout


def test_a_presidio_recognizer_with_a_deny_list_redacts_its_words_end_to_end(tmp_path):
    """mend25b. Before: a recognizer pasted from Presidio with `deny_list` was refused
    ("is not a known key"); now its words are found as Presidio finds them (whole words,
    any case) and treated as the policy says."""
    record = {"conversation_id": "c1", "start_time": "2026-03-01T10:00:00Z",
              "transcript_text": "agent: hello\ncustomer: it is about project bluebird and "
                                 "the Night Jar launch, not the bluebirds\nagent: noted"}
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n")
    policy = _policy(tmp_path, "recognizers:\n- name: Codenames\n  supported_language: en\n"
                     "  supported_entity: CODENAME\n  deny_list: [Bluebird, Night Jar]\n"
                     "entities:\n  CODENAME: {operator: REPLACE, newValue: '<CODENAME>'}\n")
    assert hb("policy", "validate", policy, home=tmp_path / "h").returncode == 0
    proc = hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "anon",
              "--policy", policy, home=tmp_path / "h")
    assert proc.returncode == 0, proc.stderr[-2000:]
    written = _transcripts(tmp_path / "anon")
    assert "project <CODENAME> and the <CODENAME> launch, not the bluebirds" in written
    assert "Night Jar" not in proc.stderr + proc.stdout


def test_a_rule_that_backtracks_without_end_dead_letters_its_record_not_the_run(tmp_path):
    """mend25b. The policy check sees nested repeats only; before, each of these ran for
    hours on one record (Presidio gives up after 60 s and skips the rule, then the leak
    guard's `re` search ran unbounded). Now every search of a custom rule is bounded
    (transforms/core/bounded_rules.py): the record is dead-lettered, no value in the
    reason, the other record written, exit 0."""
    pattern, text = r"(?:a|aa)+z", "a" * 48  # overlapping alternatives under a repeat
    records = [{"conversation_id": "slow", "start_time": "2026-03-01T10:00:00Z",
                "transcript_text": f"customer: my code is {text} thanks"},
               {"conversation_id": "good", "start_time": "2026-03-01T10:00:00Z",
                "transcript_text": "customer: my order is late"}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    policy = _policy(tmp_path, f"customRules:\n- {{name: Slow, pattern: '{pattern}'}}\n")
    assert hb("policy", "validate", policy, home=tmp_path / "h").returncode == 0
    proc = hb("redact", "--input", tmp_path / "in.jsonl", "--output", tmp_path / "anon",
              "--policy", policy, home=tmp_path / "h", timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads((tmp_path / "anon" / "_summary.json").read_text())
    assert (summary["records_written"], summary["records_dead_lettered"]) == (1, 1)
    assert "RuleTimeout" in json.dumps(summary)
    assert text[:20] not in proc.stderr + proc.stdout
    assert "late" in _transcripts(tmp_path / "anon")


@pytest.mark.parametrize("args,expected", [
    (("--runner", "DirectRuner"), ("--runner DirectRuner", "did you mean DirectRunner?")),
    (("--runner", "dataflow_runner"), ("--runner", "did you mean DataflowRunner?")),
    (("--runner", "no_such.module.Runner"), ("--runner", "cannot be imported")),
    (("--direct_num_workers", "-2"), ("--direct_num_workers", "0 or more")),
    (("--direct_running_mode", "multi_thread"), ("--direct_running_mode", "multi_threading")),
])
def test_a_bad_runner_or_runner_option_is_one_line_before_anything_is_written(
        tmp_path, args, expected):
    """Before: a misspelt runner and -2 workers were Beam tracebacks (exit 1, after the
    empty output folders were made); a bad choice of a Beam option printed Beam's usage
    (147 lines) under the name cli.py."""
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "anon", *args,
              home=tmp_path / "h")
    refused(proc, *expected)
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr[-2000:]
    assert not (tmp_path / "anon").exists() and not (tmp_path / "anon.vault").exists()


@pytest.mark.parametrize("args,expected", [
    (("--progress-seconds", "-5"), "--progress-seconds must be 0 or more (got -5)"),
    (("--num-shards", "-1"), "--num-shards must be at least 1 (got -1)"),
    (("--num-shards", "0"), "--num-shards must be at least 1 (got 0)"),
    (("--window-seconds", "-60"), "--window-seconds must be at least 1"),
    (("--allowed-lateness-seconds", "-1"), "--allowed-lateness-seconds must be 0 or more"),
    (("--local-redaction-processes", "-2"), "--local-redaction-processes must be at least 1"),
    (("--nlp-batch-size", "-8"), "--nlp-batch-size must be at least 1"),
    (("--max-quarantine-rate", "-0.1"), "--max-quarantine-rate must be between 0 and 1"),
    (("--poll-interval", "0"), "--poll-interval must be more than 0"),
    (("--settle-seconds", "-1"), "--settle-seconds must be 0 or more"),
    (("--stop-after-seconds", "-1"), "--stop-after-seconds must be 0 or more"),
    (("--stop-when-idle", "-3"), "--stop-when-idle must be 0 or more"),
    (("--progress-seconds", "nan"), "--progress-seconds must be a finite number"),
    (("--stop_when_idle=inf",), "--stop-when-idle must be a finite number"),
])
def test_a_negative_or_non_finite_number_for_a_redact_option_is_one_line(
        tmp_path, args, expected):
    """mend25b. Before: `--progress-seconds -5` turned progress off without a word and
    `--num-shards -1` was ignored by a batch run (exit 0 both); a batch run never read the
    streaming options at all."""
    proc = hb("redact", "--input", SAMPLES, "--output", tmp_path / "anon", *args,
              home=tmp_path / "h")
    refused(proc, expected)
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr[-2000:]
    assert not (tmp_path / "anon").exists() and not (tmp_path / "h").exists()


@pytest.mark.parametrize("version", ["0", "-3"])
def test_a_keyset_version_below_1_is_refused_before_the_keyset_is_made(tmp_path, version):
    """mend25b. Before: `keys create --version -3` wrote a keyset (and its master key) that
    every other command refuses ("'version' must be 1 or more"), exit 0."""
    proc = hb("keys", "create", "--kms", f"local://{tmp_path / 'm.key'}", "--out",
              tmp_path / "k.json", "--version", version, home=tmp_path / "h")
    refused(proc, f"--version must be 1 or more (got {version})")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _in(cwd: Path, *args, home: str):
    """``hb`` run from ``cwd`` (where an empty HUSHBEAM_HOME used to put the keyring)."""
    import os
    import subprocess
    from tests.pipelines.test_typos import HUSHBEAM
    env = dict(os.environ, HUSHBEAM_HOME=home, PYTHONPATH=str(REPO))
    return subprocess.run([HUSHBEAM, *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


def test_an_empty_hushbeam_home_is_refused_not_read_as_the_current_directory(tmp_path):
    """`HUSHBEAM_HOME=$UNSET_VAR`: before, the development keyring, master key included, was
    made in the current directory (a repository, a shared folder), exit 0."""
    for command in (("redact", "--input", SAMPLES, "--output", tmp_path / "anon"),
                    ("preview", "--input", SAMPLES, "-n", "1")):
        proc = _in(tmp_path, *command, home="")
        refused(proc, "HUSHBEAM_HOME is set but empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("make", ["file", "unmakeable"])
def test_a_hushbeam_home_that_cannot_be_a_directory_is_one_line(tmp_path, make):
    """Before: FileExistsError / FileNotFoundError tracebacks, exit 1."""
    home = tmp_path / "home"
    if make == "file":
        home.write_text("not a folder")
    else:
        home = Path("/proc/hushbeam-nope/home")
    proc = _in(tmp_path, "redact", "--input", SAMPLES, "--output", tmp_path / "anon",
               home=str(home))
    refused(proc, f"HUSHBEAM_HOME {home}")
    assert not (tmp_path / "anon").exists()


# --- session 24: the Parquet parts and the summary are bound to the vault's manifest -----

@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Two runs of the same keyring: ``a`` is attacked with the parts of ``b``."""
    work = tmp_path_factory.mktemp("parts")
    home = work / "home"
    for name in ("a", "b"):
        proc = hb("redact", "--input", SAMPLES, "--output", work / name, home=home)
        assert proc.returncode == 0, proc.stderr[-2000:]
    proc = hb("keys", "create", "--kms", f"local://{work / 'm2.key'}", "--out",
              home / "k2.json", "--version", "2", home=home)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return work, home


@pytest.fixture()
def attacked(two_runs, tmp_path):
    """A copy of run ``a`` (dataset and vault) to break, and ``b``'s dataset."""
    work, home = two_runs
    shutil.copytree(work / "a", tmp_path / "a")
    shutil.copytree(work / "a.vault", tmp_path / "a.vault")
    return tmp_path / "a", work / "b", home


def _forged_part(source: Path, run_id: str, rows: int = 2) -> bytes:
    """``source``'s first rows, with the run id of the dataset it is smuggled into (the
    run id is no secret: it is in the summary and every part's metadata)."""
    table = pq.read_table(source).slice(0, rows)
    meta = dict(table.schema.metadata or {})
    meta[b"hushbeam.run_id"] = run_id.encode()
    sink = pa.BufferOutputStream()
    pq.write_table(table.replace_schema_metadata(meta), sink)
    return sink.getvalue().to_pybytes()


def _run_id(dataset: Path) -> str:
    return json.loads((dataset / "_summary.json").read_text())["run_id"]


def _commands(dataset: Path, home: Path, which=("subject-access", "forget")):
    """Commands that read the dataset as a whole, with its vault (each refusal is cheap)."""
    vault = dataset.with_name(dataset.name + ".vault")
    identity = home / "dev-vault-identity.pem"
    subject = ("--subject", "email:maria.garcia@example.org")
    args = {"subject-access": ("subject-access", "--dataset", dataset, "--vault", vault,
                               *subject),
            "reidentify": ("reidentify", "--vault", vault, "--dataset", dataset,
                           "--identity", identity, "--reason", "test", "hb:EMAIL:0000"),
            "rekey": ("rekey", "--dataset", dataset, "--vault", vault, "--identity",
                      identity, "--new-keyset", home / "k2.json", "--output",
                      dataset.parent / "rekeyed"),
            "forget": ("forget", "--dataset", dataset, "--vault", vault, *subject)}
    for name in which:
        yield name, hb(*args[name], home=home)


def _all_refused(dataset: Path, home: Path, *expected: str,
                 which=("subject-access", "forget")) -> None:
    vault = dataset.with_name(dataset.name + ".vault")
    before = tree(dataset, vault)
    for name, proc in _commands(dataset, home, which):
        refused(proc, *expected)
        assert "maria" not in proc.stderr.lower() and not proc.stdout.strip(), name
    assert tree(dataset, vault) == before  # nothing erased, nothing audited
    assert not (dataset.parent / "rekeyed").exists()


def test_a_part_swapped_for_a_forged_one_with_the_datasets_run_id_is_refused(attacked):
    """Before: subject-access answered from the forged part (2 rows of another run), exit 0."""
    dataset, other, home = attacked
    part = sorted(dataset.glob("part-*.parquet"))[0]
    part.write_bytes(_forged_part(sorted(other.glob("part-*.parquet"))[0], _run_id(dataset)))
    _all_refused(dataset, home, part.name, "does not match",
                 which=("subject-access", "reidentify", "rekey", "forget"))


def test_an_extra_part_with_the_datasets_run_id_is_refused(attacked):
    dataset, other, home = attacked
    extra = dataset / "part-00007-of-00009.parquet"
    extra.write_bytes(_forged_part(sorted(other.glob("part-*.parquet"))[0], _run_id(dataset)))
    _all_refused(dataset, home, extra.name, "not in the vault's manifest")


def test_a_deleted_part_is_refused(attacked):
    dataset, _, home = attacked
    part = sorted(dataset.glob("part-*.parquet"))[0]
    part.unlink()
    _all_refused(dataset, home, part.name, "is missing")


def test_an_edited_summary_is_refused(attacked):
    dataset, _, home = attacked
    summary = json.loads((dataset / "_summary.json").read_text())
    summary["records_written"] += 1
    (dataset / "_summary.json").write_text(json.dumps(summary, indent=2))
    _all_refused(dataset, home, "_summary.json", "not the one")


def test_an_untouched_dataset_is_read_and_its_manifest_binds_every_part(attacked):
    dataset, _, home = attacked
    binding = json.loads((dataset.with_name("a.vault") / "_manifest.json").read_text())[
        "dataset"]
    assert set(binding["parts"]) == {p.name for p in dataset.glob("part-*.parquet")}
    (name, proc), = _commands(dataset, home, which=("subject-access",))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["rows"] and "not authenticated" not in proc.stderr
    alone = hb("subject-access", "--dataset", dataset, "--subject",
               "email:maria.garcia@example.org", home=home)  # no vault: nothing to check
    assert alone.returncode == 0 and "without --vault" in alone.stderr, alone.stderr[-2000:]


def test_a_dataset_committed_before_parts_were_bound_is_read_with_a_warning(attacked):
    """Decided: such a dataset (its manifest binds the run id only, as every run wrote it
    before) stays readable, so that `forget` still serves a data-subject request; the
    warning says the parts are checked by run id only and how to bind them."""
    from transforms.datasets.vault import VaultKey, signed_manifest
    from transforms.keys.keyset import dev_keyset, load_keyset

    dataset, _, home = attacked
    path = dataset.with_name("a.vault") / "_manifest.json"
    old = json.loads(path.read_text())
    key = VaultKey.of(load_keyset(dev_keyset(home)))
    path.write_text(json.dumps(signed_manifest(
        key, old["run_id"], old["files"], old["recipient_sha256"], {"run_id": old["run_id"]},
        old["generation"])))
    (name, proc), = _commands(dataset, home, which=("subject-access",))
    assert proc.returncode == 0 and json.loads(proc.stdout)["rows"], proc.stderr[-2000:]
    assert "checked by run id only" in proc.stderr and "rekey" in proc.stderr


# --- session 25: a streaming window's parts and summary are bound to its manifest --------

@pytest.fixture(scope="module")
def streaming_job(tmp_path_factory):
    """A streaming job that committed two windows (the same keyring as ``two_runs``'s
    layout: the dev keyring of ``home``)."""
    from tests.pipelines.test_streaming_ledger import MTIMES, W0, W1, _args, _cli, _land
    from tests.synthetic import make_corpus

    work = tmp_path_factory.mktemp("streaming")
    home = work / "home"
    corpus = make_corpus(n=40)
    _land(work / "job" / "landing", "export-0.jsonl", corpus.records[:20], W0)
    _land(work / "job" / "landing", "export-1.jsonl", corpus.records[20:], W1)
    proc = _cli(_args(work / "job"), home)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert MTIMES  # windows a minute apart: two windows
    return work / "job", home, corpus


@pytest.fixture()
def attacked_job(streaming_job, tmp_path):
    """A copy of the streaming job's dataset and vault to break."""
    job, home, corpus = streaming_job
    for name in ("out", "out.vault"):
        shutil.copytree(job / name, tmp_path / name)
    return tmp_path / "out", home, corpus


def _subject_email(corpus) -> str:
    """The email of the customer of the job's first conversation (rows in the dataset)."""
    return corpus.customers[corpus.customer_of[corpus.records[0]["conversation_id"]]].email


def _window_commands(dataset: Path, home: Path, subject: str):
    vault = dataset.with_name(dataset.name + ".vault")
    for args in (("subject-access", "--dataset", dataset, "--vault", vault,
                  "--subject", subject),
                 ("reidentify", "--vault", vault, "--dataset", dataset, "--identity",
                  home / "dev-vault-identity.pem", "--reason", "test", "hb:EMAIL:0000"),
                 ("forget", "--dataset", dataset, "--vault", vault, "--subject", subject)):
        yield args[0], hb(*args, home=home)


def _windows_refused(dataset: Path, home: Path, corpus, *expected: str) -> None:
    vault = dataset.with_name(dataset.name + ".vault")
    before = tree(dataset, vault)
    email = _subject_email(corpus)
    for name, proc in _window_commands(dataset, home, f"email:{email}"):
        refused(proc, *expected)
        assert email not in proc.stderr and not proc.stdout.strip(), name
        for record in corpus.records:  # never the data
            assert record["conversation_id"] not in proc.stderr, name
    assert tree(dataset, vault) == before  # nothing erased, nothing audited


def _window_parts(dataset: Path) -> list:
    return sorted(dataset.glob("window=*/part-*.parquet"))


def test_a_streaming_window_part_swapped_for_a_forged_one_is_refused(attacked_job):
    """Before: the window's manifest bound its run id only; subject-access answered from
    the forged part, exit 0."""
    dataset, home, corpus = attacked_job
    first, other = _window_parts(dataset)[0], _window_parts(dataset)[-1]
    assert first.parent != other.parent
    run_id = json.loads((first.parent / "_summary.json").read_text())["run_id"]
    first.write_bytes(_forged_part(other, run_id))
    _windows_refused(dataset, home, corpus, first.name, first.parent.name, "does not match")


def test_an_extra_part_in_a_streaming_window_is_refused(attacked_job):
    dataset, home, corpus = attacked_job
    first = _window_parts(dataset)[0]
    run_id = json.loads((first.parent / "_summary.json").read_text())["run_id"]
    extra = first.parent / "part-00000-of-00001.late-7.parquet"
    extra.write_bytes(_forged_part(_window_parts(dataset)[-1], run_id))
    _windows_refused(dataset, home, corpus, extra.name, "not in the vault's manifest")


def test_a_deleted_part_of_a_streaming_window_is_refused(attacked_job):
    dataset, home, corpus = attacked_job
    first = _window_parts(dataset)[0]
    first.unlink()
    _windows_refused(dataset, home, corpus, first.name, "is missing")


def test_an_edited_streaming_window_summary_is_refused(attacked_job):
    dataset, home, corpus = attacked_job
    path = sorted(dataset.glob("window=*/_summary.json"))[0]
    summary = json.loads(path.read_text())
    summary["records_written"] += 1
    path.write_text(json.dumps(summary, indent=2))
    _windows_refused(dataset, home, corpus, "_summary.json", path.parent.name, "not the one")


def test_an_untouched_streaming_job_is_read_and_each_manifest_binds_its_window(attacked_job):
    dataset, home, corpus = attacked_job
    for window in sorted(dataset.glob("window=*")):
        manifest = json.loads((dataset.with_name("out.vault") / window.name /
                               "_manifest.json").read_text())
        assert set(manifest["dataset"]["parts"]) == {p.name for p in window.glob("part-*")}
    email = _subject_email(corpus)
    proc = hb("subject-access", "--dataset", dataset, "--vault",
              dataset.with_name("out.vault"), "--subject", f"email:{email}", home=home)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["rows"] and "not authenticated" not in proc.stderr
    assert "checked by run id only" not in proc.stderr


@pytest.mark.parametrize("command", ["subject-access", "forget"])
def test_a_part_swapped_after_the_vault_check_is_refused_not_read(attacked, monkeypatch,
                                                                  command):
    """The check-then-read race: the parts were hashed by the vault check, then read again
    by pyarrow; a part swapped in between was read (before: subject-access answered from
    it, forget erased from it). Now every read re-hashes the bytes it parses."""
    from transforms.core.policy import load_policy
    from transforms.datasets import erasure
    from transforms.datasets.dataset import DatasetError
    from transforms.datasets.subjects import parse_subject
    from transforms.keys.keyset import dev_keyset, load_keyset

    dataset, other, home = attacked
    vault = dataset.with_name("a.vault")
    part = sorted(dataset.glob("part-*.parquet"))[0]
    forged = _forged_part(sorted(other.glob("part-*.parquet"))[0], _run_id(dataset))
    real_verify = erasure.verify_vault

    def verify_then_swap(*args, **kwargs):
        manifest = real_verify(*args, **kwargs)
        part.write_bytes(forged)  # the attacker's swap, after the check
        return manifest

    monkeypatch.setattr(erasure, "verify_vault", verify_then_swap)
    policy = load_policy(None)
    keyset = load_keyset(dev_keyset(home))
    subjects = [parse_subject("email:maria.garcia@example.org", policy)]
    summary_before = (dataset / "_summary.json").read_bytes()
    with pytest.raises(DatasetError, match=f"part {part.name} .*not the part") as err:
        if command == "forget":
            erasure.forget(dataset, vault, subjects, keyset, policy)
        else:
            erasure.subject_access(dataset, subjects, keyset, policy, vault)
    assert "maria" not in str(err.value).lower()
    assert (dataset / "_summary.json").read_bytes() == summary_before  # nothing erased

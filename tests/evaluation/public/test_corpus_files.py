"""The extra corpora are rebuilt from git blobs listed in corpus_files.tsv, checked."""
import re
import subprocess

import pytest

from tests.evaluation.public import corpus_files
from tests.evaluation.public.corpus_files import CorpusFile, blob_sha1, copy, manifest
from tests.evaluation.public.registry import CORPORA


def _repo(tmp_path, content: bytes):
    work = tmp_path / "clones" / "someone+corpus"
    work.mkdir(parents=True)
    run = lambda *a: subprocess.run(["git", "-C", str(work), *a], check=True,
                                    capture_output=True, text=True).stdout.strip()
    run("init", "-q")
    (work / "data").mkdir()
    (work / "data" / "test.txt").write_bytes(content)
    run("add", ".")
    run("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "data")
    return work, run("rev-parse", "HEAD")


def test_blob_sha1_is_what_git_hash_object_prints(tmp_path):
    data = b"EU-rejects German call\n"
    (tmp_path / "f").write_bytes(data)
    expected = subprocess.run(["git", "hash-object", str(tmp_path / "f")], check=True,
                              capture_output=True, text=True).stdout.strip()
    assert blob_sha1(data) == expected


def test_copy_writes_the_listed_blob_under_the_corpora_directory(tmp_path):
    work, commit = _repo(tmp_path, b"Jo B-PER\n")
    item = CorpusFile("mine/test.txt", "someone/corpus", commit, "data/test.txt",
                      blob_sha1(b"Jo B-PER\n"))
    gitdir = corpus_files.git_dir(tmp_path / "clones", "someone/corpus")
    out = copy(item, gitdir, tmp_path / "corpora")
    assert out.read_bytes() == b"Jo B-PER\n"


def test_copy_refuses_content_that_is_not_the_listed_blob(tmp_path):
    work, commit = _repo(tmp_path, b"changed upstream\n")
    item = CorpusFile("mine/test.txt", "someone/corpus", commit, "data/test.txt",
                      blob_sha1(b"what we measured\n"))
    with pytest.raises(ValueError, match="not blob"):
        copy(item, corpus_files.git_dir(tmp_path / "clones", "someone/corpus"),
             tmp_path / "corpora")
    assert not (tmp_path / "corpora" / "mine" / "test.txt").exists()


def test_main_reports_a_missing_clone_and_fails(tmp_path, capsys):
    assert corpus_files.main(["--clones", str(tmp_path), "--dest", str(tmp_path / "out")]) == 1
    assert "no clone of" in capsys.readouterr().err


def test_manifest_rows_name_a_commit_and_a_blob():
    rows = manifest()
    assert rows
    for row in rows:
        assert re.fullmatch(r"[0-9a-f]{40}", row.commit), row.dest
        assert re.fullmatch(r"[0-9a-f]{40}", row.blob), row.dest
        assert "/" in row.repo and not row.dest.startswith("/")


@pytest.mark.parametrize("name", ["wikigold", "re3d", "sec_filings", "gum", "gmb", "crossner",
                                  "wikineural", "uner_pud", "uner_ewt", "restaurant8k",
                                  "nlupp", "finer_ord", "mudoco"])
def test_every_file_of_an_extra_corpus_is_in_the_manifest(name):
    corpus = CORPORA[name]
    listed = {row.dest for row in manifest()}
    for f in corpus.tune + corpus.heldout:
        assert f"{corpus.directory}/{f}" in listed

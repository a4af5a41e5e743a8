"""Lay out the extra corpora directory from the authors' git repositories, blob by blob.

``corpus_files.tsv`` lists every file `make eval` reads from the extra corpora directory
(``../corpora-extra``): the GitHub repository, commit and path it comes from, and its git
blob SHA-1. This copies each file out of a local clone of its repository and refuses one
whose content is not the listed blob, so a corpus is the same on every machine. The data is
never committed; the clones are made by hand (or with ``--clone``, the only step that uses
the network; the pipeline and `make eval` never do).

    python -m tests.evaluation.public.corpus_files --clones ~/src/corpora-git \
        --dest ../corpora-extra [--clone]

``--clones DIR`` holds one clone per repository, named ``owner+name`` (a work tree or a bare
git directory; ``owner+name/repo`` is read too). MultiWOZ and ABCD are not listed: see
docs/evaluation.md for where to put them.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

MANIFEST = Path(__file__).with_name("corpus_files.tsv")


@dataclasses.dataclass(frozen=True)
class CorpusFile:
    dest: str  # path under the corpora directory
    repo: str  # owner/name on github.com
    commit: str
    path: str  # path inside the repository
    blob: str  # git blob SHA-1 of the content


def manifest(path: Path = MANIFEST) -> List[CorpusFile]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(CorpusFile(*line.split("\t")))
    return rows


def blob_sha1(data: bytes) -> str:
    """The git blob id of ``data`` (what ``git hash-object`` prints)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def git_dir(clones: Path, repo: str) -> Optional[Path]:
    base = clones / repo.replace("/", "+", 1)
    for candidate in (base / "repo", base / ".git", base):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def clone(clones: Path, repo: str) -> Path:
    """A blobless bare clone of ``repo`` (network: only when asked with --clone)."""
    target = clones / repo.replace("/", "+", 1)
    subprocess.run(["git", "clone", "--quiet", "--bare", "--filter=blob:none",
                    f"https://github.com/{repo}.git", str(target)], check=True)
    return target


def copy(item: CorpusFile, gitdir: Path, dest: Path) -> Path:
    """Write one file under ``dest``; ValueError if its content is not the listed blob."""
    data = subprocess.run(["git", "--git-dir", str(gitdir), "show",
                           f"{item.commit}:{item.path}"], check=True,
                          capture_output=True).stdout
    if blob_sha1(data) != item.blob:
        raise ValueError(f"{item.repo} {item.path} at {item.commit[:7]} is not blob "
                         f"{item.blob[:12]} (got {blob_sha1(data)[:12]}): not written")
    out = dest / item.dest
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clones", type=Path, required=True,
                        help="directory of clones named owner+name")
    parser.add_argument("--dest", type=Path, required=True,
                        help="the extra corpora directory to fill")
    parser.add_argument("--clone", action="store_true",
                        help="clone a repository that is absent (uses the network)")
    args = parser.parse_args(argv)
    failed = 0
    for item in manifest():
        gitdir = git_dir(args.clones, item.repo)
        if gitdir is None and args.clone:
            gitdir = clone(args.clones, item.repo)
        if gitdir is None:
            print(f"skipped {item.dest}: no clone of {item.repo} in {args.clones}",
                  file=sys.stderr)
            failed += 1
            continue
        try:
            copy(item, gitdir, args.dest)
        except (ValueError, subprocess.CalledProcessError) as err:
            print(f"failed {item.dest}: {err}", file=sys.stderr)
            failed += 1
    print(f"{len(manifest()) - failed} files written to {args.dest}, {failed} not")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The sealed vault on disk (Beam-free): manifest, verification, reading and rewriting.

A vault directory (names in layout.py) holds a manifest (run id, and for each sealed file
its SHA-256 and line count), the recipient (the public key the vault is sealed to; it
lets an erasure re-write the vault without the private key), and one folder of sealed
files per kind: "token" (pseudonym -> {type, value}), "dead_letter", "quarantine".

Each line is authenticated by HPKE and bound to its kind and run; the manifest catches a
truncated, removed or added file. The manifest itself is not signed: someone who can
write the vault *and* holds the public key could replace it wholesale (see README).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional

from transforms.datasets import layout
from transforms.datasets.atomic import write_local
from transforms.keys.sealing import SealError, open_sealed


class VaultError(SealError):
    """A vault that is incomplete, altered, or from another run."""


@dataclasses.dataclass(frozen=True)
class FileEntry:
    path: str  # relative to the vault directory
    sha256: str
    lines: int


def file_entry(relpath: str, data: bytes) -> FileEntry:
    return FileEntry(relpath, hashlib.sha256(data).hexdigest(),
                     sum(1 for line in data.splitlines() if line.strip()))


def manifest_bytes(run_id: str, entries: List[FileEntry]) -> bytes:
    return layout.json_document({"v": 1, "run_id": run_id,
                                 "files": {e.path: {"sha256": e.sha256, "lines": e.lines}
                                           for e in sorted(entries, key=lambda e: e.path)}})


def load_manifest(vault: Path) -> dict:
    path = Path(vault) / layout.MANIFEST
    try:
        manifest = json.loads(path.read_text())
        manifest["run_id"], manifest["files"]  # noqa: B018 - shape check
    except FileNotFoundError:
        raise VaultError(f"{vault} is not a complete vault: {layout.MANIFEST} is "
                         "missing") from None
    except (ValueError, KeyError, TypeError):
        raise VaultError(f"{path} is not a valid vault manifest") from None
    return manifest


def verify_vault(vault: Path, run_id: Optional[str] = None) -> dict:
    """Check every sealed file against the manifest; returns the manifest."""
    vault = Path(vault)
    manifest = load_manifest(vault)
    if run_id is not None and manifest["run_id"] != run_id:
        raise VaultError(f"vault {vault} belongs to run {manifest['run_id']}, not to the "
                         f"dataset's run {run_id}")
    listed = set(manifest["files"])
    present = {str(p.relative_to(vault)) for p in vault.glob(layout.ALL_SEALED_GLOB)}
    for extra in sorted(present - listed):
        raise VaultError(f"vault file {extra} is not in the manifest (added or from "
                         "another run)")
    for rel, expected in sorted(manifest["files"].items()):
        path = vault / rel
        if not path.exists():
            raise VaultError(f"vault file {rel} is missing")
        entry = file_entry(rel, path.read_bytes())
        if entry.sha256 != expected["sha256"] or entry.lines != expected["lines"]:
            raise VaultError(f"vault file {rel} was altered or truncated (its SHA-256 or "
                             "line count does not match the manifest)")
    return manifest


def _sealed_files(vault: Path, kind: str) -> List[Path]:
    return sorted((vault / layout.VAULT_FOLDERS[kind]).glob(layout.SEALED_GLOB))


def iter_lines(vault: Path, kind: str) -> Iterator[tuple]:
    """(relative path, line) for every sealed line of a kind, in file order."""
    for path in _sealed_files(Path(vault), kind):
        rel = str(path.relative_to(vault))
        for line in path.read_text().splitlines():
            if line.strip():
                yield rel, line


def read_vault(vault: Path, identity, kind: str, run_id: Optional[str] = None) -> List[dict]:
    """Verify the vault, then open every line of one kind (refuses any bad line)."""
    manifest = verify_vault(vault, run_id)
    return [open_sealed(line, identity, kind, manifest["run_id"])
            for _, line in iter_lines(vault, kind)]


def token_map(vault: Path, identity, run_id: Optional[str] = None) -> Dict[str, dict]:
    """pseudonym -> {"type", "value"} from the token vault."""
    return {row["pseudonym"]: {"type": row["type"], "value": row["value"]}
            for row in read_vault(vault, identity, layout.TOKEN, run_id)}


def drop_lines(vault: Path, kind: str, drop: Callable[[str], bool]) -> int:
    """Remove the sealed lines ``drop`` selects, rewrite files atomically, update the
    manifest; returns how many lines went. Verifies the vault first."""
    vault = Path(vault)
    manifest = verify_vault(vault)
    removed = 0
    for path in _sealed_files(vault, kind):
        lines = [line for line in path.read_text().splitlines() if line.strip()]
        kept = [line for line in lines if not drop(line)]
        if len(kept) == len(lines):
            continue
        removed += len(lines) - len(kept)
        data = ("\n".join(kept) + "\n" if kept else "").encode()
        write_local(path, data)
        rel = str(path.relative_to(vault))
        entry = file_entry(rel, data)
        manifest["files"][rel] = {"sha256": entry.sha256, "lines": entry.lines}
    if removed:
        entries = [FileEntry(p, f["sha256"], f["lines"]) for p, f in manifest["files"].items()]
        write_local(vault / layout.MANIFEST, manifest_bytes(manifest["run_id"], entries))
    return removed


def line_ref(line: str) -> Optional[str]:
    try:
        return json.loads(line).get("ref")
    except ValueError:
        return None

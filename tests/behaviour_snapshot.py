#!/usr/bin/env python3
"""Behaviour snapshot of the hushbeam command line, to prove a refactor changed nothing.

    python tests/behaviour_snapshot.py --root DIR [--keys DIR] --out SNAPSHOT.json
    python tests/behaviour_snapshot.py --compare A.json B.json

The first form runs ``python -m pipelines.cli redact`` (cwd=DIR, PYTHONPATH=DIR) on
``samples/*`` and on 300 synthetic conversations (``tests/synthetic.py``), then writes a
canonical JSON snapshot of everything the runs produced: every Parquet row and the
Parquet schema, ``_summary.json``, the vault manifest and the opened vault contents, and
the list of files. Values that legitimately differ between runs (run ids, absolute paths
of the temp dir and the root, HPKE ciphertexts and their hashes) are normalised away.

The keyset and the vault identity are made once in ``--keys`` (default /tmp/hb-keys)
with ``hushbeam keys create`` / ``keys vault-identity`` and reused for every root, so
pseudonyms are comparable. HUSHBEAM_HOME is pinned to ``<keys>/home``.

The second form prints which sections differ and the first few differing paths (never
the values: the vault holds raw data) and exits 1, or prints "identical" and exits 0.

This script depends on the hushbeam CLI only, never on hushbeam's Python modules
(``tests/synthetic.py`` is imported from the root: it is test data, not hushbeam).
It needs pyarrow and cryptography (>= 45, for HPKE) in the interpreter running it.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

SYNTHETIC_N = 300
SYNTHETIC_SEED = 7
SAMPLES_GLOB = "samples/*"
RUN_ID_MARK = "<RUN_ID>"
# Summary keys that hold run-specific absolute paths of the output (the temp dir).
SUMMARY_PATH_KEYS = ("output", "vault_output", "vault_manifest")
SUMMARY_TIME_KEYS = ("started", "finished", "run_seconds")  # differ on every run


# ----------------------------------------------------------------------------- running

def _env(root: Path, keys: Path) -> Dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(root)
    env["HUSHBEAM_HOME"] = str(keys / "home")
    env.pop("PYTHONSTARTUP", None)
    return env


def _cli(root: Path, keys: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "pipelines.cli", *args]
    proc = subprocess.run(cmd, cwd=root, env=_env(root, keys), capture_output=True,
                          text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
        raise SystemExit(f"behaviour_snapshot: `hushbeam {' '.join(args[:2])}` failed "
                         f"with exit code {proc.returncode}")
    return proc


def ensure_keys(root: Path, keys: Path) -> Dict[str, Path]:
    """The shared keyset and vault identity (made once, with the CLI of ``root``)."""
    keys = keys.resolve()
    keys.mkdir(parents=True, exist_ok=True)
    (keys / "home").mkdir(exist_ok=True)
    paths = {"keyset": keys / "keyset.json", "identity": keys / "vault-id.pem",
             "recipient": keys / "vault-id.pem.pub"}
    if not paths["keyset"].exists():
        _cli(root, keys, "keys", "create", "--kms", f"local://{keys / 'master.key'}",
             "--out", str(paths["keyset"]))
    if not paths["identity"].exists():
        _cli(root, keys, "keys", "vault-identity", "--out", str(paths["identity"]),
             "--recipient-out", str(paths["recipient"]))
    for name, path in paths.items():
        if not path.exists():
            raise SystemExit(f"behaviour_snapshot: {name} {path} is missing")
    return paths


def write_synthetic(root: Path, path: Path) -> None:
    """tests/synthetic.py make_corpus(n=300) as JSON lines, in a child process so that
    nothing from the root stays imported here."""
    code = ("import sys; from pathlib import Path; from tests.synthetic import make_corpus; "
            f"make_corpus(n={SYNTHETIC_N}, seed={SYNTHETIC_SEED}).write_jsonl(Path(sys.argv[1]))")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)},
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit("behaviour_snapshot: tests/synthetic.py make_corpus failed")


def redact(root: Path, keys: Path, key_paths: Dict[str, Path], input_glob: str,
           output: Path) -> str:
    proc = _cli(root, keys, "redact", "--input", input_glob, "--output", str(output),
                "--overwrite", "--keyset", str(key_paths["keyset"]),
                "--vault-recipient", str(key_paths["recipient"]))
    return proc.stdout


# ----------------------------------------------------------------------------- normalising

class Normaliser:
    """Replaces run ids and the run's absolute directories inside every string."""

    def __init__(self, replacements: Dict[str, str]):
        # longest first, so that /tmp/x/out.vault is not half-replaced by /tmp/x/out
        self.pairs = sorted(((k, v) for k, v in replacements.items() if k),
                            key=lambda kv: -len(kv[0]))

    def text(self, s: str) -> str:
        for old, new in self.pairs:
            if old in s:
                s = s.replace(old, new)
        return s

    def __call__(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bytes):
            try:
                return self.text(value.decode("utf-8"))
            except UnicodeDecodeError:
                return "base64:" + base64.b64encode(value).decode("ascii")
        if isinstance(value, dict):
            return {self(k) if isinstance(k, (str, bytes)) else str(k): self(v)
                    for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self(v) for v in value]
        if isinstance(value, float) and value != value:
            return "NaN"
        if hasattr(value, "isoformat"):  # date/time columns, should any appear
            return value.isoformat()
        if isinstance(value, (int, float, bool)) or value is None:
            return value
        return repr(value)


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _run_ids(output: Path, vault: Path) -> List[str]:
    ids = set()
    for path in (output / "_summary.json", vault / "_manifest.json"):
        if path.exists():
            rid = json.loads(path.read_text()).get("run_id")
            if rid:
                ids.add(str(rid))
    return sorted(ids)


def _file_list(base: Path, norm: Normaliser) -> List[dict]:
    if not base.exists():
        return [{"missing": True}]
    out = []
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        rel = norm(str(path.relative_to(base)))
        entry = {"path": rel}
        if path.name.endswith(".sealed.jsonl"):
            entry["lines"] = sum(1 for line in path.read_text().splitlines() if line.strip())
        out.append(entry)
    return sorted(out, key=lambda e: e["path"])


def snapshot_parquet(output: Path, norm: Normaliser) -> dict:
    import pyarrow.parquet as pq

    files = sorted(output.rglob("*.parquet"))
    rows, schemas = [], {}
    for path in files:
        table = pq.read_table(path)
        rel = norm(str(path.relative_to(output)))
        metadata = {k.decode(): v.decode("utf-8", "replace")
                    for k, v in (table.schema.metadata or {}).items()}
        metadata.pop("hushbeam.run_id", None)
        schemas[rel] = {
            "fields": [[f.name, str(f.type), f.nullable] for f in table.schema],
            "metadata": norm(metadata),
            "rows": table.num_rows,
        }
        for row in table.to_pylist():
            rows.append(norm(row))
    rows.sort(key=lambda r: (str(r.get("conversation_id")), _canon(r)))
    ids = [r.get("conversation_id") for r in rows]
    return {"files": schemas, "row_count": len(rows),
            "duplicate_conversation_ids": len(ids) - len(set(ids)), "rows": rows}


def snapshot_summary(output: Path, norm: Normaliser) -> dict:
    path = output / "_summary.json"
    if not path.exists():
        return {"missing": True}
    summary = json.loads(path.read_text())
    for key in ("run_id",) + SUMMARY_TIME_KEYS:
        summary.pop(key, None)
    removed = {}
    for key in SUMMARY_PATH_KEYS:
        if key in summary:
            value = norm(summary.pop(key))
            removed[key] = value  # kept only in its normalised form
    summary = norm(summary)
    summary["_normalised_paths"] = removed
    return summary


def snapshot_vault(vault: Path, identity_pem: bytes, norm: Normaliser) -> dict:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

    suite = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
    identity = serialization.load_pem_private_key(identity_pem, password=None)
    out: Dict[str, Any] = {}
    manifest_path = vault / "_manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else None
    if manifest is not None:
        out["manifest"] = norm({
            "v": manifest.get("v"),
            "run_id_present": bool(manifest.get("run_id")),
            # SHA-256 of HPKE output is random per run: keep the line counts only
            "files": {rel: {"lines": f.get("lines")}
                      for rel, f in sorted(manifest.get("files", {}).items())},
            "other_keys": sorted(set(manifest) - {"v", "run_id", "files"}),
        })
    else:
        out["manifest"] = {"missing": True}
    recipient = vault / "_recipient.pem"
    out["recipient_sha256"] = (hashlib.sha256(recipient.read_bytes()).hexdigest()
                               if recipient.exists() else None)

    manifest_run = manifest.get("run_id") if manifest else None
    kinds: Dict[str, List[dict]] = {}
    envelope_info: Dict[str, dict] = {}
    for path in sorted(vault.rglob("*.sealed.jsonl")):
        rel = norm(str(path.relative_to(vault)))
        info = envelope_info.setdefault(rel, {"lines": 0, "kinds": {}, "envelope_keys": set(),
                                              "run_matches_manifest": True, "with_ref": 0})
        for line in path.read_text().splitlines():
            if not line.strip():
                continue
            env = json.loads(line)
            kind, run, ref = env["kind"], env["run"], env.get("ref")
            info["lines"] += 1
            info["kinds"][kind] = info["kinds"].get(kind, 0) + 1
            info["envelope_keys"].update(env)
            info["with_ref"] += ref is not None
            if manifest_run is not None and run != manifest_run:
                info["run_matches_manifest"] = False
            aad = f"hushbeam/sealed/v1/{kind}/{run}" + ("" if ref is None else "/" + ref)
            plaintext = suite.decrypt(base64.b64decode(env["ct"], validate=True), identity,
                                      aad.encode("utf-8"))
            payload = json.loads(plaintext)
            if isinstance(payload, dict):
                for key in ("run", "run_id"):
                    payload.pop(key, None)
            kinds.setdefault(kind, []).append(
                norm({"v": env.get("v"), "ref": ref, "payload": payload}))
    for info in envelope_info.values():
        info["envelope_keys"] = sorted(info["envelope_keys"])
    out["sealed_files"] = envelope_info
    out["opened"] = {kind: sorted(items, key=_canon) for kind, items in sorted(kinds.items())}
    out["opened_counts"] = {kind: len(items) for kind, items in sorted(kinds.items())}
    return out


def snapshot_run(name: str, output: Path, vault: Path, identity_pem: bytes,
                 replacements: Dict[str, str], stdout: str) -> dict:
    run_ids = _run_ids(output, vault)
    norm = Normaliser({**replacements, **{rid: RUN_ID_MARK for rid in run_ids}})
    return {
        "run_ids_seen": len(run_ids),
        "cli_stdout": norm(stdout.strip()),
        "output_files": _file_list(output, norm),
        "vault_files": _file_list(vault, norm),
        "summary": snapshot_summary(output, norm),
        "parquet": snapshot_parquet(output, norm),
        "vault": snapshot_vault(vault, identity_pem, norm),
    }


def make_snapshot(root: Path, keys: Path, work_parent: Optional[Path]) -> dict:
    root = root.resolve()
    key_paths = ensure_keys(root, keys)
    identity_pem = key_paths["identity"].read_bytes()
    work = Path(tempfile.mkdtemp(prefix="hb-snapshot-", dir=work_parent))
    try:
        replacements = {str(work): "<WORK>", str(work.resolve()): "<WORK>",
                        str(root): "<ROOT>", str(keys.resolve()): "<KEYS>"}
        runs = {}
        inputs = {"samples": SAMPLES_GLOB}
        synthetic = work / "input" / "synthetic.jsonl"
        synthetic.parent.mkdir()
        write_synthetic(root, synthetic)
        inputs["synthetic"] = str(synthetic)
        input_digests = {"synthetic": hashlib.sha256(synthetic.read_bytes()).hexdigest()}
        for name in sorted((root / "samples").glob("*")):
            if name.is_file():
                input_digests["samples/" + name.name] = hashlib.sha256(
                    name.read_bytes()).hexdigest()
        for name, glob in inputs.items():
            output = work / name / "out"
            vault = work / name / "out.vault"  # the CLI's default: sibling <OUTPUT>.vault
            print(f"behaviour_snapshot: redacting {name} ({glob}) ...", file=sys.stderr)
            stdout = redact(root, keys, key_paths, glob, output)
            runs[name] = snapshot_run(name, output, vault, identity_pem, replacements, stdout)
        return {"format": "hushbeam-behaviour-snapshot/1",
                "synthetic": {"n": SYNTHETIC_N, "seed": SYNTHETIC_SEED},
                "inputs_sha256": input_digests,
                "recipient_sha256": hashlib.sha256(
                    key_paths["recipient"].read_bytes()).hexdigest(),
                "runs": runs}
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ----------------------------------------------------------------------------- comparing

def _diff(a: Any, b: Any, path: str, out: List[str], limit: int) -> None:
    if len(out) >= limit:
        return
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and
                                       isinstance(b, (int, float)) and
                                       not isinstance(a, bool) and not isinstance(b, bool)):
        out.append(f"{path}: type {type(a).__name__} vs {type(b).__name__}")
    elif isinstance(a, dict):
        for key in sorted(set(a) | set(b), key=str):
            if key not in a:
                out.append(f"{path}.{key}: only in B")
            elif key not in b:
                out.append(f"{path}.{key}: only in A")
            else:
                _diff(a[key], b[key], f"{path}.{key}", out, limit)
            if len(out) >= limit:
                return
    elif isinstance(a, list):
        if len(a) != len(b):
            out.append(f"{path}: {len(a)} items vs {len(b)} items")
        for i, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{path}[{i}]", out, limit)
            if len(out) >= limit:
                return
    elif a != b:
        out.append(f"{path}: value differs")  # never the values themselves


def _row_label(rows: List[dict], i: int) -> str:
    return str(rows[i].get("conversation_id")) if i < len(rows) else "?"


def _line_key(item: dict) -> Optional[str]:
    """A handle of an opened vault line that holds no raw value: the pseudonym (ref) of a
    token, or source file + position of a dead letter or quarantined record."""
    if item.get("ref") is not None:
        return str(item["ref"])
    payload = item.get("payload")
    if isinstance(payload, dict) and "position" in payload:
        return f"{payload.get('source')}#{payload.get('position')}"
    return None


def _vault_pairs(la: List[dict], lb: List[dict], limit: int) -> None:
    """Which lines differ, by handle, and in which payload keys (never the values)."""
    by_a = {_line_key(x): x for x in la}
    by_b = {_line_key(x): x for x in lb}
    if None in by_a or None in by_b or len(by_a) != len(la) or len(by_b) != len(lb):
        return  # no unique handle: the counts printed by the caller must do
    for side, keys in (("A", set(by_a) - set(by_b)), ("B", set(by_b) - set(by_a))):
        if keys:
            print(f"    handles only in {side}: {len(keys)}; first: "
                  f"{', '.join(sorted(keys)[:limit])}")
    changed = sorted(k for k in set(by_a) & set(by_b) if _canon(by_a[k]) != _canon(by_b[k]))
    if changed:
        fields: Dict[str, int] = {}
        for k in changed:
            pa, pb = by_a[k].get("payload"), by_b[k].get("payload")
            if isinstance(pa, dict) and isinstance(pb, dict):
                for f in set(pa) | set(pb):
                    if _canon(pa.get(f)) != _canon(pb.get(f)):
                        fields[f] = fields.get(f, 0) + 1
            else:
                fields["<payload>"] = fields.get("<payload>", 0) + 1
        print(f"    same handle, different payload: {len(changed)}; by key: "
              f"{json.dumps(dict(sorted(fields.items())))}; first: "
              f"{', '.join(changed[:limit])}")


def _without(value: Any, ignored: Sequence[str]) -> Any:
    """``value`` with every mapping key named in ``ignored`` removed, at any depth."""
    if isinstance(value, dict):
        return {k: _without(v, ignored) for k, v in value.items()
                if not any(k == name or k.endswith("." + name) for name in ignored)}
    if isinstance(value, list):
        return [_without(v, ignored) for v in value]
    return value


def compare(a_path: Path, b_path: Path, limit: int = 8, ignore: Sequence[str] = ()) -> int:
    a, b = json.loads(a_path.read_text()), json.loads(b_path.read_text())
    if ignore:
        print(f"ignoring keys: {', '.join(ignore)}")
        a, b = _without(a, ignore), _without(b, ignore)
    if _canon(a) == _canon(b):
        print("identical")
        return 0
    print(f"DIFFERENT: {a_path} (A) vs {b_path} (B)")
    sections = []
    for key in sorted(set(a) | set(b)):
        if key == "runs":
            continue
        if _canon(a.get(key)) != _canon(b.get(key)):
            sections.append((key, a.get(key), b.get(key)))
    runs_a, runs_b = a.get("runs", {}), b.get("runs", {})
    for run in sorted(set(runs_a) | set(runs_b)):
        ra, rb = runs_a.get(run, {}), runs_b.get(run, {})
        for key in sorted(set(ra) | set(rb)):
            if _canon(ra.get(key)) != _canon(rb.get(key)):
                sections.append((f"runs.{run}.{key}", ra.get(key), rb.get(key)))
    for name, sa, sb in sections:
        print(f"\n[{name}] differs")
        if name.endswith(".parquet") and isinstance(sa, dict) and isinstance(sb, dict):
            ra, rb = sa.get("rows", []), sb.get("rows", [])
            print(f"  rows: A {len(ra)}, B {len(rb)}")
            ids_a = {r.get("conversation_id") for r in ra}
            ids_b = {r.get("conversation_id") for r in rb}
            if ids_a != ids_b:
                print(f"  conversation ids only in A: {len(ids_a - ids_b)}, only in B: "
                      f"{len(ids_b - ids_a)}")
                for side, ids in (("A", ids_a - ids_b), ("B", ids_b - ids_a)):
                    if ids:
                        print(f"    first only in {side}: "
                              f"{', '.join(sorted(map(str, ids))[:limit])}")
            by_a = {r.get("conversation_id"): r for r in ra}
            by_b = {r.get("conversation_id"): r for r in rb}
            changed = sorted(str(c) for c in ids_a & ids_b
                             if _canon(by_a[c]) != _canon(by_b[c]))
            cols: Dict[str, int] = {}
            for cid in changed:
                ra_, rb_ = by_a[cid], by_b[cid]
                for col in set(ra_) | set(rb_):
                    if _canon(ra_.get(col)) != _canon(rb_.get(col)):
                        cols[col] = cols.get(col, 0) + 1
            print(f"  rows that differ: {len(changed)}; by column: "
                  f"{json.dumps(dict(sorted(cols.items())))}")
            if changed:
                print(f"  first differing conversation ids: {', '.join(changed[:limit])}")
            other = []
            _diff({k: v for k, v in sa.items() if k != "rows"},
                  {k: v for k, v in sb.items() if k != "rows"}, "  parquet", other, limit)
            for line in other:
                print(line)
            continue
        if name.endswith(".vault") and isinstance(sa, dict) and isinstance(sb, dict):
            for kind in sorted(set(sa.get("opened", {})) | set(sb.get("opened", {}))):
                la = sa.get("opened", {}).get(kind, [])
                lb = sb.get("opened", {}).get(kind, [])
                if _canon(la) != _canon(lb):
                    ca = {_canon(x) for x in la}
                    cb = {_canon(x) for x in lb}
                    print(f"  opened {kind}: A {len(la)} lines, B {len(lb)}; "
                          f"only in A {len(ca - cb)}, only in B {len(cb - ca)}")
                    _vault_pairs(la, lb, limit)
                    keys_a = sorted({k for x in la if isinstance(x.get('payload'), dict)
                                     for k in x['payload']})
                    keys_b = sorted({k for x in lb if isinstance(x.get('payload'), dict)
                                     for k in x['payload']})
                    if keys_a != keys_b:
                        print(f"  {kind} payload keys: A {keys_a}, B {keys_b}")
            other = []
            _diff({k: v for k, v in sa.items() if k != "opened"},
                  {k: v for k, v in sb.items() if k != "opened"}, "  vault", other, limit)
            for line in other:
                print(line)
            continue
        lines: List[str] = []
        _diff(sa, sb, "  " + name, lines, limit)
        for line in lines:
            print(line)
    return 1


# ----------------------------------------------------------------------------- main

def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, help="the hushbeam tree to run")
    parser.add_argument("--keys", type=Path, default=Path("/tmp/hb-keys"),
                        help="shared keyset + vault identity (created if absent)")
    parser.add_argument("--out", type=Path, help="snapshot JSON to write")
    parser.add_argument("--work-dir", type=Path, default=None,
                        help="parent of the temp work dir (default: system temp)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--ignore", action="append", default=[], metavar="KEY",
                        help="with --compare: leave out a key that differs on purpose, at any "
                        "depth (e.g. policy_digest after an edit of the default policy file)")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare, ignore=args.ignore)
    if not (args.root and args.out):
        parser.error("--root and --out are required (or --compare A B)")
    snap = make_snapshot(args.root, args.keys, args.work_dir)
    args.out.write_text(json.dumps(snap, sort_keys=True, indent=1, ensure_ascii=False) + "\n")
    counts = {name: run["parquet"]["row_count"] for name, run in snap["runs"].items()}
    print(f"behaviour_snapshot: wrote {args.out} (parquet rows {counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

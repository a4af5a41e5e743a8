"""``hushbeam policy validate FILE`` and ``hushbeam policy show [--effective] [FILE]``.

validate: the checks every run makes before it reads data (transforms.core.policy), exit 0
and "valid", or exit 2 with the error naming the file, the key, the problem and the nearest
valid name. show: the policy as YAML; with ``--effective`` as it is applied, ``extends:``
resolved and every key the default policy gives filled in.
"""
from __future__ import annotations

from typing import Optional

import yaml

from transforms.core.policy import load_effective, load_policy


def validate(path: str) -> int:
    policy = load_policy(path)  # PolicyError: reported by the CLI, exit 2
    print(f"policy {path}: valid ({policy.digest[:19]}; {len(policy.entities)} entity types "
          f"detected, {len(policy.field_strategies)} structured fields, "
          f"{len(policy.custom_rules)} custom rules)")
    return 0


def show(path: Optional[str], effective: bool) -> int:
    if effective:
        policy, document = load_effective(path)
        header = (f"# {policy.source} as applied (extends resolved, defaults filled in); "
                  f"digest of the file: {policy.digest}\n")
    else:
        policy, document = (load_effective(path) if path is None
                            else (load_policy(path), _as_written(path)))
        header = f"# {policy.source} (valid); digest {policy.digest}\n"
    print(header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True,
                                  default_flow_style=None, width=100), end="")
    return 0


def _as_written(path: str):
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)

"""Policy: what to keep, what to pseudonymize, what to scan and with which rules.

``model`` holds the parsed policy (frozen dataclasses) and answers what treatment an
entity or a field gets; ``parsing`` loads a file, taking what it omits from
``defaults`` (the bundled ``rules/default_policy.yaml``); ``validation`` raises
:class:`PolicyError` naming the file, the key and the problem.
"""
from transforms.core.operators import NORMALIZERS
from transforms.core.policy.defaults import DEFAULT_POLICY_RESOURCE
from transforms.core.policy.model import CustomRule, EntityTreatment, FieldStrategy, Policy
from transforms.core.policy.parsing import load_effective, load_policy, parse_policy
from transforms.core.policy.validation import PolicyError

__all__ = ["CustomRule", "DEFAULT_POLICY_RESOURCE", "EntityTreatment", "FieldStrategy",
           "NORMALIZERS", "Policy", "PolicyError", "load_effective", "load_policy",
           "parse_policy"]

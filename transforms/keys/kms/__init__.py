"""KMS providers, one module each, behind a registry keyed by URI scheme.

A new provider is one module here (a :class:`KmsClient` subclass declaring ``scheme``,
``example`` and ``extra``) and one ``KMS_PROVIDERS.register`` line below, with its test in
``tests/transforms/keys/kms/``. The ``--kms`` help and the unknown-scheme error list them.
"""
from transforms.keys.kms.aws import AwsKms
from transforms.keys.kms.base import KeysetError, KmsClient
from transforms.keys.kms.gcp import GcpKms
from transforms.keys.kms.local import LocalKms
from transforms.keys.kms.registry import KmsRegistry

KMS_PROVIDERS = KmsRegistry()
KMS_PROVIDERS.register(LocalKms)
KMS_PROVIDERS.register(AwsKms)
KMS_PROVIDERS.register(GcpKms)


def kms_client(uri: str) -> KmsClient:
    """The KMS client for a key URI; unknown schemes are refused."""
    return KMS_PROVIDERS.client(uri)


__all__ = ["KMS_PROVIDERS", "KeysetError", "KmsClient", "KmsRegistry", "kms_client",
           "LocalKms", "AwsKms", "GcpKms"]

"""``gcp-kms://`` KMS: Google Cloud KMS through google-cloud-kms (extra ``hushbeam[gcp]``)."""
from __future__ import annotations

from transforms.keys.kms.base import KeysetError, KmsClient


class GcpKms(KmsClient):
    """``gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K``.

    Credentials come from Application Default Credentials; the AAD is KMS additional
    authenticated data.
    """

    scheme = "gcp-kms"
    example = "gcp-kms://projects/P/locations/L/keyRings/R/cryptoKeys/K"
    extra = "gcp"

    def __init__(self, name: str):
        self.name = name

    @classmethod
    def from_location(cls, location: str) -> "GcpKms":
        if not location.startswith("projects/"):
            raise cls.malformed("must name a key as projects/.../cryptoKeys/K")
        return cls(location)

    def _client(self):
        try:  # google-cloud-kms is an optional extra, imported only when this KMS is used
            from google.cloud import kms
        except ImportError:
            raise self.missing_extra("google-cloud-kms") from None
        return kms.KeyManagementServiceClient()

    def _call(self, op: str, request: dict):
        try:
            return getattr(self._client(), op)(request=request)
        except KeysetError:
            raise
        except Exception as exc:  # google.api_core errors; no secret in the type name
            raise KeysetError(f"Cloud KMS refused to {op} the data key "
                              f"({type(exc).__name__})") from None

    def wrap(self, plaintext: bytes, aad: bytes) -> bytes:
        return self._call("encrypt", {"name": self.name, "plaintext": plaintext,
                                      "additional_authenticated_data": aad}).ciphertext

    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes:
        return self._call("decrypt", {"name": self.name, "ciphertext": ciphertext,
                                      "additional_authenticated_data": aad}).plaintext

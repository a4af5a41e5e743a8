"""``aws-kms://`` KMS: AWS KMS through boto3 (extra ``hushbeam[aws]``)."""
from __future__ import annotations

from transforms.keys.kms.base import KeysetError, KmsClient


class AwsKms(KmsClient):
    """``aws-kms://<key id, key ARN or alias/NAME>``.

    Credentials, region and endpoint come from the usual AWS configuration
    (``AWS_DEFAULT_REGION``, ``AWS_ENDPOINT_URL_KMS`` ...); a region in a key ARN wins.
    The AAD is passed as the KMS encryption context ``{"hushbeam": <aad>}``.
    """

    scheme = "aws-kms"
    example = "aws-kms://KEY_ID_OR_ARN"
    extra = "aws"

    def __init__(self, key: str):
        self.key = key

    @classmethod
    def from_location(cls, location: str) -> "AwsKms":
        if not location:
            raise cls.malformed("names no key")
        return cls(location)

    def _call(self, op: str, **kwargs) -> dict:
        try:  # boto3 is an optional extra, so it is imported only when this KMS is used
            import boto3
            from botocore.exceptions import BotoCoreError, ClientError
        except ImportError:
            raise self.missing_extra("boto3") from None
        region = self.key.split(":")[3] if self.key.startswith("arn:") else None
        try:
            return getattr(boto3.client("kms", region_name=region), op)(**kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "error")
            raise KeysetError(f"AWS KMS refused to {op} the data key ({code})") from None
        except BotoCoreError as exc:
            raise KeysetError(f"AWS KMS could not be reached for {op} "
                              f"({type(exc).__name__})") from None

    def wrap(self, plaintext: bytes, aad: bytes) -> bytes:
        return self._call("encrypt", KeyId=self.key, Plaintext=plaintext,
                          EncryptionContext={"hushbeam": aad.decode()})["CiphertextBlob"]

    def unwrap(self, ciphertext: bytes, aad: bytes) -> bytes:
        return self._call("decrypt", KeyId=self.key, CiphertextBlob=ciphertext,
                          EncryptionContext={"hushbeam": aad.decode()})["Plaintext"]

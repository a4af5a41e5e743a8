"""AWS KMS through boto3 against moto's KMS server on loopback (no patched client)."""
import sys

import boto3
import pytest
from moto.server import ThreadedMotoServer

from transforms.keys.keyset import create_keyset, load_keyset, rewrap_keyset, unwrap_data_key
from transforms.keys.kms import KeysetError, kms_client


@pytest.fixture(scope="module")
def kms_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture()
def aws_env(kms_server, monkeypatch):
    for name, value in (("AWS_ENDPOINT_URL", kms_server), ("AWS_ACCESS_KEY_ID", "testing"),
                        ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "eu-west-1")):
        monkeypatch.setenv(name, value)
    return boto3.client("kms")


def test_data_key_wraps_and_unwraps_under_an_aws_kms_key(aws_env, tmp_path):
    key_id = aws_env.create_key()["KeyMetadata"]["KeyId"]
    keyset = create_keyset(f"aws-kms://{key_id}", tmp_path / "ks.json")
    assert len(unwrap_data_key(load_keyset(tmp_path / "ks.json"))) == 32
    assert keyset.kms_uri == f"aws-kms://{key_id}"


def test_rewrap_from_local_to_aws_keeps_the_data_key(aws_env, tmp_path):
    create_keyset(f"local://{tmp_path / 'm.key'}", tmp_path / "ks.json")
    before = unwrap_data_key(load_keyset(tmp_path / "ks.json"))
    arn = aws_env.create_key()["KeyMetadata"]["Arn"]
    rewrapped = rewrap_keyset(tmp_path / "ks.json", f"aws-kms://{arn}")
    assert rewrapped.kms_uri == f"aws-kms://{arn}"
    assert unwrap_data_key(load_keyset(tmp_path / "ks.json")) == before


def test_wrong_aws_key_or_altered_context_is_a_clear_error(aws_env, tmp_path):
    first = aws_env.create_key()["KeyMetadata"]["KeyId"]
    other = aws_env.create_key()["KeyMetadata"]["KeyId"]
    keyset = create_keyset(f"aws-kms://{first}", tmp_path / "ks.json")
    with pytest.raises(KeysetError, match="AWS KMS refused to decrypt"):
        kms_client(f"aws-kms://{other}").unwrap(keyset.wrapped_key, keyset.aad())
    with pytest.raises(KeysetError, match="AWS KMS refused to decrypt"):
        kms_client(f"aws-kms://{first}").unwrap(keyset.wrapped_key, b"another key id")



def test_aws_kms_without_boto3_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "boto3", None)  # import boto3 now raises ImportError
    with pytest.raises(KeysetError,
                       match=r"aws-kms:// needs boto3: pip install 'hushbeam\[aws\]'"):
        kms_client("aws-kms://alias/anything").wrap(b"k" * 32, b"aad")


def test_aws_kms_uri_without_a_key_is_refused():
    with pytest.raises(KeysetError, match=r"aws-kms:// URI names no key; e\.g\. aws-kms://"):
        kms_client("aws-kms://")

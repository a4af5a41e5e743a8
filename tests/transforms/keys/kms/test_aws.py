"""AWS KMS through boto3 against moto's KMS server on loopback (no patched client)."""
import boto3
import pytest
from moto.server import ThreadedMotoServer

from transforms.keys.keyset import (KeysetError, create_keyset, kms_client, load_keyset,
                             rewrap_keyset, unwrap_data_key)


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


def test_gcp_kms_without_its_client_library_says_how_to_install_it(tmp_path):
    try:
        import google.cloud.kms  # noqa: F401
        pytest.skip("google-cloud-kms is installed here")
    except ImportError:
        pass
    with pytest.raises(KeysetError, match=r"pip install 'hushbeam\[gcp\]'"):
        create_keyset("gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k",
                      tmp_path / "ks.json")

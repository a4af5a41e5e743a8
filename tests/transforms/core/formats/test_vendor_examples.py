"""The vendors' own documentation examples and real exports, where ``../shared`` holds them
(never committed): each is recognised from its content and read whole."""
import pytest

from tests.conftest import REPO
from tests.transforms.core.formats.vendor_support import read, strings

EXAMPLES = REPO.parent / "shared" / "vendor-examples"
pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="no ../shared/vendor-examples")

EXPECTED = {  # file: (format, records, dead letters, turns of the first record)
    "amazon_connect/contact_lens_chat_original.json": ("contact-lens", 1, 0, 31),
    "amazon_connect/contact_lens_chat_redacted.json": ("contact-lens", 1, 0, 31),
    "amazon_connect/contact_lens_voice_original.json": ("contact-lens", 1, 1, 10),
    "amazon_connect/contact_lens_voice_redacted.json": ("contact-lens", 1, 0, 10),
    "amazon_connect/contact_lens_voice_real_scv_fixture.json": ("contact-lens", 1, 0, 15),
    "amazon_transcribe/tca_post_call_redacted_example-call.json": (
        "transcribe-call-analytics", 1, 0, 37),
    "amazon_transcribe/pca_parsed_output_from_tca_job.json": ("json-object", 0, 1, None),
    "genesys/analytics_conversation_detail_chat_1.json": ("genesys-cloud", 1, 0, None),
    "genesys/analytics_conversation_detail_chat_2.json": ("genesys-cloud", 1, 0, None),
    "genesys/analytics_conversation_details_query_result_2016.json": (
        "genesys-cloud", 25, 0, None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_example_is_recognised_and_every_item_is_a_record_or_a_dead_letter(name):
    items = read((EXAMPLES / name).read_bytes())
    fmt, records, dead, turns = EXPECTED[name]
    assert {i.input_format for i in items} == {fmt}
    assert (sum(i.record is not None for i in items), sum(i.reason is not None for i in items)
            ) == (records, dead)
    if turns is not None:
        assert len(items[0].record["turns"]) == turns


def test_the_stray_bracket_and_the_comment_of_the_aws_voice_examples_are_handled():
    items = read((EXAMPLES / "amazon_connect/contact_lens_voice_original.json").read_bytes())
    assert [(i.position, i.reason, i.raw and i.raw.strip()) for i in items] == [
        (1, None, None), (2, "trailing_content", "}")]
    item, = read((EXAMPLES / "amazon_connect/contact_lens_voice_redacted.json").read_bytes())
    assert "[PII]" in item.record["turns"][1]["text"]


def test_account_instance_and_s3_ids_of_the_real_export_are_not_in_its_record():
    item, = read((EXAMPLES / "amazon_connect/contact_lens_voice_real_scv_fixture.json"
                  ).read_bytes())
    record = strings(item.record)
    for value in ("670991668472", "5f046746-5931-45cc-a614-43b75eca2a5f", "00DRM000000LYFc",
                  "contactlenscenter"):
        assert value not in record


def test_genesys_phone_numbers_lose_their_tel_and_sip_and_sip_hosts_are_dropped():
    items = read((EXAMPLES / "genesys/analytics_conversation_details_query_result_2016.json"
                  ).read_bytes())
    phones = {str(i.record.get("phoneNumber")) for i in items}
    assert "+13175202754" in phones and "+81399999998" in phones
    text = strings([i.record for i in items])
    assert "tel:" not in text and "sip:" not in text and "172.18.182.10" not in text
    assert "Chris Customer" in {n for i in items for n in i.names}

"""rules/safe_harbor.yaml: loads through the policy loader and treats each of the 18 HIPAA
Safe Harbor identifiers that can appear in text."""
import re
from pathlib import Path

import pytest

from transforms.core.policy import load_policy
from transforms.core.text_redactor import TextRedactor

SAFE_HARBOR = Path(__file__).resolve().parents[2] / "rules" / "safe_harbor.yaml"

# Identifier (by its number in 45 CFR 164.514(b)(2)(i)) -> a sentence and the values in it.
CASES = {
    "A names": ("Hello, this is Maria Gonzalez calling.", ["Gonzalez"]),
    "B street and city": ("Send it to 14 Delan Road, Springfield, IL 62704.",
                          ["14 Delan", "Springfield", "62704"]),
    "B zip": ("my zip code is 94105", ["94105"]),
    "C dates": ("I was admitted on March 3, 2021 and born on 04/12/1931",
                ["March 3", "04/12"]),
    "C age over 89": ("The patient is a 93-year-old woman", ["93"]),
    "D phone": ("call me at 480 6764", ["480 6764"]),
    "E fax": ("Fax: 25 876397", ["876397"]),
    "F email": ("write to maria.gonzalez@example.com", ["maria.gonzalez@example.com"]),
    "G ssn": ("my social security number is 219-09-9933", ["219-09-9933"]),
    "H medical record": ("MRN: 00123456", ["00123456"]),
    "I health plan": ("member id W123456789", ["W123456789"]),
    "J account": ("account number 12345678 please", ["12345678"]),
    "K licence": ("My driver's license number is D3413656", ["D3413656"]),
    "L vehicle": ("VIN 1HGCM82633A004352", ["1HGCM82633A004352"]),
    "M device": ("serial number SN-99812-XQ", ["SN-99812-XQ"]),
    "N url": ("see https://maria-gonzalez.example.org/about", ["maria-gonzalez"]),
    "O ip": ("my IP is 192.168.14.201", ["192.168.14.201"]),
}


@pytest.fixture(scope="module")
def safe_harbor():
    return load_policy(str(SAFE_HARBOR))


@pytest.fixture(scope="module")
def redactor(safe_harbor, pseudonymizer):
    from transforms.core.presidio_engine import build_analyzer

    return TextRedactor(safe_harbor, pseudonymizer, build_analyzer(safe_harbor))


def test_safe_harbor_extends_the_default_and_treats_dates_and_links(safe_harbor, policy):
    assert set(policy.entities) < set(safe_harbor.entities)
    for entity in ("DATE_TIME", "URL", "AGE", "POSTAL_CODE", "MEDICAL_RECORD_NUMBER",
                   "HEALTH_PLAN_ID", "VEHICLE_ID", "DEVICE_ID", "LICENSE_NUMBER"):
        assert safe_harbor.treatment(entity).operator in ("REPLACE", "TOKEN", "HASH")
    assert safe_harbor.digest != policy.digest


def test_each_of_the_18_identifiers_is_commented():
    numbered = re.findall(r"^#\s*(\d{1,2})\. ", SAFE_HARBOR.read_text(), re.MULTILINE)
    assert [int(n) for n in numbered] == list(range(1, 19))


@pytest.mark.parametrize("case", sorted(CASES))
def test_safe_harbor_removes_the_identifier(redactor, case):
    text, values = CASES[case]
    out = redactor.redact([text], [[]])[0].text
    assert [v for v in values if v in out] == []


def test_safe_harbor_types_an_ssn_shaped_order_number_order_id_and_an_ssn_us_ssn(redactor):
    """Review mend25a: an order number of the SSN's shape was typed US_SSN."""
    out = redactor.redact(["my order number is 234-56-7891 and my ssn is 345-67-8912"],
                          [[]])[0].text
    assert out == "my order number is <ORDER_ID> and my ssn is <US_SSN>"


def test_hushbeam_redact_runs_the_samples_with_safe_harbor(tmp_path, policy):
    import json

    from tests.pipelines.hushbeam_cli import hb

    hb("redact", "--policy", "rules/safe_harbor.yaml", "--input",
       "samples/conversations.jsonl", "--output", tmp_path / "out")
    summary = json.loads((tmp_path / "out" / "_summary.json").read_text())
    assert summary["policy_source"] == "rules/safe_harbor.yaml"
    assert summary["policy_digest"] != policy.digest
    assert summary["records_written"] > 0
    assert summary["records_written"] + summary["records_dead_lettered"] == \
        summary["records_read"]

from transforms.core.operators import Detection
from transforms.core.operators.redact import Redact


def test_redact_removes_the_value_and_takes_no_parameters():
    treated = Redact().treat(Detection("Jane", "PERSON", "PERSON", "id_casefold"),
                             Redact.params_from_policy({}), None)
    assert (treated.text, treated.vault_row) == ("", None)
    assert Redact.keys == ()

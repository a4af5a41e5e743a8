from transforms.core.operators import Detection, RecordScope
from transforms.core.operators.numbered import NUMBERED_RE, Numbered


def _numbered(scope, value, entity="PERSON", canonical=None):
    detection = Detection(value, entity, entity, "id_casefold", canonical, scope=scope)
    scope.see(detection)
    return Numbered().treat(detection, {}, None).text


def test_people_are_numbered_in_order_of_first_appearance():
    scope = RecordScope()
    assert [_numbered(scope, v) for v in ("John Smith", "Maria Lopez", "john smith")] == [
        "<PERSON_1>", "<PERSON_2>", "<PERSON_1>"]


def test_a_first_name_alone_keeps_the_number_of_the_full_name_it_is_part_of():
    scope = RecordScope()
    assert _numbered(scope, "John") == "<PERSON_1>"
    assert _numbered(scope, "John Smith") == "<PERSON_1>"
    assert _numbered(scope, "Mr Smith") == "<PERSON_1>"
    assert _numbered(scope, "JOHN") == "<PERSON_1>"


def test_another_person_sharing_a_first_name_gets_another_number():
    scope = RecordScope()
    assert _numbered(scope, "John Smith") == "<PERSON_1>"
    assert _numbered(scope, "John Doe") == "<PERSON_2>"
    assert _numbered(scope, "Emma Smith") == "<PERSON_3>"


def test_each_type_has_its_own_numbers_and_a_phone_in_any_format_is_one_number():
    scope = RecordScope(region="US")
    assert _numbered(scope, "John Smith") == "<PERSON_1>"
    assert _numbered(scope, "415 555 2671", "PHONE_NUMBER") == "<PHONE_NUMBER_1>"
    assert _numbered(scope, "212-555-0000", "PHONE_NUMBER") == "<PHONE_NUMBER_2>"
    assert _numbered(scope, "(415) 555-2671", "PHONE_NUMBER") == "<PHONE_NUMBER_1>"
    assert _numbered(scope, "Lyon", "LOCATION") == "<LOCATION_1>"


def test_numbers_restart_in_every_record():
    assert _numbered(RecordScope(), "Maria Lopez") == _numbered(RecordScope(), "John Smith")


def test_what_it_writes_is_recognised_as_a_placeholder():
    assert NUMBERED_RE.fullmatch(_numbered(RecordScope(), "x@y.org", "EMAIL_ADDRESS"))
    assert not NUMBERED_RE.search("<PERSON> and PERSON_1")


def test_without_a_record_scope_a_value_is_number_one():
    detection = Detection("Jane Roe", "PERSON", "PERSON", "id_casefold")
    assert Numbered().treat(detection, {}, None).text == "<PERSON_1>"

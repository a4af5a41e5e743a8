"""once_per_doc: a question several detectors ask of one doc is worked out once."""
from spacy.tokens import Doc
from spacy.vocab import Vocab

from transforms.core.recognizers.common import once_per_doc


def test_a_doc_is_read_once_and_another_doc_again():
    calls = []

    @once_per_doc
    def lengths(doc):
        calls.append(doc)
        return [len(t.text) for t in doc]

    one, two = Doc(Vocab(), words=["ab", "c"]), Doc(Vocab(), words=["xyz"])
    assert lengths(one) == [2, 1] and lengths(one) == [2, 1]
    assert lengths(two) == [3]
    assert calls == [one, two]

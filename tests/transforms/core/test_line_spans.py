"""line_spans: NER results cut at line breaks, speaker labels left out."""
from presidio_analyzer import RecognizerResult

from transforms.core.line_spans import within_lines


def _cut(text, start, end):
    return [text[r.start:r.end] for r in within_lines(
        text, [RecognizerResult("PERSON", start, end, 0.85)])]


def test_a_result_across_a_line_break_is_cut_into_its_lines():
    text = "Linda Jones\nLinda Jones\nthanks"
    assert _cut(text, 0, 23) == ["Linda Jones", "Linda Jones"]


def test_a_piece_that_is_only_a_speaker_label_is_dropped():
    text = "customer: Katie Marshall\nagent: thank you"
    assert _cut(text, 10, 30) == ["Katie Marshall"]


def test_a_result_on_one_line_is_left_as_it_is():
    assert _cut("hi Katie Marshall", 3, 17) == ["Katie Marshall"]


def test_names_across_lines_stay_lines_apart_in_the_output(redactor):
    out = redactor.redact(["Linda Jones\nLinda Jones"], [[]])[0].text
    assert out.count("\n") == 1

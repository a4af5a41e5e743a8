"""DropRepeatedTokens: an economy before the vault's Distinct that never loses a row."""
import apache_beam as beam
import pytest
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms import window

from transforms.write_vault import DropRepeatedTokens

ROWS = [("<PERSON_1>", "PERSON", "maria"), ("<EMAIL_2>", "EMAIL", "m@x.org"),
        ("<PERSON_1>", "PERSON", "maria"), ("<PHONE_3>", "PHONE", "555 0100"),
        ("<EMAIL_2>", "EMAIL", "m@x.org"), ("<PERSON_1>", "PERSON", "maria")]


@pytest.mark.parametrize("limit", [1, 2, 20_000])
def test_repeated_token_rows_are_dropped_and_every_distinct_row_kept(limit):
    with TestPipeline() as p:
        out = (p | beam.Create(ROWS, reshuffle=False)
               | beam.ParDo(DropRepeatedTokens(limit=limit)))
        assert_that(out | "Distinct" >> beam.Distinct(), equal_to(sorted(set(ROWS))),
                    label="every row")
        if limit == 20_000:  # remembered: each row once
            assert_that(out, equal_to(sorted(set(ROWS))), label="once")


def test_a_row_repeated_in_another_window_is_kept_for_that_window():
    stamped = [window.TimestampedValue(row, t) for row, t in
               ((ROWS[0], 5), (ROWS[0], 15), (ROWS[0], 16), (ROWS[1], 15))]
    with TestPipeline() as p:
        out = (p | beam.Create(stamped, reshuffle=False)
               | beam.WindowInto(window.FixedWindows(10))
               | beam.ParDo(DropRepeatedTokens())
               | beam.WithKeys(lambda _: 0) | beam.GroupByKey()
               | beam.MapTuple(lambda _, rows: sorted(rows)))
        assert_that(out, equal_to([[ROWS[0]], sorted([ROWS[0], ROWS[1]])]))


def test_rows_that_would_join_to_the_same_text_are_all_kept_and_repeats_dropped():
    # remembered as one string per row: a NUL in a value, or in a pseudonym or type,
    # never makes two different rows one
    rows = [("<PERSON_1>", "PERSON", "ana\0lee"), ("<PERSON_1>\0PERSON", "ana", "lee"),
            ("<PERSON_1>", "PERSON\0ana", "lee"), ("<PERSON_1>", "PERSON", "ana\0lee")]
    with TestPipeline() as p:
        out = (p | beam.Create(rows, reshuffle=False)
               | beam.ParDo(DropRepeatedTokens()))
        assert_that(out, equal_to(rows[:3]))

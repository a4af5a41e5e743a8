"""The report model's one duration format: a run's time, and an estimate (coarse)."""
import pytest

from transforms.core.report.model import duration


@pytest.mark.parametrize("seconds, exact, coarse", [
    (0.04, "0.0 s", "0 s"), (12.34, "12.3 s", "12 s"), (59.96, "1 min 00 s", "1 min"),
    (245, "4 min 05 s", "4 min"), (275, "4 min 35 s", "5 min"),
    (3599, "59 min 59 s", "1 h 00 min"), (3723, "1 h 02 min 03 s", "1 h 02 min"),
    (4980, "1 h 23 min 00 s", "1 h 23 min")])
def test_a_duration_is_exact_for_a_run_and_to_the_minute_for_an_estimate(seconds, exact, coarse):
    assert (duration(seconds), duration(seconds, coarse=True)) == (exact, coarse)

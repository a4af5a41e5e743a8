"""run_together: a flattened hashtag is common words, not a name; imported first, alone,
it loads (no cycle through the recognizers' registry)."""
import subprocess
import sys

from transforms.core.run_together import run_together


def test_a_hashtag_of_three_or_more_common_words_is_run_together():
    assert run_together("whathaveidone") and run_together("wikipediablackout")
    assert run_together("teamfollowback") and run_together("saynotobutter")
    assert not run_together("justinbieber") and not run_together("hayrapetyan")
    assert not run_together("lesmana") and not run_together("beleskey")  # "a", "be" at an end


def test_run_together_and_truecase_import_first_without_a_cycle():
    for module in ("transforms.core.run_together", "transforms.core.truecase"):
        done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
        assert done.returncode == 0, module

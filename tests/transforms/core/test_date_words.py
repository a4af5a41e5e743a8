"""The month and weekday words load without the NLP stack (spans.py reads them)."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_the_date_words_and_spans_load_without_presidio_or_spacy():
    code = ("import sys, transforms.core.date_words, transforms.core.spans; "
            "print([m for m in ('presidio_analyzer', 'spacy') if m in sys.modules])")
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(REPO)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]"

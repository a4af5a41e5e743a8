"""Public labelled corpora for `make eval`: readers, speech variant, split, scoring.

The data is never committed: it is read from ``--corpora DIR`` (default
``../shared/corpora`` beside the repository, or ``$HUSHBEAM_CORPORA``); see
docs/evaluation.md.
"""

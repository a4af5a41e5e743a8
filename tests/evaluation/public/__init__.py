"""Public labelled corpora for `make eval`: readers, speech variant, split, scoring.

The data is never committed: it is read from ``--corpora DIR`` (default
``$HUSHBEAM_CORPORA``, or ``../shared/corpora`` and ``../corpora-extra`` beside the
repository); see docs/evaluation.md.
"""

"""Presidio's recognizer registry, answering each question about which recognizers serve a
request once.

``AnalyzerEngine.analyze`` asks the registry for every text which of its recognizers serve
the language and entities asked for, and the registry filters all of them again (a copy,
a set per entity). The answer depends only on the question and on the recognizers held,
so it is kept under both: the same list in the same order as Presidio's own answer (its
set is rebuilt from the same objects in the same order), a new key when a recognizer is
added or removed. Requests with ad hoc recognizers are not kept.
"""
from __future__ import annotations

from presidio_analyzer import RecognizerRegistry

_MAX_KEPT = 64  # distinct requests kept; then the memory starts again


class RememberingRegistry(RecognizerRegistry):
    """A ``RecognizerRegistry`` whose ``get_recognizers`` remembers its answers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._answers = {}

    def get_recognizers(self, language, entities=None, all_fields=False,
                        ad_hoc_recognizers=None):
        if ad_hoc_recognizers:
            return super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        memory = self._answers
        key = (language, None if entities is None else tuple(entities), all_fields,
               tuple(self.recognizers))  # recognizers hash by identity; the key holds them
        answer = memory.get(key)
        if answer is None:
            answer = super().get_recognizers(language, entities, all_fields)
            if len(memory) >= _MAX_KEPT:
                memory.clear()
            memory[key] = answer
        return list(answer)

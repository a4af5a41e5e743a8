"""Presidio as shipped, for comparison: `AnalyzerEngine()` with its default recognizers
and `AnonymizerEngine()` with its default operator (``<ENTITY_TYPE>``), on the same
spaCy model hushbeam uses (the policy's ``nlp.spacyModel``, or the one given), nothing
configured."""
from __future__ import annotations

import logging
from typing import Dict, Iterable, Optional, Tuple


class PresidioShipped:
    def __init__(self, model: Optional[str] = None, policy: Optional[str] = None):
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine

        from transforms.core import spacy_models
        from transforms.core.policy import load_policy

        self.model = model or load_policy(policy).spacy_model
        nlp = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en",
                        "model_name": spacy_models.resolve(self.model)}]}).create_engine()
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # unmapped spaCy labels
        self.analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
        self.anonymizer = AnonymizerEngine()

    def anonymize(self, text: str) -> str:
        found = self.analyzer.analyze(text=text, language="en")
        return self.anonymizer.anonymize(text=text, analyzer_results=found).text

    def outputs(self, items: Iterable[Tuple[str, str]]) -> Dict[str, str]:
        """{id: anonymized text} for (id, text) pairs."""
        return {key: self.anonymize(text) for key, text in items}

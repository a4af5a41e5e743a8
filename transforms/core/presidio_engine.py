"""Build Presidio's AnalyzerEngine from a policy: spaCy NER, Presidio's predefined
recognizers, hushbeam's registered recognizers and the policy's custom rules.

Beam-free; called once per worker from ``DoFn.setup()``. The spaCy model name comes
from the policy (``nlp.spacyModel``) or the ``--spacy-model`` flag, so a user with
``en_core_web_lg`` or a transformer pipeline can swap it in; ``spacy_models`` resolves
it (a short registered name such as ``en_core_web_md``, a package or a path). A model
that is not installed is an error, never a download. :class:`LanguageAnalyzers` builds one analyzer
per language when that language is first asked for (a French model is loaded only when a
French record arrives); every model is checked up front. The NLP engine is
:class:`~transforms.core.caseless_ner.CaselessNerEngine`: in speech-style English text
the NER reads a truecased copy of the doc.
"""
from __future__ import annotations

import copy
import logging
import re
import threading
from typing import Optional, Sequence, Tuple

from transforms.core import spacy_models
from transforms.core.attribute_rules import look_up_attribute_rules
from transforms.core.bounded_rules import bound_recognizer
from transforms.core.context_enhancer import BisectingLemmaEnhancer, GroupingAnalyzerEngine
from transforms.core.legal_words import trim_person
from transforms.core.french_courtesy import trim_courtesy
from transforms.core.line_spans import keep_within_lines
from transforms.core.offline import ensure_offline
from transforms.core.phone_matcher import remember_phone_candidates
from transforms.core.policy import Policy
from transforms.core.prescan import gate_predefined
from transforms.core.recognizer_lists import RememberingRegistry
from transforms.core.recognizers import recognizers_for
from transforms.core.recognizers.context_phone import case_or_amount, date_or_time, score_row
from transforms.core.recognizers.date_of_birth import BIRTH_ABBREVIATION
from transforms.core.recognizers.ssn_shape import not_a_cued_phone
from transforms.core.results_words import person_pieces
from transforms.core.scripts import CJK_OR_ARABIC_LETTER

_LOG = logging.getLogger(__name__)


# spaCy labels with no Presidio entity: numbers, money, products... are not personal data.
# FAC (a building, airport, bridge) has none either: Presidio kept it under its own name, which
# no recognizer serves, so it was never returned, only warned about on every text.
_IGNORED_NER_LABELS = ("CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "PRODUCT",
                       "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "MISC", "FAC")


# spaCy components no detector reads: the dependency parse (doc.sents, token.dep_, noun
# chunks). Presidio reads tokens, lemmas, stop words and entities; ContextNameRecognizer
# reads part-of-speech tags (tagger + attribute_ruler). Dropping the parser saves about a
# quarter of spaCy's time with en_core_web_sm (measured there); entities and lemmas are unchanged. The
# attribute_ruler refines a few POS tags from the parse (AUX for an auxiliary, SCONJ for
# a subordinating "for"); without it those stay VERB / ADP, function words either way
# except "have"/"do", which a strong name cue may then take (over-, never under-redaction).
# They are never loaded (about 0.4 s less per process with en_core_web_md). A recognizer
# that reads the parse must take "parser" out of this tuple.
UNUSED_SPACY_COMPONENTS = ("parser", "senter")

# A model's string table ("strings": the 684,830 strings of en_core_web_md's vocabulary) is
# not loaded either. A doc adds each string it holds (words, lemmas, labels) as it is made,
# and the models read hashes, which do not depend on the table: tokens, tags, lemmas and
# entities are identical without it (tests). Loading it was about 0.7 s of md's 1.2 s.
UNREAD_VOCAB_PARTS = ("strings",)


_ASCII_WORD_BOUNDARY = (r"(?:(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])"
                        r"|(?<=[A-Za-z0-9_])(?![A-Za-z0-9_]))")


# Languages whose spaCy models read Latin script. Their NER tags a whole sentence in Han,
# kana or Arabic as one PERSON (also "我的邮箱是wang@x.cn谢谢"), and Presidio's email pattern
# reads "\w", so it takes the Chinese words around an address along: either would hide the
# name or the address the script's own recognizers find inside (GluedEmailRecognizer,
# the name recognizers). Results holding these scripts' letters are dropped from both.
_LATIN_SCRIPT_LANGUAGES = frozenset({"en", "fr", "de", "es", "it", "pt", "nl", "ca", "da",
                                     "sv", "nb", "fi", "pl", "ro", "hr", "lt", "sl"})


def keep_results(recognizer, keep) -> None:
    """Make a predefined recognizer drop the results ``keep(text, result)`` refuses."""
    analyze = recognizer.analyze

    def kept(text, entities, nlp_artifacts=None):
        return [r for r in analyze(text, entities, nlp_artifacts) if keep(text, r)]

    recognizer.analyze = kept


def trim_results(recognizer, entity_types, trim) -> None:
    """Make the recognizer's results of ``entity_types`` lose the ends ``trim(text, start,
    end)`` cuts off, and drop those it leaves nothing of (``trim`` returns None)."""
    analyze = recognizer.analyze

    def trimmed(text, entities, nlp_artifacts=None):
        out = []
        for r in analyze(text, entities, nlp_artifacts):
            if r.entity_type in entity_types:
                bounds = trim(text, r.start, r.end)
                if bounds is None:
                    continue
                r.start, r.end = bounds
            out.append(r)
        return out

    recognizer.analyze = trimmed


def trim_legal_names(recognizer) -> None:
    """Make an English recognizer's PERSON and NRP ("Hon'ble") results lose legal words
    and titles at their ends, and drop those left without a word
    (``legal_words.trim_person``)."""
    trim_results(recognizer, ("PERSON", "NRP"), trim_person)


_ZIP_ALONE = re.compile(r"\s*\d{5}(?:-\d{4})?\W*")


def _has_a_letter(text: str, start: int, end: int) -> Optional[Tuple[int, int]]:
    """The bounds kept when the span holds a letter or is a ZIP code alone ("78721" on its
    line after the state: the postal-code rules may not see it); a place is named in words,
    and any other span of digits and marks ("07.08.2019", "46122/2018") is no LOCATION."""
    span = text[start:end]
    keep = any(c.isalpha() for c in span) or _ZIP_ALONE.fullmatch(span)
    return (start, end) if keep else None


def places_have_letters(recognizer) -> None:
    """Make the recognizer's LOCATION results with no letter go (:func:`_has_a_letter`)."""
    trim_results(recognizer, ("LOCATION",), _has_a_letter)


def trim_french_courtesy(recognizer) -> None:
    """Make a French recognizer's PERSON and LOCATION results lose greetings and titles
    at their ends, and drop those left without a word (``french_courtesy``)."""
    trim_results(recognizer, ("PERSON", "LOCATION"), trim_courtesy)


def split_results_words(recognizer) -> None:
    """Make an English recognizer's PERSON results lose sports and market words at their
    ends and split at a slug's dash or a scorecard's dismissal marks
    (``results_words.person_pieces``)."""
    analyze = recognizer.analyze

    def split(text, entities, nlp_artifacts=None):
        out = []
        for r in analyze(text, entities, nlp_artifacts):
            pieces = person_pieces(text, r.start, r.end) if r.entity_type == "PERSON" \
                else [(r.start, r.end)]
            for start, end in pieces:
                piece = copy.copy(r) if len(pieces) > 1 else r
                piece.start, piece.end = start, end
                out.append(piece)
        return out

    recognizer.analyze = split


def _no_cjk_or_arabic(text, result) -> bool:
    return not CJK_OR_ARABIC_LETTER.search(text, result.start, result.end)


def _not_a_score_row_or_date(text, result) -> bool:
    return not (score_row(text[result.start:result.end])
                or date_or_time(text, result.start, result.end)
                or case_or_amount(text, result.start, result.end))


def _not_a_birth_cue(text, result) -> bool:
    """spaCy reads "d.o.b." as a place or a name: it is the cue of a birth date."""
    return not BIRTH_ABBREVIATION.fullmatch(text, result.start, result.end)


def script_neutral(pattern: str) -> str:
    """``\\b`` as a boundary between ASCII word characters and anything else.

    Python's Unicode ``\\b`` sees no boundary between "保单" and "POL-12345678" (both are
    word characters), so a rule written for Latin text would miss an id written straight
    after Chinese, Japanese or Thai text. Rules keep their meaning for Latin text.
    """
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(_ASCII_WORD_BOUNDARY if pattern[i + 1] == "b" else pattern[i:i + 2])
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


class EngineError(RuntimeError):
    """The analyzer cannot be built (missing model, bad rule)."""


def check_spacy_model(model: str) -> str:
    """What ``spacy.load`` takes for the model (``spacy_models.resolve``); EngineError
    unless it is installed (a registered name, a model package or a path)."""
    try:
        return spacy_models.resolve(model)
    except spacy_models.ModelNotFound as exc:
        raise EngineError(str(exc)) from None


def build_analyzer(policy: Policy, languages: Optional[Sequence[str]] = None):
    """One AnalyzerEngine for the policy's languages (or those of them given), their
    models and the custom rules; each language gets the registered recognizers that serve
    it (``recognizers.registry``)."""
    ensure_offline()
    from presidio_analyzer import Pattern, PatternRecognizer
    from presidio_analyzer.nlp_engine import NerModelConfiguration

    from transforms.core.caseless_ner import CaselessNerEngine

    models = [(lang, check_spacy_model(model)) for lang, model in policy.languages
              if languages is None or lang in languages]
    languages = [lang for lang, _ in models]
    presidio_log = logging.getLogger("presidio-analyzer")
    level = presidio_log.level
    presidio_log.setLevel(logging.ERROR)  # construction chatter: recognizer names only
    try:
        nlp_engine = CaselessNerEngine(
            models=[{"lang_code": lang, "model_name": model} for lang, model in models],
            exclude=UNUSED_SPACY_COMPONENTS + UNREAD_VOCAB_PARTS,
            ner_model_configuration=NerModelConfiguration.from_dict(
                {"labels_to_ignore": list(_IGNORED_NER_LABELS)}))
        nlp_engine.load()
        for nlp in nlp_engine.nlp.values():
            look_up_attribute_rules(nlp)  # same tags and lemmas, without the Matcher
        registry = RememberingRegistry(supported_languages=languages)  # same answers, kept
        registry.load_predefined_recognizers(languages=languages, nlp_engine=nlp_engine)
        for recognizer in registry.recognizers:
            kind = type(recognizer).__name__
            if kind == "EmailRecognizer" or (
                    kind == "SpacyRecognizer"
                    and recognizer.supported_language in _LATIN_SCRIPT_LANGUAGES):
                keep_results(recognizer, _no_cjk_or_arabic)
            if kind == "SpacyRecognizer":
                keep_within_lines(recognizer)
                keep_results(recognizer, _not_a_birth_cue)
            if kind == "PhoneRecognizer":
                remember_phone_candidates(recognizer)  # same results, fewer parses
                keep_results(recognizer, _not_a_score_row_or_date)
            if kind == "UsSsnRecognizer":  # "call me at 234-56-7891" is a phone
                keep_results(recognizer, not_a_cued_phone)
            gate_predefined(recognizer)  # not run on a text it cannot match
        for lang in languages:
            for recognizer in recognizers_for(lang):
                if hasattr(recognizer, "follow_policy"):  # ids of the custom rules said aloud
                    recognizer.follow_policy(policy.custom_rules)
                if hasattr(recognizer, "read_model"):  # the configured model's own words
                    recognizer.read_model(nlp_engine.nlp[lang], dict(policy.languages)[lang])
                registry.add_recognizer(recognizer)
            for rule in policy.custom_rules:  # pattern rules do not depend on the language
                flags = re.DOTALL | re.MULTILINE | (0 if rule.case_sensitive else re.IGNORECASE)
                ruled = PatternRecognizer(
                    supported_entity=rule.entity, name=rule.name, supported_language=lang,
                    patterns=[Pattern(rule.name, script_neutral(rule.pattern), rule.score)],
                    context=list(rule.context) or None, global_regex_flags=flags)
                bound_recognizer(ruled, rule.name)  # a slow search dead-letters its record
                registry.add_recognizer(ruled)
        for recognizer in registry.recognizers:
            if (recognizer.supported_language == "en"
                    and {"PERSON", "NRP"} & set(recognizer.supported_entities)):
                trim_legal_names(recognizer)
                split_results_words(recognizer)
            if (recognizer.supported_language == "fr"
                    and {"PERSON", "LOCATION"} & set(recognizer.supported_entities)):
                trim_french_courtesy(recognizer)
            if "LOCATION" in recognizer.supported_entities:
                places_have_letters(recognizer)
    finally:
        presidio_log.setLevel(level)
    return GroupingAnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                                  supported_languages=languages,
                                  context_aware_enhancer=BisectingLemmaEnhancer())


class LanguageAnalyzers:
    """The policy's analyzers, one per language, each built on first use (thread-safe).

    Construction checks every language's model (a missing one fails here, before the run)
    and builds none; results are those of one engine for all languages, since Presidio
    runs only a language's own recognizers and model on its texts.
    """

    def __init__(self, policy: Policy):
        for _, model in policy.languages:
            check_spacy_model(model)
        self.policy = policy
        self._built = {}
        self._lock = threading.Lock()

    def for_language(self, language: str):
        """The AnalyzerEngine serving ``language`` (built now if it is the first ask)."""
        with self._lock:
            if language not in self._built:
                self._built[language] = build_analyzer(self.policy, (language,))
            return self._built[language]

    def built(self) -> tuple:
        """The languages whose analyzer is built so far."""
        return tuple(self._built)

"""Which recognizers hushbeam adds to Presidio, and the languages each serves.

Adding a recognizer is one module in this package and one ``register`` line below (with
its import). ``languages`` is a tuple of language codes, or :data:`ANY` for one that
reads no language's words (digits, checksums) or must run in every language (its module
docstring says why). ``presidio_engine.build_analyzer`` builds, for each of the policy's
languages, the recognizers that serve it.
"""
from __future__ import annotations

import dataclasses
from typing import Callable, List, Tuple, Union

from presidio_analyzer import EntityRecognizer

from transforms.core.recognizers.account_handle import AccountHandleRecognizer
from transforms.core.recognizers.age import AgeRecognizer
from transforms.core.recognizers.aged_name import AgedNameRecognizer
from transforms.core.recognizers.arabic_name import ArabicNameRecognizer
from transforms.core.recognizers.checksum_card import ChecksumCardRecognizer
from transforms.core.recognizers.checksum_iban import ChecksumIbanRecognizer
from transforms.core.recognizers.chinese_name import ChineseNameRecognizer
from transforms.core.recognizers.context_name import ContextNameRecognizer
from transforms.core.recognizers.context_phone import ContextPhoneRecognizer
from transforms.core.recognizers.coordinated_name import CoordinatedNameRecognizer
from transforms.core.recognizers.cued_identifier import CuedIdentifierRecognizer
from transforms.core.recognizers.date_of_birth import DateOfBirthRecognizer
from transforms.core.recognizers.famous_full_name import FamousFullNameRecognizer
from transforms.core.recognizers.famous_short_name import FamousShortNameRecognizer
from transforms.core.recognizers.french_cue_name import FrenchCueNameRecognizer
from transforms.core.recognizers.french_paired_name import FrenchPairedNameRecognizer
from transforms.core.recognizers.french_place_name import FrenchPlaceNameRecognizer
from transforms.core.recognizers.french_spelled_name import FrenchSpelledNameRecognizer
from transforms.core.recognizers.french_spoken_number import FrenchSpokenNumberRecognizer
from transforms.core.recognizers.french_titled_name import FrenchTitledNameRecognizer
from transforms.core.recognizers.gazetteer_name import GazetteerNameRecognizer
from transforms.core.recognizers.glued_email import GluedEmailRecognizer
from transforms.core.recognizers.display_name import DisplayNameRecognizer
from transforms.core.recognizers.sign_off_name import SignOffNameRecognizer
from transforms.core.recognizers.honorific_name import HonorificNameRecognizer
from transforms.core.recognizers.initialled_name import InitialledNameRecognizer
from transforms.core.recognizers.initials_name import InitialsNameRecognizer
from transforms.core.recognizers.japanese_name import JapaneseNameRecognizer
from transforms.core.recognizers.labelled_name import LabelledNameRecognizer
from transforms.core.recognizers.legal_name import LegalNameRecognizer
from transforms.core.recognizers.lone_name import LoneNameRecognizer
from transforms.core.recognizers.news_name import NewsNameRecognizer
from transforms.core.recognizers.postal_code import PostalCodeRecognizer
from transforms.core.recognizers.prompted_answer import PromptedAnswerRecognizer
from transforms.core.recognizers.regional_phone import RegionalPhoneRecognizer
from transforms.core.recognizers.results_entrant import ResultsEntrantRecognizer
from transforms.core.recognizers.results_name import ResultsNameRecognizer
from transforms.core.recognizers.secret_value import SecretValueRecognizer
from transforms.core.recognizers.spoken_address import SpokenAddressRecognizer
from transforms.core.recognizers.spoken_identifier import SpokenIdentifierRecognizer
from transforms.core.recognizers.ssn_shape import SsnShapeRecognizer
from transforms.core.recognizers.spoken_email import SpokenEmailRecognizer
from transforms.core.recognizers.spoken_ip import SpokenIpRecognizer
from transforms.core.recognizers.speech_cue_name import SpeechCueNameRecognizer
from transforms.core.recognizers.spelled_name import SpelledNameRecognizer
from transforms.core.recognizers.spelled_postcode import SpelledPostcodeRecognizer
from transforms.core.recognizers.spoken_number import SpokenNumberRecognizer
from transforms.core.recognizers.street_address import StreetAddressRecognizer
from transforms.core.recognizers.written_name import WrittenNameRecognizer

ANY = "any"

Factory = Callable[[str], EntityRecognizer]  # language -> a new recognizer


@dataclasses.dataclass(frozen=True)
class Registration:
    factory: Factory
    languages: Union[str, Tuple[str, ...]]  # ANY, or the language codes served

    def serves(self, language: str) -> bool:
        return self.languages == ANY or language in self.languages


_REGISTERED: List[Registration] = []


def register(factory: Factory, languages: Union[str, Tuple[str, ...]]) -> None:
    """Add a recognizer factory for ``languages`` (ANY or a non-empty tuple of codes)."""
    if languages != ANY and not (isinstance(languages, tuple) and languages
                                 and all(isinstance(code, str) for code in languages)):
        raise ValueError(f"{factory.__name__}: languages must be {ANY!r} or a non-empty "
                         "tuple of language codes such as ('en',)")
    if any(r.factory is factory for r in _REGISTERED):
        raise ValueError(f"{factory.__name__} is already registered")
    _REGISTERED.append(Registration(factory, languages))


def registered() -> Tuple[Registration, ...]:
    return tuple(_REGISTERED)


def recognizers_for(language: str) -> List[EntityRecognizer]:
    """A new instance of each registered recognizer serving ``language``, in order."""
    return [r.factory(language) for r in _REGISTERED if r.serves(language)]


register(SpokenNumberRecognizer, languages=ANY)
register(SpokenEmailRecognizer, languages=ANY)
register(SpokenIdentifierRecognizer, languages=ANY)
register(FrenchSpokenNumberRecognizer, languages=("fr",))
register(ContextNameRecognizer, languages=("en", "fr"))
register(FrenchCueNameRecognizer, languages=("fr",))
register(FrenchPairedNameRecognizer, languages=("fr",))
register(FrenchTitledNameRecognizer, languages=("fr",))
register(FrenchPlaceNameRecognizer, languages=("fr",))
register(GazetteerNameRecognizer, languages=("en",))
register(WrittenNameRecognizer, languages=("en",))
register(ResultsNameRecognizer, languages=("en",))
register(ResultsEntrantRecognizer, languages=("en",))
register(SpeechCueNameRecognizer, languages=("en",))
register(NewsNameRecognizer, languages=("en",))
register(FamousFullNameRecognizer, languages=("en",))
register(AgedNameRecognizer, languages=("en",))
register(CoordinatedNameRecognizer, languages=("en",))
register(HonorificNameRecognizer, languages=("en",))
register(InitialledNameRecognizer, languages=("en",))
register(InitialsNameRecognizer, languages=("en",))
register(LabelledNameRecognizer, languages=("en",))
register(LoneNameRecognizer, languages=("en",))
register(DisplayNameRecognizer, languages=("en",))
register(SignOffNameRecognizer, languages=("en",))
register(LegalNameRecognizer, languages=("en",))
register(FamousShortNameRecognizer, languages=("en",))
register(ChecksumCardRecognizer, languages=ANY)
register(ChecksumIbanRecognizer, languages=ANY)
register(StreetAddressRecognizer, languages=ANY)
register(SpokenAddressRecognizer, languages=ANY)
register(ContextPhoneRecognizer, languages=ANY)
register(DateOfBirthRecognizer, languages=ANY)
# Unicode text (issue 9): these read no language's words, and CJK or Arabic records are
# often labelled en.
register(GluedEmailRecognizer, languages=ANY)
register(RegionalPhoneRecognizer, languages=ANY)
register(ChineseNameRecognizer, languages=ANY)
register(JapaneseNameRecognizer, languages=ANY)
register(ArabicNameRecognizer, languages=ANY)
register(PostalCodeRecognizer, languages=ANY)
register(AgeRecognizer, languages=("en",))
register(CuedIdentifierRecognizer, languages=ANY)
register(SsnShapeRecognizer, languages=ANY)
register(SpokenIpRecognizer, languages=ANY)
# Customer dialogues: account handles (pseudonymized) and secrets (always redacted).
register(AccountHandleRecognizer, languages=ANY)
register(SecretValueRecognizer, languages=ANY)
# Voice transcripts: values spelled out, and answers to the agent's questions.
register(SpelledPostcodeRecognizer, languages=("en",))
register(SpelledNameRecognizer, languages=("en",))
register(FrenchSpelledNameRecognizer, languages=("fr",))
register(PromptedAnswerRecognizer, languages=("en",))

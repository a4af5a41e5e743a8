"""hushbeam's own Presidio recognizers, for what contact-center text looks like.

One recognizer per module; :mod:`.registry` lists them with the languages each serves;
:mod:`.common` holds what they share (base class, checksums, number words). A recognizer
that knows the canonical value of what it found (the digits of a spoken phone, the
address of a spoken email) puts it in ``recognition_metadata[CANONICAL]`` so the
pseudonym matches the structured column.
"""
from transforms.core.recognizers.age import AgeRecognizer
from transforms.core.recognizers.checksum_card import ChecksumCardRecognizer
from transforms.core.recognizers.checksum_iban import ChecksumIbanRecognizer
from transforms.core.number_words import NUM_RUN, NUMBER_WORDS, spoken_digits
from transforms.core.recognizers.common import CANONICAL, card_ok, iban_ok, luhn_ok
from transforms.core.recognizers.context_name import ContextNameRecognizer
from transforms.core.recognizers.context_phone import ContextPhoneRecognizer
from transforms.core.recognizers.cued_identifier import CuedIdentifierRecognizer
from transforms.core.recognizers.date_of_birth import DateOfBirthRecognizer
from transforms.core.recognizers.postal_code import PostalCodeRecognizer
from transforms.core.recognizers.registry import (ANY, Registration, recognizers_for,
                                                  register, registered)
from transforms.core.recognizers.spoken_email import (SPOKEN_EMAIL, SpokenEmailRecognizer,
                                                      spoken_email)
from transforms.core.recognizers.spoken_number import SpokenNumberRecognizer
from transforms.core.recognizers.street_address import StreetAddressRecognizer

__all__ = [
    "ANY", "CANONICAL", "NUM_RUN", "NUMBER_WORDS", "SPOKEN_EMAIL", "AgeRecognizer",
    "ChecksumCardRecognizer", "ChecksumIbanRecognizer", "ContextNameRecognizer",
    "ContextPhoneRecognizer", "CuedIdentifierRecognizer", "DateOfBirthRecognizer",
    "PostalCodeRecognizer", "Registration", "SpokenEmailRecognizer", "SpokenNumberRecognizer",
    "StreetAddressRecognizer", "card_ok", "iban_ok", "luhn_ok", "recognizers_for", "register",
    "registered", "spoken_digits", "spoken_email",
]

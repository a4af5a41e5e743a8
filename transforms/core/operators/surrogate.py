"""SURROGATE: a realistic fake value in place of the real one, chosen by a keyed hash.

* PERSON: each word of the name becomes a fake first name or surname of the record's
  language (:mod:`.surrogate_names`; English for a language without a list): "John
  Smith" -> "Maria Rivera", then "john" alone -> "maria", "Smith" alone -> "Rivera". The
  last word of a name of two words or more is a surname, a word alone is a first name
  unless a title precedes it ("Mr Smith") or the record also wrote it last in a longer
  name. A first name found on a male (female) list of any language gets a male (female)
  one; any other, one of either. Case follows the original.
* EMAIL_ADDRESS (EMAIL): ``first.last@example.com`` (a domain reserved for examples).
* PHONE_NUMBER (PHONE): ``(AAA) 555-01NN``, the North American range reserved for
  fiction (every locale).

The choice is HMAC-SHA256 of the normalized real value (a name word casefolded, an email
lowercased, a phone in E.164) under a subkey of the data key: the same real value gets
the same fake one in every conversation and run with the same keyset. Within a record, a
fake value never equals a real value seen in the record, nor the fake value of another
real one: the next candidate is taken then (so, rarely, a name's surrogate differs in a
conversation where it would have collided).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Callable, Dict, Mapping, Tuple

from transforms.core.operators.base import Detection, PolicyOperator, Treated
from transforms.core.operators.record_scope import RecordScope
from transforms.core.operators.surrogate_names import FEMALE, FIRST, LAST, MALE

PURPOSE = "surrogate"  # the label of the data key's subkey
EMAIL_DOMAIN = "example.com"
FICTIONAL_EXCHANGE = "55501"  # 555-0100 to 555-0199
_DEFAULT_LANGUAGE = "en"
_TITLE = re.compile(r"\b(?:mr|mrs|ms|miss|dr|mme|mlle|monsieur|madame)\b\.?\s*$", re.IGNORECASE)


class Surrogate(PolicyOperator):
    name = "SURROGATE"
    per_record = True
    entity_types = ("PERSON", "EMAIL_ADDRESS", "EMAIL", "PHONE_NUMBER", "PHONE")

    @classmethod
    def keeps(cls, params: Mapping[str, Any]) -> str:
        return "which values are equal (the same value gets the same fake one)"

    def treat(self, detection: Detection, params: Mapping[str, Any],
              pseudonymizer) -> Treated:
        scope = detection.scope or RecordScope(region=pseudonymizer.default_region)
        if detection.entity == "PERSON":
            return Treated(_person(detection.value, scope, pseudonymizer))
        kind = ("email" if "EMAIL" in detection.entity else
                "phone" if "PHONE" in detection.entity else None)
        if kind is None:
            return Treated(f"<{detection.entity}>")
        key = scope.value_key(detection)
        make = functools.partial(_email, _language(scope)) if kind == "email" else _phone
        return Treated(_pick(scope, pseudonymizer, kind, key, make))

    def operate(self, text: str = None, params: Dict = None) -> str:
        raise NotImplementedError("SURROGATE needs its record: use treat()")


def _language(scope: RecordScope) -> str:
    return scope.language if scope.language in FIRST else _DEFAULT_LANGUAGE


def _person(value: str, scope: RecordScope, pseudonymizer) -> str:
    language = _language(scope)
    words = scope.name_words(value)
    pieces, last = [], 0
    for i, m in enumerate(words):
        word = m.group(0)
        folded = word.casefold()
        family = (i == len(words) - 1 and len(words) >= 2) or (
            len(words) == 1 and (folded in scope.family or _TITLE.search(value[:m.start()])))
        role = "family" if family else _gender(folded)
        names = {"family": LAST, "male": MALE, "female": FEMALE, "given": FIRST}[role][language]
        kind = f"{language}:{role}"
        fake = _pick(scope, pseudonymizer, kind, folded,
                     lambda n, names=names: (names[n % len(names)], None), len(names), "name")
        pieces += [value[last:m.start()], _cased(fake, word)]
        last = m.end()
    return "".join(pieces) + value[last:] if words else "<PERSON>"


@functools.lru_cache(maxsize=1)
def _genders() -> Dict[str, str]:
    out = {}
    for gender, lists in (("male", MALE), ("female", FEMALE)):
        for names in lists.values():
            for name in names:
                out[name.casefold()] = "given" if out.get(name.casefold(), gender) != gender \
                    else gender
    return out


def _gender(word: str) -> str:
    """male, female, or given (either) for a first name, from the lists."""
    return _genders().get(word, "given")


def _pick(scope: RecordScope, pseudonymizer, kind: str, key: str,
          make: Callable[[int], Tuple[str, str]], count: int = 1 << 20,
          space: str = "") -> str:
    """The fake value of ``key`` in this record: candidate ``make(n)`` (its text, and its
    key if not its casefolded text) from the keyed index on, the first that is neither a
    real value of the record nor taken in ``space`` (default: ``kind``)."""
    space = space or kind
    if (kind, key) in scope.fakes:
        return scope.fakes[(kind, key)]
    start = pseudonymizer.keyed_index(PURPOSE, f"{kind}\x00{key}")
    fake = None
    for step in range(min(count, 1000)):
        fake, fake_key = make((start + step) % count)
        fake_key = fake_key or fake.casefold()
        if fake_key not in scope.real and (space, fake_key) not in scope.used:
            break
    scope.fakes[(kind, key)] = fake
    scope.used.add((space, fake_key))
    return fake


def _cased(fake: str, original: str) -> str:
    if original.islower():
        return fake.lower()
    if original.isupper() and len(original) > 1:
        return fake.upper()
    return fake


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


@functools.lru_cache(maxsize=1)
def _email_parts() -> Tuple[frozenset, frozenset]:
    return (frozenset(_ascii(n) for names in FIRST.values() for n in names),
            frozenset(_ascii(n) for names in LAST.values() for n in names))


def is_surrogate_email(email: str) -> bool:
    """Whether an email has the shape SURROGATE writes (``first.last@example.com`` of its
    lists), so the leak guard can tell it from an email left in the text."""
    local, _, domain = email.lower().rpartition("@")
    first, _, last = local.partition(".")
    firsts, lasts = _email_parts()
    return domain == EMAIL_DOMAIN and first in firsts and last in lasts


def _email(language: str, n: int) -> Tuple[str, str]:
    first, last = FIRST[language], LAST[language]
    email = f"{_ascii(first[n % len(first)])}.{_ascii(last[(n // len(first)) % len(last)])}"
    return f"{email}@{EMAIL_DOMAIN}", None


def _phone(n: int) -> Tuple[str, str]:
    area = 201 + (n // 100) % 799
    if area % 100 == 11:  # N11 codes are services, not areas
        area += 1
    # The E.164 form phonenumbers gives this number, without parsing it.
    return f"({area}) 555-01{n % 100:02d}", f"+1{area}{FICTIONAL_EXCHANGE}{n % 100:02d}"

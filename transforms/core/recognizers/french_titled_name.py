"""A surname alone after a French title or a function: "madame le pen", "madame de
montespan", "le président rajapakse", "votre conseiller kowalczyk" (issue 9, branch fr25).

:mod:`.french_cue_name` takes the word after "madame" or "monsieur" unless it is a function
word, so a surname with a particle ("madame le pen", "monsieur de la tour") was left, and
a function noun ("le ministre", "son coéquipier", "votre conseiller") is no cue there. Here,
after a courtesy title (then optionally a particle of :data:`~.french_paired_name.TITLE_PARTICLE`:
"de", "du", "le", "la", "de la", "van der"...) or a function noun of :data:`FUNCTIONS` (no
particle: "le maire de lyon", "le directeur de netflix" name a place, a company), then
one or two words the configured French model does not know (:class:`.FrenchLexiconRecognizer`)
under French Zipf :data:`NAMED` are a name; the particle goes with it. After "monsieur le"
or "madame la" the model knows what follows ("maire", "directrice", "président") and it
stays; so do "le président américain", "le directeur général". On a written line (one with
a capital) the name's words must be capitalised.
"""
from __future__ import annotations

import re
from typing import List

from transforms.core.recognizers.common import result
from transforms.core.recognizers.french_paired_name import (_GAP, _WORD, TITLE_PARTICLE,
                                                            FrenchLexiconRecognizer,
                                                            _capitalised)

NAMED = 5.0  # French Zipf under which a word the model lacks, after a title, is a name
MAX_WORDS = 2  # "le président ange félix" -> two words at most after the particle
# Courtesy titles ("m", "me", "mr" left out: "me" is a pronoun, "m" a letter read out).
COURTESY = frozenset("madame monsieur mademoiselle docteur docteure maître maitre "
                     "professeur professeure mme mlle".split())
# Function nouns a surname follows in apposition: state, church, army, nobility, sport,
# and those of a company's staff.
FUNCTIONS = frozenset("""président présidente ministre roi reine prince princesse empereur
impératrice pape général colonel capitaine lieutenant commandant maréchal amiral abbé juge
sénateur sénatrice député députée maire gouverneur ambassadeur ambassadrice chancelier
chancelière cardinal évêque archevêque comte comtesse duc duchesse baron baronne marquis
marquise vicomte vicomtesse chevalier entraîneur entraîneuse sélectionneur coéquipier
coéquipière inspecteur inspectrice commissaire avocat avocate notaire technicien
technicienne conseiller conseillère directeur directrice gérant gérante""".split())
_CUE = re.compile(r"(?i)(?<!\w)(?:%s)(?![\w'’])" % "|".join(  # "l'impératrice jingū" too
    sorted(COURTESY | FUNCTIONS, key=len, reverse=True)))


class FrenchTitledNameRecognizer(FrenchLexiconRecognizer):
    """A surname, with or without a particle, after a French title or function noun."""

    def _name_word(self, word: str, cased: bool) -> bool:
        low = word.lower()
        return (len(low) >= 3 and (not cased or _capitalised(word))  # "directeur rh"
                and self._particle_surname(low, NAMED))

    def _line(self, line: str, offset: int, cased: bool) -> List:
        words = list(_WORD.finditer(line))
        starts = {w.start(): k for k, w in enumerate(words)}
        out = []
        for cue in _CUE.finditer(line):
            j = starts.get(cue.start())
            if j is None or words[j].end() != cue.end():
                continue
            particle = (TITLE_PARTICLE.match(line, cue.end())  # "madame de montespan"
                        if words[j].group(0).lower() in COURTESY else None)
            gap = particle or _GAP.match(line, cue.end())
            k = starts.get(gap.end()) if gap else None
            if k is None or not self._name_word(words[k].group(0), cased):
                continue
            last = k
            while (last + 1 < len(words) and last + 1 - k < MAX_WORDS
                   and _GAP.fullmatch(line[words[last].end():words[last + 1].start()])
                   and self._name_word(words[last + 1].group(0), cased)):
                last += 1
            start = particle.start() + len(particle.group(0)) - len(
                particle.group(0).lstrip()) if particle else words[k].start()
            out.append(result(self, "PERSON", offset + start, offset + words[last].end(),
                              0.6))
        return out

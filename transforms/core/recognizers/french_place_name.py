"""Countries named in caseless French speech: "il vit aux états unis", "un colis bloqué en
nouvelle zélande", "rentré de l'australie" (issue 9, branch fr25).

fr_core_news_sm finds places by their capital letter; in a line without capitals (speech
recognition's output) most are left. Here, on such a line, the French name of a country
(:data:`FRENCH_COUNTRY_NAMES`, those :mod:`phonenumbers`' geocoder gives in French, accents
and hyphens folded: "etats-unis" is "états unis") is a LOCATION. A one-word name the
configured French model knows as a common word ("la suisse" but "un compte suisse"; "le
chili", "une grenade", "un jersey") must follow an article or a preposition of place ("la",
"le", "l'", "en", "au", "aux", "à", "de", "du", "d'", "vers").
"""
from __future__ import annotations

import re
import unicodedata
from typing import List

from transforms.core.recognizers.common import result
from transforms.core.recognizers.french_paired_name import FrenchLexiconRecognizer

# phonenumbers 9.0.43's French names of its regions (a test recomputes them), written out so
# a worker does not load the geocoder.
FRENCH_COUNTRY_NAMES = (
    'Afghanistan', 'Afrique du Sud', 'Albanie', 'Algérie', 'Allemagne', 'Andorre', 'Angola',
    'Anguilla', 'Antigua et Barbuda', 'Arabie Saoudite', 'Argentine', 'Arménie', 'Aruba',
    'Australie', 'Autriche', 'Azerbaïdjan', 'Bahamas', 'Bahreïn', 'Bangladesh', 'Barbade',
    'Belau', 'Belgique', 'Benin', 'Bermudes', 'Bhoutan', 'Biélo-Russie', 'Bolivie',
    'Bonaire, Saint-Eustache et Saba', 'Bosnie-Herzégovine', 'Botswana', 'Brunei', 'Brésil',
    'Bulgarie', 'Burkina Faso', 'Burundi', 'Bélize', 'Cambodge', 'Cameroun', 'Canada',
    'Cap Vert', 'Chili', 'Chine', 'Chypre', 'Colombie', 'Comores', 'Congo', 'Corée du Nord',
    'Corée du Sud', 'Costa Rica', 'Croatie', 'Cuba', 'Curaçao', "Côte d'Ivoire", 'Danemark',
    'Djibouti', 'Dominique', 'Egypte', 'El Salvador', 'Emirats Arabes Unis', 'Equateur',
    'Erythrée', 'Espagne', 'Estonie', 'Etats-Unis', 'Ethiopie', 'Fidji', 'Finlande',
    'France', 'Gabon', 'Gambie', 'Ghana', 'Gibraltar', 'Grenade', 'Groenland', 'Grèce',
    'Guadeloupe', 'Guam', 'Guatemala', 'Guernesey', 'Guinée', 'Guinée Equatoriale',
    'Guinée-Bissau', 'Guyana', 'Guyane française', 'Géorgie', 'Haïti', 'Honduras',
    'Hong-Kong', 'Hongrie', 'Ile de Man', 'Iles Vierges Américaines',
    'Iles Vierges Britanniques', 'Inde', 'Indonésie', 'Irak', 'Iran', 'Irlande', 'Islande',
    'Israël', 'Italie', 'Jamaïque', 'Japon', 'Jersey', 'Jordanie', 'Kazakhstan', 'Kenya',
    'Kiribati', 'Koweit', 'Kyrgyzstan', 'La Réunion', 'Laos', 'Lesotho', 'Lettonie',
    'Liban', 'Liberia', 'Libye', 'Liechtenstein', 'Lithuanie', 'Luxembourg', 'Macao',
    'Macédoine', 'Madagascar', 'Malaisie', 'Malawi', 'Maldives', 'Mali', 'Malte', 'Maroc',
    'Martinique', 'Maurice', 'Mauritanie', 'Mayotte', 'Mexique', 'Micronésie', 'Moldavie',
    'Monaco', 'Mongolie', 'Montserrat', 'Monténégro', 'Mozambique', 'Myanmar', 'Namibie',
    'Nauru', 'Nicaragua', 'Niger', 'Nigéria', 'Niue', 'Norvège', 'Nouvelle-Calédonie',
    'Nouvelle-Zélande', 'Népal', 'Oman', 'Ouganda', 'Ouzbékistan', 'Pakistan', 'Palestine',
    'Panama', 'Papouasie-Nouvelle-Guinée', 'Paraguay', 'Pays-Bas', 'Philippines', 'Pologne',
    'Polynésie Française', 'Porto Rico', 'Portugal', 'Pérou', 'Qatar', 'Roumanie',
    'Royaume-Uni', 'Russie', 'Rwanda', 'République Centre-Africaine',
    'République Dominicaine', 'République Tchèque', 'République démocratique du Congo',
    'Saint-Christophe-et-Niévès', 'Saint-Marin', 'Saint-Martin (partie néerlandaise)',
    'Saint-Pierre-et-Miquelon', 'Saint-Vincent-et-les Grenadines', 'Sainte-Hélène',
    'Sainte-Lucie', 'Samoa', 'Samoa américaines', 'Sao Tomé et Principe', 'Serbie',
    'Seychelles', 'Sierra Leone', 'Singapour', 'Slovaquie', 'Slovénie', 'Somalie', 'Soudan',
    'Sri Lanka', 'Sud-Soudan', 'Suisse', 'Suriname', 'Suède', 'Svalbard et Jan Mayen',
    'Swaziland', 'Syrie', 'Sénégal', 'Tadjikistan', 'Taiwan', 'Tanzanie', 'Tchad',
    "Territoires britanniques de l'Océan Indien", 'Thaïlande', 'Timor-Leste', 'Togo',
    'Tokelau', 'Tonga', 'Trinité-et-Tobago', 'Tunisie', 'Turkménistan', 'Turquie', 'Tuvalu',
    'Ukraine', 'Uruguay', 'Vanuatu', 'Vatican', 'Vietnam', 'Vénézuela', 'Wallis-et-Futuna',
    'Yémen', 'Zambie', 'Zimbabwe', 'Île Christmas', 'Île Norfolk', 'Îles Caïmans',
    'Îles Cocos', 'Îles Cook', 'Îles Féroé', 'Îles Malouines', 'Îles Mariannes du Nord',
    'Îles Marshall', 'Îles Salomon', 'Îles Turks et Caicos', 'Îles Åland',
)


def fold(text: str) -> str:
    """Lower case, accents and hyphens off, one character for one ("États-Unis" ->
    "etats unis"), so offsets in the folded text are those of the text."""
    low = text.lower()
    if not low.isascii():
        low = "".join(unicodedata.normalize("NFD", c)[0] for c in low)
    return low.replace("-", " ")


def _pattern(name: str) -> str:
    words = fold(re.sub(r"\s*\(.*\)", "", name)).split()
    return r"[ \t]+".join(map(re.escape, words))


_COUNTRY = re.compile(r"(?<!\w)(?:%s)(?![\w'’])" % "|".join(
    _pattern(n) for n in sorted(FRENCH_COUNTRY_NAMES, key=len, reverse=True)))
_PLACE_WORD = re.compile(r"(?:(?<!\w)(?:la|le|les|en|au|aux|a|de|du|des|vers)[ \t]+"
                         r"|(?<!\w)[ld]['’])$")


class FrenchPlaceNameRecognizer(FrenchLexiconRecognizer):
    """The French name of a country on a French line without capitals."""

    ENTITIES = ["LOCATION"]

    def _line(self, line: str, offset: int, cased: bool) -> List:
        if cased:
            return []
        folded = fold(line)
        out = []
        for found in _COUNTRY.finditer(folded):
            name = line[found.start():found.end()]
            if (" " not in found.group(0) and self._known(name.lower())
                    and not _PLACE_WORD.search(folded, 0, found.start())):
                continue
            out.append(result(self, "LOCATION", offset + found.start(),
                              offset + found.end(), 0.6))
        return out

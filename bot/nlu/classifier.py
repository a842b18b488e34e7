"""Intent classifier on sparse (TF-IDF weighted) and dense sentence features,
with the ``topics`` of long messages.

``SentenceLogRegClassifier`` is a logistic regression, like Rasa's
LogisticRegressionClassifier, with three differences that the evaluation in
docs/decisions.md ("NLU pipeline chosen on evidence") measured:

- the sparse features (word and character n-grams, regexes, lexical features)
  get TF-IDF weighting (sublinear term frequency, L2 norm) learnt on the training
  data, so that a long story is not classified by its many common words;
- dense sentence features (``bot.nlu.use_featurizer``) are appended as they are;
- a message's features are the sum of its tokens' sparse features plus the
  dense vector, built the same way for a whole message and for each of its
  sentences. The sentences give the output property ``topics``: the career
  intents the message is about, main first, at most ``max_topics``. When the
  whole story is too unsure but one sentence is clearly about a career topic,
  that topic becomes the intent: a long story is never routed to the fallback
  when a career topic is clear in one of its sentences.
"""

from __future__ import annotations

import logging
from typing import Any

import joblib
import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression

from bot.handover.topics import CAREER_TOPICS
from bot.nlu.sentences import sentence_spans

logger = logging.getLogger(__name__)
TOPICS_KEY = "topics"
# A second topic from one sentence of a story needs more than a clear main topic: "ik maak
# fouten op werk en ze letten op me" read as conflict at work at 0.64 became "Je noemt ook
# een conflict op het werk" and a topic in her ticket (round 13d, p54). Sentences that do
# name a conflict, stress or a training score 0.79 to 0.96, "mijn contract loopt af." 0.75.
SIDE_TOPIC_SURE = 0.7


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class SentenceLogRegClassifier(IntentClassifier, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "tfidf": True,
            "C": 10.0,
            "max_iter": 1000,
            "random_state": 42,
            "ranking_length": 10,
            # topics: a sentence names a career topic at this probability or more
            "topic_threshold": 0.5,
            "max_topics": 3,
            # below this whole-message confidence a clear sentence topic is the intent
            # (the FallbackClassifier's threshold)
            "rescue_below": 0.4,
            # ... or when the two best intents are closer than this (the
            # FallbackClassifier's ambiguity_threshold)
            "rescue_margin": 0.05,
            # > 0: for a story, mix the mean of its sentences' probabilities into
            # the whole message's: (1 - w) * whole + w * mean(sentences)
            "story_weight": 0.0,
            # > 1: also compute, by k-fold cross-validation on the training data,
            # the fallback threshold that maximises right minus wrong accepted
            # answers (persisted as `calibrated_threshold`, for docs/decisions.md)
            "cv_folds": 0,
        }

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage,
                 resource: Resource, clf: LogisticRegression | None = None,
                 tfidf: TfidfTransformer | None = None,
                 calibrated_threshold: float | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.clf = clf
        self.tfidf = tfidf
        self.calibrated_threshold = calibrated_threshold

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> SentenceLogRegClassifier:
        return cls(config, model_storage, resource)

    # --- features --------------------------------------------------------------
    @staticmethod
    def _parts(message: Message) -> tuple[Any, Any]:
        sparse, _ = message.get_sparse_features(TEXT)
        dense, _ = message.get_dense_features(TEXT)
        return (sparse.features.tocsr() if sparse is not None else None,
                dense.features if dense is not None else None)

    def _rows(self, message: Message, spans: list[tuple[int, int]] | None) -> tuple[Any, Any]:
        """Sparse and dense rows: the whole message (spans None) or one per span."""
        sparse, dense = self._parts(message)
        tokens = message.get(TOKENS_NAMES[TEXT]) or []
        if spans is None:
            groups = [list(range(len(tokens)))]
        else:
            groups = [[i for i, t in enumerate(tokens) if s <= t.start < e] for s, e in spans]
        s_rows, d_rows = [], []
        for idx in groups:
            if sparse is not None:
                s_rows.append(scipy.sparse.csr_matrix(sparse[idx].sum(axis=0))
                              if idx else scipy.sparse.csr_matrix((1, sparse.shape[1])))
            if dense is not None:
                # every token of a sentence carries that sentence's vector; for the
                # whole message use the message's own sentence feature
                if spans is None:
                    d_rows.append(message.get_dense_features(TEXT)[1].features.reshape(1, -1))
                else:
                    d_rows.append(dense[idx[0]].reshape(1, -1) if idx
                                  else np.zeros((1, dense.shape[1])))
        return (scipy.sparse.vstack(s_rows).tocsr() if s_rows else None,
                np.vstack(d_rows) if d_rows else None)

    def _matrix(self, sparse: Any, dense: Any, fit: bool = False) -> Any:
        blocks = []
        if sparse is not None:
            if self.config["tfidf"]:
                if fit:
                    self.tfidf = TfidfTransformer(sublinear_tf=True)
                    self.tfidf.fit(sparse)
                sparse = self.tfidf.transform(sparse)
            blocks.append(sparse)
        if dense is not None:
            blocks.append(scipy.sparse.csr_matrix(dense))
        return scipy.sparse.hstack(blocks).tocsr()

    # --- training --------------------------------------------------------------
    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(INTENT)]
        rows = [self._rows(m, None) for m in examples]
        sparse = (scipy.sparse.vstack([r[0] for r in rows]).tocsr()
                  if rows and rows[0][0] is not None else None)
        dense = np.vstack([r[1] for r in rows]) if rows and rows[0][1] is not None else None
        X = self._matrix(sparse, dense, fit=True)
        y = [m.get(INTENT) for m in examples]
        self.clf = LogisticRegression(C=self.config["C"], max_iter=self.config["max_iter"],
                                      class_weight="balanced",
                                      random_state=self.config["random_state"])
        self.clf.fit(X, y)
        if self.config["cv_folds"] > 1:
            self.calibrated_threshold = self._calibrate(X, y)
            logger.info("SentenceLogRegClassifier: calibrated fallback threshold %.2f",
                        self.calibrated_threshold)
        self.persist()
        return self._resource

    def _calibrate(self, X: Any, y: list[str]) -> float:
        """Threshold with the most right minus wrong accepted out-of-fold answers.

        The TF-IDF weights stay those of all data (a small optimism); the
        logistic regression is refitted per fold.
        """
        from sklearn.base import clone
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        folds = StratifiedKFold(self.config["cv_folds"], shuffle=True,
                                random_state=self.config["random_state"])
        probs = cross_val_predict(clone(self.clf), X, y, cv=folds, method="predict_proba")
        labels = np.array(sorted(set(y)))
        best, conf = labels[probs.argmax(axis=1)], probs.max(axis=1)
        right = best == np.array(y)
        grid = np.round(np.arange(0.05, 0.81, 0.01), 2)
        gain = [float(np.sum(right & (conf >= t)) - np.sum(~right & (conf >= t))) for t in grid]
        return float(grid[int(np.argmax(gain))])

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump({"clf": self.clf, "tfidf": self.tfidf,
                         "calibrated_threshold": self.calibrated_threshold},
                        directory / "classifier.joblib")

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> SentenceLogRegClassifier:
        try:
            with model_storage.read_from(resource) as directory:
                saved = joblib.load(directory / "classifier.joblib")
        except ValueError:
            logger.warning("SentenceLogRegClassifier: no trained model; returning untrained")
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, saved["clf"], saved["tfidf"],
                   saved.get("calibrated_threshold"))

    # --- prediction ------------------------------------------------------------
    def _probabilities(self, message: Message, spans: list[tuple[int, int]] | None) -> Any:
        sparse, dense = self._rows(message, spans)
        return self.clf.predict_proba(self._matrix(sparse, dense))

    def process(self, messages: list[Message]) -> list[Message]:
        if self.clf is None:
            return messages
        labels = list(self.clf.classes_)
        for message in messages:
            if not message.get(TEXT) or not message.get(TOKENS_NAMES[TEXT]):
                continue
            spans = sentence_spans(message.get(TEXT))
            per_sentence = self._probabilities(message, spans) if len(spans) > 1 else None
            whole = self._probabilities(message, None)[0]
            if per_sentence is not None and self.config["story_weight"] > 0:
                w = self.config["story_weight"]
                whole = (1 - w) * whole + w * per_sentence.mean(axis=0)
            order = np.argsort(whole)[::-1]
            intent = {"name": labels[order[0]], "confidence": float(whole[order[0]])}
            ranking = [{"name": labels[i], "confidence": float(whole[i])}
                       for i in order[:self.config["ranking_length"]]]
            topics, rescue = self._topics(labels, whole, per_sentence)
            if rescue is not None and self._unsure(self._without_crisis(whole, labels)):
                intent = {"name": rescue["name"], "confidence": rescue["confidence"]}
                ranking = rescue["ranking"]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
            message.set(TOPICS_KEY, topics, add_to_output=True)
        return messages

    def _clear(self, probs: Any, labels: list[str]) -> bool:
        """A career intent at topic_threshold or more, not ambiguous with the next."""
        order = np.argsort(probs)[::-1]
        top = float(probs[order[0]])
        return bool(labels[order[0]] in CAREER_TOPICS and top >= self.config["topic_threshold"]
                    and (len(order) < 2 or float(probs[order[1]])
                         <= top - self.config["rescue_margin"]))

    @staticmethod
    def _without_crisis(probs: Any, labels: list[str]) -> Any:
        """Below the clear level crisis is never the intent (the input guard takes
        it out of the ranking), so judge the rest."""
        return np.delete(probs, labels.index("crisis")) if "crisis" in labels else probs

    def _unsure(self, probs: Any) -> bool:
        """The FallbackClassifier would not accept the whole message's best guess."""
        top = np.sort(probs)[::-1]
        return bool(top[0] < self.config["rescue_below"] or (
            len(top) > 1 and top[0] - top[1] < self.config["rescue_margin"]))

    def _topics(self, labels: list[str], whole: Any,
                per_sentence: Any) -> tuple[list[str], dict[str, Any] | None]:
        """Career intents the message is about (main first) and, for a story, the
        clearest sentence topic as a stand-in intent."""
        scores: dict[str, float] = {}
        best = int(np.argmax(whole))
        if self._clear(whole, labels):
            scores[labels[best]] = float(whole[best])
        rescue = None
        if per_sentence is not None:
            for probs in per_sentence:
                if not self._clear(probs, labels):
                    continue
                order = np.argsort(probs)[::-1]
                name, p = labels[order[0]], float(probs[order[0]])
                scores[name] = max(scores.get(name, 0.0), p)
                if rescue is None or p > rescue["confidence"]:
                    # the ranking given for the story is that sentence's own
                    rescue = {"name": name, "confidence": p,
                              "ranking": [{"name": labels[i], "confidence": float(probs[i])}
                                          for i in order[:self.config["ranking_length"]]]}
        main = labels[best] if labels[best] in scores else None
        rest = sorted((n for n in scores if n != main), key=lambda n: -scores[n])
        # Without a main topic for the whole message the clearest sentence leads.
        keep_first = 0 if main else 1
        rest = rest[:keep_first] + [n for n in rest[keep_first:] if scores[n] >= SIDE_TOPIC_SURE]
        topics = ([main] if main else []) + rest
        if rescue and self._unsure(self._without_crisis(whole, labels)):
            topics = [rescue["name"]] + [t for t in topics if t != rescue["name"]]
        return topics[:self.config["max_topics"]], rescue

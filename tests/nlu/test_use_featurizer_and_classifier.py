"""The dense USE featurizer and the sentence-aware classifier as Rasa components:
they train, persist, load, and give the same vectors and predictions after loading."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (
    CountVectorsFeaturizer,
)
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.classifier import SentenceLogRegClassifier
from bot.nlu.sentences import sentence_spans, sentences
from bot.nlu.use_featurizer import USEFeaturizer

TRAIN = {
    "retirement": ["ik wil eerder met pensioen", "wanneer kan ik stoppen met werken, ik ben 63",
                   "hoe werkt deeltijdpensioen", "wat is de RVU regeling"],
    "training": ["ik wil een opleiding doen", "welke cursus past bij mij",
                 "ik wil mijn diploma halen", "kan ik omscholen tot verpleegkundige"],
    "greet": ["hoi", "hallo daar", "goedemorgen", "hey"],
}


@pytest.fixture()
def storage(tmp_path):
    (tmp_path / "storage").mkdir()
    return LocalModelStorage(tmp_path / "storage")


def context(name: str) -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name=name)


def tokenize(messages: list[Message]) -> None:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    for message in messages:
        tokenizer.process([message])


def test_sentences_split_stories_and_keep_short_ones_whole():
    assert sentences("hoi") == ["hoi"]
    story = "Ik werk al twintig jaar in de zorg. Ok. Ik wil graag een opleiding doen!"
    assert sentences(story) == ["Ik werk al twintig jaar in de zorg. Ok.",
                                "Ik wil graag een opleiding doen!"]
    assert [story[s:e] for s, e in sentence_spans(story)][1].startswith("Ik wil")


def test_featurizer_persists_loads_and_gives_the_same_vectors(storage):
    resource = Resource("use")
    featurizer = USEFeaturizer.create({**USEFeaturizer.get_default_config(), "weight": 2.0},
                                      storage, resource, context("use"))
    data = TrainingData([Message({"text": t, "intent": i}) for i, ts in TRAIN.items() for t in ts])
    tokenize(data.training_examples)
    featurizer.train(data)
    story = Message({"text": "Ik ben 63 en moe. Ik wil eerder met pensioen, kan dat?"})
    tokenize([story])
    featurizer.process([story])
    seq, sent = story.get_dense_features("text")
    assert sent.features.shape == (1, 512)
    assert np.isclose(np.linalg.norm(sent.features), 2.0, atol=1e-3)  # weight applied
    tokens = story.get("text_tokens")
    assert seq.features.shape == (len(tokens), 512)
    # tokens of one sentence share that sentence's vector; the sentences differ
    assert np.allclose(seq.features[0], seq.features[1])
    assert not np.allclose(seq.features[0], seq.features[-1])

    loaded = USEFeaturizer.load({**USEFeaturizer.get_default_config(), "weight": 2.0},
                                storage, resource, context("use"))
    again = Message({"text": story.get("text")})
    tokenize([again])
    loaded.process([again])
    seq2, sent2 = again.get_dense_features("text")
    assert np.allclose(sent.features, sent2.features)
    assert np.allclose(seq.features, seq2.features)
    assert loaded.identity == featurizer.identity and loaded.identity["probe_sha256"]


def test_loading_refuses_a_model_made_by_another_encoder(storage):
    resource = Resource("use")
    with storage.write_to(resource) as directory:
        (directory / "encoder.json").write_text('{"version": "0.0", "probe_sha256": "x"}')
    with pytest.raises(ValueError, match="differs"):
        USEFeaturizer.load(USEFeaturizer.get_default_config(), storage, resource, context("use"))


def featurise(messages, cvf, use):
    tokenize(messages)
    cvf.process(messages)
    use.process(messages)


def test_classifier_trains_persists_loads_and_names_the_topics_of_a_story(storage):
    cvf = CountVectorsFeaturizer.create(CountVectorsFeaturizer.get_default_config(), storage,
                                        Resource("cvf"), context("cvf"))
    use = USEFeaturizer.create(USEFeaturizer.get_default_config(), storage, Resource("use"),
                               context("use"))
    data = TrainingData([Message({"text": t, "intent": i}) for i, ts in TRAIN.items() for t in ts])
    tokenize(data.training_examples)
    cvf.train(data)
    cvf.process_training_data(data)
    use.process_training_data(data)
    config = {**SentenceLogRegClassifier.get_default_config(), "topic_threshold": 0.4}
    clf = SentenceLogRegClassifier.create(config, storage, Resource("clf"), context("clf"))
    clf.train(data)

    story = Message({"text": "Hoi. Ik ben 63 en wil eerder met pensioen. "
                             "Daarnaast wil ik nog een cursus doen."})
    featurise([story], cvf, use)
    clf.process([story])
    assert story.get("intent")["name"] in ("retirement", "training")
    assert set(story.get("topics")) == {"retirement", "training"}
    assert story.get("topics")[0] == story.get("intent")["name"]
    assert "topics" in story.as_dict(only_output_properties=True)

    loaded = SentenceLogRegClassifier.load(config, storage, Resource("clf"), context("clf"))
    again = Message({"text": story.get("text")})
    featurise([again], cvf, use)
    loaded.process([again])
    assert again.get("intent_ranking") == story.get("intent_ranking")
    assert again.get("topics") == story.get("topics")

    short = Message({"text": "hallo"})
    featurise([short], cvf, use)
    loaded.process([short])
    assert short.get("intent")["name"] == "greet" and short.get("topics") == []

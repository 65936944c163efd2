"""A small learned layer beside the lexicon: logistic regression over word and letter n-grams.

Trained from the examples of the evaluation set (tests/safeguarding/eval/<code>/*_danger.txt
and *_safe.txt) except the held-out part (heldout_*), which it never sees, and shipped as
model.json so nothing is trained or downloaded while the site runs. Adding a language is adding
examples and running `make safeguarding-model` (a test fails when model.json is out of date).
It catches wordings the lexicon lacks (misspellings, inflections, new phrasings); the lexicon stays
the layer that explains itself to moderators.
"""

import itertools
import json
import math
import random
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

from mscos.moderation.safeguarding.text import fold

MODEL_FILE = Path(__file__).with_name("model.json")
EXAMPLES = Path(__file__).resolve().parents[3] / "tests" / "safeguarding" / "eval"
HELD_OUT = "heldout"  # files whose names start so are never trained on
EPOCHS, LEARNING_RATE, DECAY, MIN_SEEN, KEEP_ABOVE = 15, 0.2, 1e-4, 2, 0.005


def features(text: str) -> set[str]:
    """Words, word pairs and the 3- to 5-letter pieces of each word (inflections share them)."""
    return features_of_words(fold(text).split())


def features_of_words(words: list[str]) -> set[str]:
    """features() of a text already folded into words."""
    found = set(words)
    found.update(map(" ".join, itertools.pairwise(words)))
    for word in set(words):  # a word's pieces are the same each time it comes
        padded = f"<{word}>"
        size = len(padded)  # the 3-, 4- and 5-letter pieces, unrolled: a long post has thousands
        found.update([padded[i : i + 3] for i in range(size - 2)])
        found.update([padded[i : i + 4] for i in range(size - 3)])
        found.update([padded[i : i + 5] for i in range(size - 4)])
    return found


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float

    def logit(self, text: str) -> float:
        return self.logit_of_words(fold(text).split())

    def logit_of_words(self, words: list[str]) -> float:
        """logit() of a text already folded into words."""
        return self.bias + sum(map(self.weights.get, features_of_words(words), repeat(0.0)))

    def probability(self, text: str) -> float:
        """How likely the text is a danger post, from 0 to 1."""
        return self.probability_of(self.logit(text))

    @staticmethod
    def probability_of(logit: float) -> float:
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, logit))))


def train(examples: list[tuple[str, int]], *, seed: int = 0) -> Model:
    """Logistic regression by stochastic gradient descent; the same examples give the same model.

    Each class weighs the same in total, however many examples it has: there are far more
    ordinary texts than danger posts, and the model must not learn that danger is rare.
    """
    featured = [(sorted(features(text)), label) for text, label in examples]
    seen = Counter(f for found, _ in featured for f in found)
    featured = [([f for f in found if seen[f] >= MIN_SEEN], label) for found, label in featured]
    counts = Counter(label for _, label in featured)
    balance = {label: len(featured) / (2 * count) for label, count in counts.items()}
    weights: dict[str, float] = {}
    bias = 0.0
    order = random.Random(seed)  # noqa: S311 # a repeatable shuffle, not a secret # nosec B311
    for _ in range(EPOCHS):
        order.shuffle(featured)
        for found, label in featured:
            z = bias + sum(weights.get(f, 0.0) for f in found)
            error = (1 / (1 + math.exp(-max(-30.0, min(30.0, z)))) - label) * balance[label]
            bias -= LEARNING_RATE * error
            step = LEARNING_RATE * error / math.sqrt(len(found) or 1)
            for f in found:
                weights[f] = weights.get(f, 0.0) * (1 - DECAY) - step
    kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= KEEP_ABOVE}
    return Model(weights=kept, bias=round(bias, 4))


def training_examples(folder: Path = EXAMPLES) -> list[tuple[str, int]]:
    """Every example file but the held-out ones: <part>_danger.txt and <part>_safe.txt."""
    found = []
    for language in sorted(path for path in folder.iterdir() if path.is_dir()):
        found += training_examples_of(language)
    return found


def training_examples_of(language: Path) -> list[tuple[str, int]]:
    """One language's training examples (its folder of the evaluation set)."""
    found = []
    for kind, label in (("danger", 1), ("safe", 0)):
        for path in sorted(language.glob(f"*_{kind}.txt")):
            if path.name.startswith(HELD_OUT):
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            found += [(line.strip(), label) for line in lines if line.strip() and line[0] != "#"]
    return found


def as_json(model: Model) -> str:
    return json.dumps({"bias": model.bias, "weights": model.weights}, ensure_ascii=False, indent=0)


@cache
def shipped_model() -> Model | None:
    """The model in model.json, read once per process; None if it is missing (lexicon only)."""
    if not MODEL_FILE.exists():
        return None
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return Model(weights=data["weights"], bias=data["bias"])


def build() -> None:
    """Train on the shipped examples and write model.json (`make safeguarding-model`)."""
    MODEL_FILE.write_text(as_json(train(training_examples())) + "\n", encoding="utf-8")

"""Does a post say that someone may be in danger now, or may harm themselves?

Each language's data (lexicon.py) is applied on its own and the highest score counts, so a post
in any of the site's languages, or mixing them, is read by the words of each. Within a language:
- everyday idioms ("this heat is killing me") are taken out first;
- a ``danger`` pattern (weight 1.0 or more) is enough by itself; a second label adds half its
  weight, so signals need weights of about 0.67 for two to reach the threshold together;
- ``present`` cues (now, tonight, again, help me) add to the score;
- ``distance`` cues (years ago, the report says, in the novel, what should a service do) take
  away from it, less when a present cue says it is happening again now.
Sentences are scored one by one, so "years ago" in one sentence does not excuse "he is at my door
now" in the next; cues about the whole post (a quoted report, a novel) count in every sentence.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings

from mscos.moderation.safeguarding.lexicon import Lexicon, Rule, Screening, lexicons
from mscos.moderation.safeguarding.model import shipped_model
from mscos.moderation.safeguarding.text import fold_parts

SENTENCE_END = re.compile(r"[.!?;\n\u061f\u061b\u06d4]+")  # Arabic question mark, semicolon too
MASK = "\u2022"  # stands in for an idiom's words, so gaps still count them
WINDOW_WORDS, WINDOW_OVERLAP = 60, 12  # long runs without punctuation are read in windows
MAX_TEXT = 20_000  # posts are capped far below this; the bound keeps screening fast whatever comes
# The learned layer's say: its log-odds, bounded, added to the lexicon's score. It can raise a post
# the lexicon missed, but never take a lexicon finding away: the lexicon's own distance cues (the
# past, reports, fiction) are what lower a finding. Chosen by 5-fold cross-validation on the
# training examples (bench/safeguarding_cv.py): a floor of -0.5 missed 1.7-1.9 points more danger
# in English and Arabic for 1.3-1.4 points fewer false alarms.
MODEL_WEIGHT, MODEL_FLOOR, MODEL_CEILING = 1.0, 0.0, 3.0
THRESHOLD = 1.0


@dataclass(frozen=True)
class Finding:
    language: str
    label: str
    words: str  # what matched, folded


@dataclass
class Assessment:
    urgent: bool = False
    score: float = 0.0
    language: str = ""
    findings: list[Finding] = field(default_factory=list)
    model_probability: float | None = None

    def reason(self) -> str:
        """One line for moderators: which rule, which words, what score."""
        shown = "; ".join(f"{f.label} '{f.words}'" for f in self.findings[:3])
        model = f"model {self.model_probability:.0%}" if self.model_probability is not None else ""
        language = f"{self.language}, " if self.language else ""
        details = "; ".join(part for part in (shown, model) if part)
        return f"safeguarding ({language}score {self.score:.2f}): {details}"


def _masked(text: str, screening: Screening) -> str:
    for rule, _match in screening.matching("everyday", text):
        text = rule.pattern.sub(lambda m: " ".join(MASK for _ in m.group().split()), text)
    return text


def _found(text: str, screening: Screening, kind: str) -> list[tuple[Rule, str]]:
    return [(rule, match.group()) for rule, match in screening.matching(kind, text)]


def _could_alarm(sentence: str, screening: Screening) -> bool:
    """Whether any danger or signal rule could match: most sentences of a long post have none,
    and need neither the idioms taken out nor a score (masking only ever removes words)."""
    return bool(
        screening.candidates("danger", sentence) or screening.candidates("signal", sentence)
    )


def _score(
    sentence: str, screening: Screening, whole_post_distance: float
) -> tuple[float, list[Finding]]:
    lexicon = screening.lexicon
    danger = _found(sentence, screening, "danger")
    signals = _found(sentence, screening, "signal")
    if not danger and not signals:
        return 0.0, []
    labels: dict[str, float] = {}
    findings = []
    for rule, words in [*danger, *signals]:
        if rule.weight > labels.get(rule.label, 0):
            labels[rule.label] = rule.weight
        findings.append(Finding(lexicon.code, rule.label, words))
    weights = sorted(labels.values(), reverse=True)
    base = weights[0] + 0.5 * sum(weights[1:3])
    present = max((rule.weight for rule, _ in _found(sentence, screening, "present")), default=0)
    distance = max(
        [rule.weight for rule, _ in _found(sentence, screening, "distance")] + [whole_post_distance]
    )
    if present:
        distance = max(0.0, distance - present)
    return base + present - distance, findings


def _folded_parts(text: str) -> list[str]:
    return fold_parts(SENTENCE_END.split(text))


def _pieces(text: str, parts: list[str] | None = None) -> list[str]:
    """Sentences, folded; a long run without punctuation in overlapping windows of words."""
    pieces = []
    for part in _folded_parts(text) if parts is None else parts:
        words = part.split()
        if len(words) <= WINDOW_WORDS:
            pieces.append(" ".join(words))
            continue
        for start in range(0, len(words) - WINDOW_OVERLAP, WINDOW_WORDS - WINDOW_OVERLAP):
            pieces.append(" ".join(words[start : start + WINDOW_WORDS]))
    return [piece for piece in pieces if piece]


def assess_language(text: str, lexicon: Lexicon, pieces: list[str] | None = None) -> Assessment:
    pieces = _pieces(text) if pieces is None else pieces
    screening = Screening(lexicon)
    best = Assessment(language=lexicon.code)
    if not _could_alarm(screening.joined(pieces), screening):
        return best
    sentences = [
        _masked(piece, screening) if _could_alarm(piece, screening) else piece for piece in pieces
    ]
    whole = screening.joined(sentences)
    # "Post-wide" distance cues are those labelled as framing the whole post (reports, fiction).
    framing = max(
        (rule.weight for rule, _ in screening.matching("distance", whole, label_prefix="frame")),
        default=0.0,
    )
    # A short post is scored whole too: a danger can run across its sentences.
    short = len(sentences) > 1 and len(whole.split()) <= WINDOW_WORDS
    for sentence in [*sentences, whole] if short else sentences:
        if not _could_alarm(sentence, screening):
            continue
        score, findings = _score(sentence, screening, framing)
        if score > best.score:
            best.score, best.findings = score, findings
    return best


def assess(text: str) -> Assessment:
    """The most worrying reading of the text across every language's data, and the model's."""
    text = text[:MAX_TEXT]
    parts = _folded_parts(text)  # folded once, read by every language's data and the model
    pieces = _pieces(text, parts)
    best = Assessment()
    for lexicon in lexicons():
        found = assess_language(text, lexicon, pieces)
        if found.score > best.score:
            best = found
    model = shipped_model() if settings.SAFEGUARDING_MODEL else None
    if model is not None:
        raw = model.logit_of_words(" ".join(parts).split())  # the words of fold(text)
        best.model_probability = model.probability_of(raw)
        logit = max(MODEL_FLOOR, min(MODEL_CEILING, raw))
        best.score = max(0.0, best.score + MODEL_WEIGHT * logit)
    best.urgent = best.score >= THRESHOLD
    return best

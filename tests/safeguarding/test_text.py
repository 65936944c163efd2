"""Folding a post in one pass gives the same words as folding each sentence on its own (the
detector folds a long post once), in every script, with hidden characters and marks."""

import pytest

from mscos.moderation.safeguarding.text import fold, fold_parts

PARTS = [
    "Help me NOW, pleeease",
    "سَيَقْتُلُنِي إذا عرف أنّني كتبت هنا",
    "mă omoară dacă află",
    "do të më vrasë",
    "he\u200bl\u00adp \u0640 me",
    "a\x00b",  # the break between parts, inside a part, is a space as before
    "\U0001f198 emoji stay out, a music mark goes: 𝅘\U0001d165x",
    "İstanbul ǰ ﬁne ½",
    "",
]


def test_a_post_folded_whole_gives_each_sentence_as_folded_alone():
    assert fold_parts(PARTS) == [fold(part) for part in PARTS]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("سَيَقْتُلُنِي", "سيقتلني"),  # harakat dropped
        ("أنّني", "انني"),  # hamza seat and shadda
        ("he\u200bl\u00adp", "help"),  # hidden characters
        ("x\U0001d165y", "xy"),  # a combining mark beyond the first plane
        ("It\u2019s", "its"),
    ],
)
def test_folding_drops_marks_and_hidden_characters(text, folded):
    assert fold(text) == folded

"""The first indicator library: every core outcome has questions for the survivor and an
indicator for the practitioner, in every site language, all marked as drafts for review."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from mscos.measurement.library import LIBRARY
from mscos.measurement.models import Indicator
from mscos.outcomes.models import LongListOutcome, OutcomePage

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _load() -> str:
    out = io.StringIO()
    call_command("load_indicator_library", stdout=out)
    return out.getvalue()


def test_each_core_outcome_gets_two_questions_and_one_observation(demo_site):
    _load()
    english = Indicator.objects.filter(locale=Locale.get_default())
    core = LongListOutcome.objects.filter(outcome_page__kind=OutcomePage.CORE)
    assert core.count() == 7
    for outcome in core:
        mine = english.filter(outcome=outcome)
        assert mine.filter(kind=Indicator.Kind.SURVIVOR).count() >= 2, outcome
        assert mine.filter(kind=Indicator.Kind.PRACTITIONER).count() >= 1, outcome


def test_every_question_has_words_on_every_point_in_every_language(demo_site):
    _load()
    for indicator in Indicator.objects.select_related("locale"):
        indicator.full_clean()  # words on every point, as many as the English
        if indicator.kind == Indicator.Kind.SURVIVOR:
            assert len(indicator.scale_labels) == 5
        assert indicator.review_status == Indicator.Review.DRAFT
        assert indicator.review_note  # says what still needs reviewing
    keys = set(Indicator.objects.values_list("translation_key", flat=True))
    for key in keys:
        languages = Indicator.objects.filter(translation_key=key).values_list(
            "locale__language_code", flat=True
        )
        assert sorted(languages) == sorted(LANGUAGES)
    assert len(keys) == len(LIBRARY)


def test_translations_are_in_their_own_words_and_marked_for_a_native_speaker(demo_site):
    _load()
    for entry in LIBRARY:
        texts = set(
            Indicator.objects.filter(text__in=entry.texts.values()).values_list("text", flat=True)
        )
        assert len(texts) == len(LANGUAGES), entry.key  # no language left with the English
    romanian = Indicator.objects.filter(locale__language_code="ro")
    assert all("native speaker" in i.review_note for i in romanian)


def test_loading_again_changes_nothing_an_editor_changed(demo_site):
    _load()
    edited = Indicator.objects.filter(locale=Locale.get_default()).first()
    edited.text = "An editor's better question?"
    edited.save()
    count = Indicator.objects.count()
    assert "0 indicator copies added" in _load()
    assert Indicator.objects.count() == count
    edited.refresh_from_db()
    assert edited.text == "An editor's better question?"

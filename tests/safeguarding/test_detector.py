"""The danger detector on the cases the issue names, in every site language, and what a writer sees.

The sentences are written for these tests and are not in the evaluation set.
"""

import pytest
from django.test import Client

from mscos.forum.models import Post, Status
from mscos.moderation.safeguarding import assess
from tests.forum.conftest import form_data

DANGER = {
    "en": [
        "he is outside my door and I am scared he will hurt me",
        "my boss has my passport and says he will hurt my family if I go to the police",
        "I have pills saved and tonight I'm going to take them all",
        "they lock us in every night and take the key",
        "nobody would miss me if i was gone",
        "I've written my goodbye letters to my kids",
        "they said my mum back home will pay if i talk",
        "pls help im locked in a room he is coming back",
    ],
    "ro": [
        "mă omoară dacă află că am vorbit cu poliția",
        "ne încuie în cameră noaptea și ne ia telefoanele",
        "vreau să mor, nu mai pot",
        "a zis ca o sa ma bata si o sa-mi omoare mama acasa",
    ],
    "sq": [
        "do të më vrasë nëse i them dikujt",
        "na mbyllin në dhomë dhe na kanë marrë pasaportat",
        "nuk dua më të jetoj, sonte do ta mbaroj",
        "me kercenon se do ma vrasin familjen ne shqiperi",
    ],
    "ar": [
        "سيقتلني إذا عرف أنني كتبت هنا",
        "هم حابسيننا في البيت وأخذوا جوازاتنا",
        "ما بدي عيش، الليلة رح اخلص من حياتي",
        "هددني انه رح يأذي أهلي في البلد اذا تركت الشغل",
    ],
}
SAFE = {
    "en": [
        "What does safety from any trafficker mean for a housing service?",
        "Years ago my employer kept my passport; now I train police officers.",
        "The report says victims are often locked in at night by their exploiters.",
        "In the novel the villain threatens to kill her whole family.",
        "This heat is killing me, is the workshop still on?",
        "If you are in danger, call 999 and press 55 if you cannot speak.",
    ],
    "ro": [
        "Ce înseamnă siguranța față de traficanți pentru un serviciu social?",
        "Acum zece ani patronul mi-a luat pașaportul, azi sunt bine și lucrez.",
        "Mă omoară căldura asta, dar vin la atelier.",
    ],
    "sq": [
        "Si mund ta matë një shërbim sigurinë nga trafikantët?",
        "Para shumë vitesh më morën pasaportën, sot jam e lirë dhe studioj.",
        "Në film, keqbërësi kërcënon ta vrasë.",
    ],
    "ar": [
        "كيف يمكن للخدمات أن تقيس الأمان من المتاجرين؟",
        "قبل سنوات أخذ صاحب العمل جوازي، أما اليوم فأنا بخير وأدرس.",
        "في الرواية يهدد الشرير بقتل البطلة.",
    ],
}


@pytest.mark.parametrize(
    "text", [text for texts in DANGER.values() for text in texts], ids=lambda t: t[:30]
)
def test_a_person_in_danger_is_found_however_they_write(text):
    assessment = assess(text)
    assert assessment.urgent, assessment.reason()


@pytest.mark.parametrize(
    "text", [text for texts in SAFE.values() for text in texts], ids=lambda t: t[:30]
)
def test_talk_about_safety_the_past_reports_fiction_and_idioms_raise_no_alarm(text):
    assessment = assess(text)
    assert not assessment.urgent, assessment.reason()


def test_moderators_are_told_which_rule_fired_and_the_score(db):
    reason = assess("he is outside my door and I am scared he will hurt me").reason()
    assert reason.startswith("safeguarding (en, score ")
    assert "outside my door" in reason and "model " in reason


def test_without_the_model_the_lexicon_still_finds_danger(settings):
    settings.SAFEGUARDING_MODEL = False
    assessment = assess("they lock us in every night and take the key")
    assert assessment.urgent and assessment.model_probability is None


@pytest.mark.parametrize(
    ("language", "text", "help_heading"),
    [
        ("ar", "سيقتلني إذا عرف أنني كتبت هنا", "لست وحدك"),
        ("ro", "mă omoară dacă află că am vorbit cu poliția", "Nu sunteți singur"),
        ("sq", "do të më vrasë nëse i them dikujt", "Nuk jeni vetëm"),
    ],
)
def test_the_writer_sees_help_at_once_in_their_language(
    fresh_cache, member, topic, language, text, help_heading
):
    client = Client()
    client.force_login(member)
    response = client.post(
        f"/{language}/forums/t/{topic.pk}/reply/", form_data(body=text, language=language)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert help_heading in html and "08000 121 700" in html
    post = Post.objects.get(body=text)
    assert post.status == Status.PENDING and post.is_urgent
    assert post.held_because.startswith("safeguarding (")

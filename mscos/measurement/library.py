"""The first indicator library: for each of the seven core outcomes, two questions the survivor
answers and one thing the practitioner observes, in every site language.

Everything here is a DRAFT written by the development team in its own words. It is loaded marked
"Draft: waiting for review", for experts by lived experience to read and change in the admin
(Snippets → Indicator library) before services rely on it. The Romanian, Albanian and Arabic
words were written without a native speaker: each copy says so in its note for reviewers, and
needs review by a native speaker, ideally one with experience of support work.

`library_load` adds what is missing and never changes an indicator someone has edited.
"""

import dataclasses
import uuid

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from mscos.measurement.models import POINT_FIELDS, Indicator
from mscos.outcomes.models import LongListOutcome

# Stable translation keys, so loading again finds what it loaded before.
_NAMESPACE = uuid.UUID("6f1f4f1e-2b0c-4c7e-9a57-0f3c1a2d9e11")

ENGLISH_NOTE = (
    "First draft by the development team, in its own words: needs review by experts by lived "
    "experience before services rely on it."
)
TRANSLATION_NOTE = (
    "Translated without a native speaker: needs review by a native speaker, ideally one with "
    "experience of support work."
)
UNTRANSLATED_NOTE = "Not translated yet: this copy still has the English words."

# Scales, lowest point first; the words on every point, in every language.
Scale = dict[str, tuple[str, ...]]
AMOUNT: Scale = {
    "en-gb": ("Not at all", "A little", "Somewhat", "Mostly", "Completely"),
    "ro": ("Deloc", "Puțin", "Într-o oarecare măsură", "În mare parte", "Complet"),
    "sq": ("Aspak", "Pak", "Deri diku", "Kryesisht", "Plotësisht"),
    "ar": ("أبدًا", "قليلًا", "إلى حدٍّ ما", "في الغالب", "تمامًا"),
}
FREQUENCY: Scale = {
    "en-gb": ("Never", "Rarely", "Sometimes", "Often", "Always"),
    "ro": ("Niciodată", "Rar", "Uneori", "Des", "Întotdeauna"),
    "sq": ("Kurrë", "Rrallë", "Ndonjëherë", "Shpesh", "Gjithmonë"),
    "ar": ("أبدًا", "نادرًا", "أحيانًا", "غالبًا", "دائمًا"),
}
# For a worry, "never" is the best answer: the same words, the other way round.
WORRY: Scale = {language: tuple(reversed(words)) for language, words in FREQUENCY.items()}
EASE: Scale = {
    "en-gb": ("Very hard", "Hard", "Neither easy nor hard", "Easy", "Very easy"),
    "ro": ("Foarte greu", "Greu", "Nici ușor, nici greu", "Ușor", "Foarte ușor"),
    "sq": (
        "Shumë e vështirë",
        "E vështirë",
        "As e lehtë, as e vështirë",
        "E lehtë",
        "Shumë e lehtë",
    ),
    "ar": ("صعب جدًا", "صعب", "لا سهل ولا صعب", "سهل", "سهل جدًا"),
}


@dataclasses.dataclass(frozen=True)
class Entry:
    key: str
    outcome_number: int  # the core outcome's number in the set
    texts: dict[str, str]  # language code → words
    scale: Scale | None = None  # None: practitioner-observed


LIBRARY = [
    # 1. Secure and suitable housing
    Entry(
        "housing-at-home",
        1,
        {
            "en-gb": "How much do you feel at home in the place where you live now?",
            "ro": "În ce măsură vă simțiți acasă în locul în care locuiți acum?",
            "sq": "Sa ndiheni si në shtëpinë tuaj në vendin ku jetoni tani?",
            "ar": "إلى أي مدى تشعر بأنك في بيتك في المكان الذي تعيش فيه الآن؟",
        },
        AMOUNT,
    ),
    Entry(
        "housing-sleep",
        1,
        {
            "en-gb": "How safe and comfortable is the place where you sleep?",
            "ro": "Cât de sigur și de confortabil este locul în care dormiți?",
            "sq": "Sa i sigurt dhe i rehatshëm është vendi ku flini?",
            "ar": "إلى أي مدى يكون المكان الذي تنام فيه آمنًا ومريحًا؟",
        },
        AMOUNT,
    ),
    Entry(
        "housing-tenancy",
        1,
        {
            "en-gb": "Has a secure tenancy, or an agreed place to live, for 6 months or more",
            "ro": "Are un contract de închiriere sigur sau un loc de locuit stabilit pentru cel "
            "puțin 6 luni",
            "sq": "Ka një qira të sigurt, ose një vend banimi të rënë dakord, për 6 muaj ose më "
            "shumë",
            "ar": "لديه عقد إيجار مضمون، أو مكان متفق عليه للسكن، لمدة 6 أشهر أو أكثر",
        },
    ),
    # 2. Safety from any trafficker or other abuser
    Entry(
        "safety-from-exploiters",
        2,
        {
            "en-gb": "How safe do you feel from the people who exploited you?",
            "ro": "Cât de în siguranță vă simțiți față de oamenii care v-au exploatat?",
            "sq": "Sa të sigurt ndiheni nga njerëzit që ju shfrytëzuan?",
            "ar": "إلى أي مدى تشعر بالأمان من الأشخاص الذين استغلّوك؟",
        },
        AMOUNT,
    ),
    Entry(
        "safety-worry-found",
        2,
        {
            "en-gb": "How often do you worry that someone from the past could find or contact you?",
            "ro": "Cât de des vă îngrijorează gândul că cineva din trecut v-ar putea găsi sau "
            "contacta?",
            "sq": "Sa shpesh shqetësoheni se dikush nga e kaluara mund t'ju gjejë ose t'ju "
            "kontaktojë?",
            "ar": "كم مرة تقلق من أن يجدك أو يتصل بك شخص من الماضي؟",
        },
        WORRY,
    ),
    Entry(
        "safety-plan",
        2,
        {
            "en-gb": "Has a safety plan they helped to write, looked at again in the last 3 months",
            "ro": "Are un plan de siguranță la care a contribuit, revăzut în ultimele 3 luni",
            "sq": "Ka një plan sigurie që ka ndihmuar ta shkruajë, të rishikuar në 3 muajt e "
            "fundit",
            "ar": "لديه خطة أمان شارك في كتابتها وتمت مراجعتها خلال الأشهر الثلاثة الأخيرة",
        },
    ),
    # 3. Long-term, consistent support
    Entry(
        "support-still-there",
        3,
        {
            "en-gb": "How much do you trust that support will still be there when you need it in "
            "the coming months?",
            "ro": "În ce măsură credeți că veți avea în continuare sprijin atunci când veți avea "
            "nevoie, în lunile următoare?",
            "sq": "Sa besoni se mbështetja do të jetë ende aty kur t'ju duhet, në muajt që vijnë?",
            "ar": "إلى أي مدى تثق بأن الدعم سيبقى متاحًا لك عندما تحتاج إليه في الأشهر القادمة؟",
        },
        AMOUNT,
    ),
    Entry(
        "support-someone-to-turn-to",
        3,
        {
            "en-gb": "How often do you have someone you trust to turn to when things are hard?",
            "ro": "Cât de des aveți pe cineva de încredere la care să apelați când vă este greu?",
            "sq": "Sa shpesh keni dikë të besuar te i cili mund të drejtoheni kur gjërat janë të "
            "vështira?",
            "ar": "كم مرة يكون لديك شخص تثق به تلجأ إليه عندما تصعب الأمور؟",
        },
        FREQUENCY,
    ),
    Entry(
        "support-same-worker",
        3,
        {
            "en-gb": "Has had the same key worker, or a planned hand-over, for the last 6 months",
            "ro": "A avut același asistent de caz, sau o predare planificată, în ultimele 6 luni",
            "sq": "Ka pasur të njëjtin punonjës kryesor, ose një dorëzim të planifikuar, gjatë 6 "
            "muajve të fundit",
            "ar": "كان لديه العامل المسؤول نفسه، أو انتقال مخطط له، خلال الأشهر الستة الأخيرة",
        },
    ),
    # 4. Compassionate, trauma-informed services
    Entry(
        "services-listened-to",
        4,
        {
            "en-gb": "When you use services, how much do you feel listened to?",
            "ro": "Când apelați la servicii, în ce măsură simțiți că oamenii vă ascultă?",
            "sq": "Kur përdorni shërbimet, sa ndieni se ju dëgjojnë?",
            "ar": "عندما تستخدم الخدمات، إلى أي مدى تشعر بأن هناك من يستمع إليك؟",
        },
        AMOUNT,
    ),
    Entry(
        "services-have-a-say",
        4,
        {
            "en-gb": "How much do you feel you have a say in the decisions about your support?",
            "ro": "În ce măsură simțiți că aveți un cuvânt de spus în deciziile despre sprijinul "
            "dumneavoastră?",
            "sq": "Sa ndieni se keni fjalë në vendimet për mbështetjen tuaj?",
            "ar": "إلى أي مدى تشعر بأن لك رأيًا في القرارات المتعلقة بالدعم الذي تتلقاه؟",
        },
        AMOUNT,
    ),
    Entry(
        "services-interpreter-choice",
        4,
        {
            "en-gb": "Was offered an interpreter, and a choice of worker (for example a woman or a "
            "man), when they needed one",
            "ro": "I s-au oferit un interpret și posibilitatea de a alege persoana care îl "
            "sprijină (de exemplu o femeie sau un bărbat), atunci când a avut nevoie",
            "sq": "Iu ofrua një përkthyes dhe mundësia për të zgjedhur punonjësin (për shembull "
            "një grua ose një burrë), kur pati nevojë",
            "ar": "عُرض عليه مترجم، وإمكانية اختيار العامل (مثل امرأة أو رجل)، عندما احتاج إلى ذلك",
        },
    ),
    # 5. Finding purpose in life and self-actualisation
    Entry(
        "purpose-things-that-matter",
        5,
        {
            "en-gb": "How often do you do things in your day that matter to you?",
            "ro": "Cât de des faceți, în timpul zilei, lucruri care contează pentru dumneavoastră?",
            "sq": "Sa shpesh bëni gjatë ditës gjëra që kanë rëndësi për ju?",
            "ar": "كم مرة تقوم خلال يومك بأشياء تهمّك؟",
        },
        FREQUENCY,
    ),
    Entry(
        "purpose-hopeful",
        5,
        {
            "en-gb": "How much hope do you feel about your future?",
            "ro": "Câtă speranță aveți în privința viitorului dumneavoastră?",
            "sq": "Sa shpresë keni për të ardhmen tuaj?",
            "ar": "إلى أي مدى تشعر بالأمل تجاه مستقبلك؟",
        },
        AMOUNT,
    ),
    Entry(
        "purpose-weekly-activity",
        5,
        {
            "en-gb": "Takes part each week in something they chose: work, volunteering, a group, "
            "faith or a hobby",
            "ro": "Participă în fiecare săptămână la ceva ales de el sau de ea: muncă, "
            "voluntariat, un grup, credință sau un hobby",
            "sq": "Merr pjesë çdo javë në diçka që ka zgjedhur vetë: punë, vullnetarizëm, një "
            "grup, besim ose një hobi",
            "ar": "يشارك كل أسبوع في نشاط اختاره بنفسه: عمل أو تطوع أو مجموعة أو عبادة أو هواية",
        },
    ),
    # 6. Access to medical treatment
    Entry(
        "medical-see-someone",
        6,
        {
            "en-gb": "When you need a doctor or a nurse, how easy is it to see one?",
            "ro": "Când aveți nevoie de un medic sau de o asistentă, cât de ușor vă este să "
            "ajungeți la unul?",
            "sq": "Kur ju duhet një mjek ose një infermier, sa e lehtë është të takoni një të "
            "tillë?",
            "ar": "عندما تحتاج إلى طبيب أو ممرض، ما مدى سهولة الوصول إليه؟",
        },
        EASE,
    ),
    Entry(
        "medical-taken-seriously",
        6,
        {
            "en-gb": "How much do you feel your worries about your health are taken seriously?",
            "ro": "În ce măsură simțiți că grijile dumneavoastră legate de sănătate sunt luate în "
            "serios?",
            "sq": "Sa ndieni se shqetësimet tuaja për shëndetin merren seriozisht?",
            "ar": "إلى أي مدى تشعر بأن مخاوفك الصحية تؤخذ على محمل الجد؟",
        },
        AMOUNT,
    ),
    Entry(
        "medical-registered",
        6,
        {
            "en-gb": "Is registered with a GP (a family doctor) or the local equivalent",
            "ro": "Este înscris sau înscrisă la un medic de familie",
            "sq": "Është i regjistruar ose e regjistruar te një mjek familjeje",
            "ar": "مسجّل لدى طبيب عام (طبيب أسرة) أو ما يعادله محليًا",
        },
    ),
    # 7. Access to education
    Entry(
        "education-learn",
        7,
        {
            "en-gb": "How easy is it for you to learn what you want to learn, such as a language, "
            "a course or a skill?",
            "ro": "Cât de ușor vă este să învățați ce doriți, de exemplu o limbă, un curs sau o "
            "meserie?",
            "sq": "Sa e lehtë është për ju të mësoni atë që dëshironi, si një gjuhë, një kurs ose "
            "një aftësi?",
            "ar": "ما مدى سهولة أن تتعلم ما تريد تعلمه، مثل لغة أو دورة أو مهارة؟",
        },
        EASE,
    ),
    Entry(
        "education-language-confidence",
        7,
        {
            "en-gb": "How confident do you feel speaking and reading the language used where you "
            "live?",
            "ro": "Câtă încredere aveți când vorbiți și citiți în limba folosită acolo unde "
            "locuiți?",
            "sq": "Sa të sigurt ndiheni kur flisni dhe lexoni gjuhën që përdoret aty ku jetoni?",
            "ar": "إلى أي مدى تشعر بالثقة عند التحدث والقراءة باللغة المستخدمة حيث تعيش؟",
        },
        AMOUNT,
    ),
    Entry(
        "education-enrolled",
        7,
        {
            "en-gb": "Is enrolled in a class, course or training they chose, or is on a waiting "
            "list for one",
            "ro": "Este înscris sau înscrisă la o clasă, un curs sau o formare aleasă de el sau de "
            "ea, ori pe o listă de așteptare",
            "sq": "Është regjistruar në një klasë, kurs ose trajnim që ka zgjedhur, ose është në "
            "listë pritjeje për një të tillë",
            "ar": "مسجّل في صف أو دورة أو تدريب اختاره، أو على قائمة انتظار لأحدها",
        },
    ),
]


def _translation_key(entry: Entry) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, entry.key)


def _fields(entry: Entry, language: str) -> dict:
    fields = {"text": entry.texts[language]}
    words = entry.scale[language] if entry.scale else ()
    for name, label in zip(POINT_FIELDS, words, strict=False):
        fields[name] = label
    return fields


def _locales() -> dict[str, Locale]:
    codes = [code for code, _name in settings.LANGUAGES]
    return {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)
    }


def library_load() -> int:
    """Adds the draft library where its outcomes exist; how many indicator copies it added."""
    locales = _locales()
    default = Locale.get_default()
    outcomes = {
        outcome.outcome_page.number: outcome
        for outcome in LongListOutcome.objects.filter(outcome_page__number__isnull=False)
        .select_related("outcome_page")
        .order_by("pk")
    }
    added = 0
    with transaction.atomic():
        for order, entry in enumerate(LIBRARY, start=1):
            outcome = outcomes.get(entry.outcome_number)
            if outcome is None:
                continue
            key = _translation_key(entry)
            for code, locale in locales.items():
                language = code if code in entry.texts else default.language_code
                _indicator, created = Indicator.objects.get_or_create(
                    translation_key=key,
                    locale=locale,
                    defaults={
                        "outcome": outcome,
                        "kind": Indicator.Kind.SURVIVOR
                        if entry.scale
                        else Indicator.Kind.PRACTITIONER,
                        "review_status": Indicator.Review.DRAFT,
                        "review_note": ENGLISH_NOTE if locale == default else TRANSLATION_NOTE,
                        "sort_order": order,
                        **_fields(entry, language),
                    },
                )
                added += created
    return added


def translations_ensure(indicator: Indicator) -> int:
    """Gives a new indicator a copy in every site language (English words, marked to translate)."""
    source = indicator.source()
    existing = set(
        Indicator.objects.filter(translation_key=source.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    added = 0
    for locale in _locales().values():
        if locale.pk in existing:
            continue
        copy = source.copy_for_translation(locale)
        copy.review_status = Indicator.Review.DRAFT
        copy.review_note = UNTRANSLATED_NOTE
        copy.save()
        added += 1
    return added

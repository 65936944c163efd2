"""The "Staying safe online" page in every language the site offers, made as an editor would with
Wagtail's simple translation (a copy in the other locale, then translated and published).

These translations are first drafts for a native speaker to review (docs/translations.md),
including the section on what the site keeps on a device (issue 14), which needs a check by a
reviewer who knows the words people there use for cookies, tabs and history.
"""

from collections.abc import Callable

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from mscos.demo import content_updates
from mscos.demo.content_translated_pages import (
    HOME,
    LIST_HEADINGS,
    OUTCOMES,
    OUTCOMES_INDEX,
    QUOTES,
    SET_PAGE,
    UPDATE,
)

STAYING_SAFE = {
    "ro": {
        "slug": "siguranta-online",
        "title": "Siguranța online",
        "intro": (
            "Dacă cineva vă poate verifica ce faceți pe telefon sau pe calculator, acești pași vă "
            "pot ajuta să vizitați acest site mai în siguranță."
        ),
        "body": [
            ("heading", "Butonul Ieșiți de pe pagină"),
            (
                "paragraph",
                "<p>Butonul roșu Ieșiți de pe pagină din partea de sus a fiecărei pagini vă duce "
                "direct la un site cu vremea. Cu JavaScript pornit, apăsarea tastei Shift de trei "
                "ori face același lucru. Pagina pe care o citeați dispare imediat de pe ecran, iar "
                "butonul Înapoi nu o aduce înapoi.</p><p>Vă scoate și din cont, șterge "
                "cookie-urile acestui site și orice ciornă netrimisă și îi cere browserului să "
                "uite ce a păstrat acest site.</p>",
            ),
            ("heading", "Ce nu poate face"),
            (
                "paragraph",
                "<p>Butonul ajută dacă intră cineva sau se uită peste umărul dumneavoastră. Nu vă "
                "protejează de cineva care vă verifică dispozitivul mai târziu sau care îl "
                "supraveghează cu un program de monitorizare, nici de supravegherea rețelei. Dacă "
                "apăsați Înapoi după Ieșire, pot apărea încă paginile vizitate înainte de cea pe "
                "care ați părăsit-o, iar toate paginile vizitate rămân în istoricul "
                "browserului.</p>",
            ),
            ("heading", "Ce păstrează acest site pe dispozitivul dumneavoastră"),
            (
                "paragraph",
                "<ul><li>Dacă doar citiți, nimic: niciun cookie.</li><li>Când deschideți o pagină "
                "cu un formular (ca să postați sau să ne scrieți), un cookie de securitate care "
                "împiedică alte site-uri să trimită formulare în numele dumneavoastră. Se șterge "
                "când închideți browserul.</li><li>Când vă autentificați, un cookie care vă ține "
                "autentificat. Dispare când ieșiți din cont, după o perioadă fără activitate sau "
                "când apăsați Ieșiți.</li><li>Cât timp scrieți o postare, o copie a textului doar "
                "în această filă a browserului, ca să nu îl pierdeți dacă se întrerupe conexiunea. "
                "Se șterge când trimiteți, când ieșiți din cont, când apăsați Ieșiți sau când "
                "închideți fila, și după cel mult 3 ore. Fără cont, copia se păstrează doar dacă "
                "bifați „Păstrați o copie cât timp scriu”.</li><li>Istoricul propriu al "
                "browserului cu paginile vizitate, pe care acest site nu îl poate șterge.</li>"
                "</ul><p>Dacă postați fără cont, primiți un link privat pentru a vă modifica "
                "postarea. Nu îl păstrăm pe dispozitivul dumneavoastră; dacă îl salvați, oricine "
                "îl găsește vă poate modifica postarea.</p>",
            ),
            ("heading", "Navigare mai privată"),
            (
                "paragraph",
                "<ul><li>Folosiți o fereastră privată sau incognito. Browserul nu păstrează "
                "istoricul vizitei după ce fereastra este închisă.</li><li>Dacă nu puteți, "
                "ștergeți istoricul după aceea: în majoritatea browserelor apăsați Ctrl+H "
                "(Cmd+Y pe Mac), "
                "apoi ștergeți paginile acestui site. Ștergerea întregului istoric deodată poate "
                "părea neobișnuită cuiva care vă urmărește.</li><li>Folosiți un dispozitiv la "
                "care cealaltă persoană nu are acces, de exemplu un calculator de la bibliotecă "
                "sau telefonul unui prieten.</li></ul>",
            ),
            (
                "callout",
                {
                    "heading": "Ajutor acum",
                    "text": "<p>Dacă sunteți în pericol acum: sunați la 999. Dacă nu puteți vorbi, "
                    "rămâneți la telefon și apăsați 55 când vi se cere. Pentru sfaturi "
                    "confidențiale oricând, sunați la Linia de ajutor pentru sclavie modernă și "
                    "exploatare la 08000 121 700. Este gratuită, deschisă 24 de ore din 24 și nu "
                    "trebuie să vă spuneți numele.</p>",
                },
            ),
        ],
    },
    "sq": {
        "slug": "siguria-ne-internet",
        "title": "Të qëndroni të sigurt në internet",
        "intro": (
            "Nëse dikush mund të kontrollojë çfarë bëni në telefon ose në kompjuter, këta hapa "
            "mund t'ju ndihmojnë ta vizitoni këtë faqe më të sigurt."
        ),
        "body": [
            ("heading", "Butoni Dilni nga faqja"),
            (
                "paragraph",
                "<p>Butoni i kuq Dilni nga faqja në krye të çdo faqeje ju çon drejt e në një faqe "
                "për motin. Me JavaScript të ndezur, shtypja e tastit Shift tri herë bën të "
                "njëjtën gjë. Faqja që po lexonit zhduket menjëherë nga ekrani dhe butoni "
                "Mbrapa nuk e kthen.</p><p>Ju nxjerr edhe nga llogaria, fshin cookie-t e kësaj "
                "faqeje dhe çdo draft të padërguar, dhe i kërkon shfletuesit të harrojë atë që ka "
                "ruajtur kjo faqe.</p>",
            ),
            ("heading", "Çfarë nuk mund të bëjë"),
            (
                "paragraph",
                "<p>Butoni ndihmon nëse dikush hyn ose shikon mbi supin tuaj. Nuk ju mbron nga "
                "dikush që e kontrollon pajisjen tuaj më vonë ose që e përgjon me një program "
                "monitorimi, as nga përgjimi i rrjetit. Nëse shtypni Mbrapa pas daljes, mund të "
                "shfaqen ende faqet që vizituat para asaj që latë, dhe të gjitha faqet e vizituara "
                "mbeten në historikun e shfletuesit.</p>",
            ),
            ("heading", "Çfarë mban kjo faqe në pajisjen tuaj"),
            (
                "paragraph",
                "<ul><li>Nëse vetëm lexoni, asgjë: asnjë cookie.</li><li>Kur hapni një faqe me "
                "formular (për të postuar ose për të na shkruar), një cookie sigurie që pengon "
                "faqet e tjera të dërgojnë formularë në emrin tuaj. Fshihet kur mbyllni "
                "shfletuesin.</li><li>Kur hyni në llogari, një cookie që ju mban të identifikuar. "
                "Mbaron kur dilni nga llogaria, pas një kohe pa aktivitet ose kur shtypni "
                "Dilni.</li><li>Ndërsa shkruani një postim, një kopje e fjalëve tuaja vetëm në "
                "këtë skedë të shfletuesit, që të mos humbasin nëse ndërpritet lidhja. Fshihet kur "
                "e dërgoni, kur dilni nga llogaria, kur shtypni Dilni ose kur mbyllni skedën, dhe "
                "pas 3 orësh më së shumti. Pa llogari, kopja ruhet vetëm nëse shënoni „Ruaj një "
                "kopje ndërsa shkruaj”.</li><li>Historiku i vetë shfletuesit me faqet që keni "
                "vizituar, të cilin kjo faqe nuk mund ta fshijë.</li></ul><p>Nëse postoni pa "
                "llogari, merrni një lidhje private për ta ndryshuar postimin. Ne nuk e mbajmë "
                "në pajisjen tuaj; nëse e ruani, kushdo që e gjen mund ta ndryshojë postimin "
                "tuaj.</p>",
            ),
            ("heading", "Shfletim më privat"),
            (
                "paragraph",
                "<ul><li>Përdorni një dritare private ose inkognito. Shfletuesi nuk e mban "
                "historikun e vizitës pasi dritarja mbyllet.</li><li>Nëse nuk mundeni, fshini "
                "historikun më pas: në shumicën e shfletuesve shtypni Ctrl+H (Cmd+Y në Mac), "
                "pastaj hiqni faqet e kësaj faqeje. Fshirja e gjithë historikut njëherësh mund "
                "t'i duket e pazakontë dikujt që ju vëzhgon.</li><li>Përdorni një pajisje që "
                "personi tjetër nuk e arrin, si një kompjuter biblioteke ose telefonin e një "
                "shoku.</li></ul>",
            ),
            (
                "callout",
                {
                    "heading": "Ndihmë tani",
                    "text": "<p>Nëse jeni në rrezik tani: telefononi 999. Nëse nuk mund të flisni, "
                    "qëndroni në linjë dhe shtypni 55 kur t'ju kërkohet. Për këshilla "
                    "konfidenciale në çdo kohë, telefononi Linjën e ndihmës për skllavërinë "
                    "moderne dhe shfrytëzimin në 08000 121 700. Është falas, e hapur 24 orë në "
                    "ditë dhe nuk keni nevojë ta jepni emrin tuaj.</p>",
                },
            ),
        ],
    },
    "ar": {
        "slug": "staying-safe-online",
        "title": "البقاء آمنًا على الإنترنت",
        "intro": (
            "إذا كان أحد قد يتفقد ما تفعله على هاتفك أو حاسوبك، فهذه الخطوات قد تساعدك على زيارة "
            "هذا الموقع بأمان أكبر."
        ),
        "body": [
            ("heading", "زر الخروج من الصفحة"),
            (
                "paragraph",
                "<p>زر الخروج من الصفحة الأحمر في أعلى كل صفحة ينقلك مباشرة إلى موقع عن الطقس. "
                "إذا كانت JavaScript مفعّلة، فالضغط على مفتاح Shift ثلاث مرات يفعل الشيء نفسه. "
                "تختفي الصفحة التي كنت تقرؤها من الشاشة فورًا، والضغط على زر الرجوع لا يعيدها."
                "</p><p>كما يخرجك من حسابك، ويحذف ملفات تعريف الارتباط الخاصة بهذا الموقع وأي "
                "مسودة لم ترسلها، ويطلب من المتصفح أن ينسى ما حفظه هذا الموقع.</p>",
            ),
            ("heading", "ما لا يستطيع فعله"),
            (
                "paragraph",
                "<p>يساعد الزر إذا دخل أحد أو نظر من فوق كتفك. لكنه لا يحميك من شخص يتفقد جهازك "
                "لاحقًا أو يراقبه ببرنامج مراقبة، ولا من مراقبة شبكتك. قد يُظهر الضغط على زر "
                "الرجوع بعد الخروج الصفحات التي زرتها قبل الصفحة التي غادرتها، وتبقى كل الصفحات "
                "التي زرتها في سجل التصفح.</p>",
            ),
            ("heading", "ما يحفظه هذا الموقع على جهازك"),
            (
                "paragraph",
                "<ul><li>إذا كنت تقرأ فقط، فلا شيء: لا ملف تعريف ارتباط على الإطلاق.</li><li>عند "
                "فتح صفحة فيها نموذج (للنشر أو لمراسلتنا)، ملف تعريف ارتباط أمني واحد يمنع "
                "المواقع الأخرى من إرسال نماذج باسمك. يُحذف عند إغلاق المتصفح.</li><li>عند تسجيل "
                "الدخول، ملف تعريف ارتباط يبقيك مسجلًا. ينتهي عند تسجيل الخروج، أو بعد مدة دون "
                "نشاط، أو عند الضغط على زر الخروج.</li><li>أثناء كتابة منشور، نسخة من كلماتك في "
                "علامة التبويب هذه فقط، حتى لا تضيع إذا انقطع الاتصال. تُحذف عند الإرسال أو تسجيل "
                "الخروج أو الضغط على زر الخروج أو إغلاق علامة التبويب، وبعد 3 ساعات على الأكثر. "
                "ودون حساب، لا تُحفظ النسخة إلا إذا حددت «احتفظ بنسخة أثناء الكتابة».</li><li>سجل "
                "المتصفح نفسه للصفحات التي زرتها، ولا يستطيع هذا الموقع حذفه.</li></ul><p>إذا "
                "نشرت دون حساب، تحصل على رابط خاص لتغيير منشورك. لا نحفظه على جهازك؛ وإذا حفظته "
                "أنت، فمن يجده يستطيع تغيير منشورك.</p>",
            ),
            ("heading", "تصفح أكثر خصوصية"),
            (
                "paragraph",
                "<ul><li>استخدم نافذة خاصة أو نافذة التصفح المتخفي. لا يحتفظ المتصفح بسجل الزيارة "
                "بعد إغلاق النافذة.</li><li>إذا لم تستطع، امسح السجل بعد ذلك: في معظم المتصفحات "
                "اضغط Ctrl+H (أو Cmd+Y على Mac)، ثم احذف صفحات هذا الموقع. مسح السجل كله مرة "
                "واحدة قد يبدو غريبًا لمن يراقبك.</li><li>استخدم جهازًا لا يصل إليه الشخص الآخر، "
                "مثل حاسوب في مكتبة أو هاتف صديق.</li></ul>",
            ),
            (
                "callout",
                {
                    "heading": "مساعدة الآن",
                    "text": "<p>إذا كنت في خطر الآن: اتصل بـ 999. إذا لم تستطع الكلام، "
                    "فابقَ على الخط واضغط 55 عندما يُطلب منك. للحصول على نصيحة سرية في أي وقت، "
                    "اتصل بخط المساعدة للعبودية الحديثة والاستغلال على الرقم 08000 121 700. "
                    "الخط مجاني ومفتوح على مدار 24 ساعة، ولا يلزمك أن تذكر اسمك.</p>",
                },
            ),
        ],
    },
}


def translate_staying_safe(page: Page) -> None:
    """Translations of the staying-safe page, made once; an editor's later changes are kept."""
    for language_code, words in STAYING_SAFE.items():
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        if page.get_translation_or_none(locale) is not None:
            continue
        translation = page.copy_for_translation(locale, copy_parents=True).specific
        translation.slug = words["slug"]
        translation.title = words["title"]
        translation.intro = words["intro"]
        translation.body = [
            (kind, RichText(value) if kind == "paragraph" else value)
            for kind, value in words["body"]
        ]
        translation.save()
        translation.save_revision().publish()


# The update's label ("Week 22") in each language: "{number}" is the week's number.
WEEK_LABEL = {"ro": "Săptămâna {number}", "sq": "Java {number}", "ar": "الأسبوع {number}"}


def translate_page(page: Page, language_code: str, fill: Callable[[Page], None]) -> None:
    """A real translation of the page, as an editor makes one: a copy in the other language (or
    the untranslated alias Wagtail made of a parent, turned into a page of its own), filled in by
    `fill` and published. Made once; a translation that exists is kept as editors left it."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    # As saved: the loader's copy in memory may predate blocks added since (outcomes.py).
    page = page.specific_class.objects.get(pk=page.pk)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return
    if existing is not None:
        ConvertAliasPageAction(existing.specific).execute(skip_permission_checks=True)
        translation = Page.objects.get(pk=existing.pk).specific
    else:
        translation = page.copy_for_translation(locale, copy_parents=True).specific
    fill(translation)
    translation.save()
    translation.save_revision().publish()


def _rich(blocks):
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks]


def _fill_fields(words: dict) -> Callable[[Page], None]:
    def fill(translation: Page) -> None:
        if "slug" in words:
            translation.slug = words["slug"]
        translation.title = words["title"]
        translation.intro = words["intro"]
        translation.body = _rich(words["body"])

    return fill


LISTS = ("practice_examples", "recommendations", "resources")


def _fill_outcome(words: tuple[str, str, str, str]) -> Callable[[Page], None]:
    slug, title, summary, descriptor = words

    def fill(translation: Page) -> None:
        translation.slug, translation.title = slug, title
        translation.summary, translation.descriptor = summary, descriptor
        translation.other_names = ""  # other English names; an editor adds this language's
        code = translation.locale.language_code
        # The copied blocks keep their pictures and lists; only the quoted words change.
        for block in translation.body:
            value = block.value
            if block.block_type in ("featured_clip", "perspective") and value["quote"] in QUOTES:
                value["quote"], value["role"] = QUOTES[value["quote"]][code]
            elif block.block_type in LISTS and value["heading"] in LIST_HEADINGS:
                value["heading"] = LIST_HEADINGS[value["heading"]][code]

    return fill


def _fill_update(words: dict, english: Page) -> Callable[[Page], None]:
    def fill(translation: Page) -> None:
        code = translation.locale.language_code
        translation.slug, translation.title = words["slug"], words["title"]
        number = "".join(ch for ch in english.label if ch.isdigit())
        translation.label = WEEK_LABEL[code].format(number=number) if number else english.label
        translation.greeting, translation.summary = words["greeting"], words["summary"]
        translation.editors_credit = words["editors_credit"]
        teasers = iter(words["teasers"])
        forum_path = next(
            (b.value["link"] for b in english.body if b.block_type == "forum_call"), "/forums/"
        )
        blocks = []
        # The demo's own blocks (content_updates.body) with this language's words in them.
        for kind, english_value in content_updates.body(forum_path):
            value = dict(english_value)
            if kind == "feature":
                value.update(heading=words["feature_heading"], text=words["feature_text"])
            elif kind == "practice_example":
                value.update(description=words["example_description"], place=words["place"])
            elif kind == "speaker_quote":
                value.update(text=words["quote"], role=words["quote_role"])
            elif kind == "recommendations":
                value.update(
                    heading=words["recommendations_heading"],
                    source=words["recommendations_source"],
                    intro=words["recommendations_intro"],
                    items=[{"title": t, "text": x} for t, x in words["recommendations"]],
                )
            elif kind == "teaser":
                title, when, description = next(teasers)
                value.update(title=title, when=when, description=description)
            elif kind == "did_you_know":
                value.update(text=words["did_you_know"])
            elif kind == "forum_call":
                value.update(
                    heading=words["forum_heading"],
                    text=words["forum_text"],
                    link_text=words["forum_link_text"],
                )
            blocks.append((kind, value))
        translation.body = blocks

    return fill


def translate_pages(*, home: Page, outcomes_index: Page, outcome_pages, set_page, update) -> None:
    """The home page, the outcomes section and its pages, the set page and the latest update in
    every language, parents first (a child's translation needs its parent's)."""
    for code in ("ro", "sq", "ar"):
        translate_page(home, code, _fill_fields(HOME[code]))
        translate_page(outcomes_index, code, _fill_fields(OUTCOMES_INDEX[code]))
        for outcome in outcome_pages:
            if outcome.number in OUTCOMES:
                translate_page(outcome, code, _fill_outcome(OUTCOMES[outcome.number][code]))
        if set_page is not None:
            translate_page(set_page, code, _fill_fields(SET_PAGE[code]))
        if update is not None:
            translate_page(update, code, _fill_update(UPDATE[code], update))

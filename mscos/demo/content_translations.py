"""The "Staying safe online" page in every language the site offers, made as an editor would with
Wagtail's simple translation (a copy in the other locale, then translated and published).

These translations are first drafts for a native speaker to review (docs/translations.md).
"""

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

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
                "butonul Înapoi nu o aduce înapoi.</p><p>Vă scoate și din cont și îi cere "
                "browserului să uite ce a păstrat acest site.</p>",
            ),
            ("heading", "Ce nu poate face"),
            (
                "paragraph",
                "<p>Butonul ajută dacă intră cineva sau se uită peste umărul dumneavoastră. Nu vă "
                "ascunde vizita de cineva care se poate uita mai târziu în istoricul browserului "
                "sau care a pus un program de supraveghere pe dispozitiv sau în rețea. Paginile "
                "vizitate mai devreme pe acest site pot fi încă în istoric.</p>",
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
                    "text": "<p>Dacă sunteți în pericol acum: sunați la 999. Pentru sfaturi "
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
                "Mbrapa nuk e kthen.</p><p>Ju nxjerr edhe nga llogaria dhe i kërkon shfletuesit "
                "të harrojë "
                "atë që ka ruajtur kjo faqe.</p>",
            ),
            ("heading", "Çfarë nuk mund të bëjë"),
            (
                "paragraph",
                "<p>Butoni ndihmon nëse dikush hyn ose shikon mbi supin tuaj. Nuk e fsheh vizitën "
                "tuaj nga dikush që mund ta shohë më vonë historikun e shfletuesit, ose që ka vënë "
                "program përgjimi në pajisjen ose në rrjetin tuaj. Faqet e mëparshme të kësaj "
                "faqeje mund të jenë ende në historik.</p>",
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
                    "text": "<p>Nëse jeni në rrezik tani: telefononi 999. Për këshilla "
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
                "</p><p>كما يخرجك من حسابك ويطلب من المتصفح أن ينسى ما حفظه هذا الموقع.</p>",
            ),
            ("heading", "ما لا يستطيع فعله"),
            (
                "paragraph",
                "<p>يساعد الزر إذا دخل أحد أو نظر من فوق كتفك. لكنه لا يخفي زيارتك عن شخص يستطيع "
                "لاحقًا رؤية سجل التصفح، أو وضع برنامج مراقبة على جهازك أو شبكتك. قد تبقى صفحات "
                "سابقة من هذا الموقع في السجل.</p>",
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
                    "text": "<p>إذا كنت في خطر الآن: اتصل بـ 999. للحصول على نصيحة سرية في أي وقت، "
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

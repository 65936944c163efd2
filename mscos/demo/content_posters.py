# ruff: noqa: RUF001, RUF003 (Cyrillic letters and the × sign are meant)
"""Demo content for the help posters: a question library per sector (our own words, the seed's
three example questions as they are) and ready posters across sectors, formats and languages.
Translations are first drafts for review by native speakers."""

from wagtail.models import Page

from mscos.posters.models import (
    PosterIndexPage,
    PosterPage,
    PosterPageQuestion,
    PosterQuestion,
    PosterQuestionTranslation,
)

# (key, sector, pictogram, English, {language: translation})
QUESTIONS = [
    (
        "threatened",
        "",
        "warning",
        "Are you threatened by your employer?",
        {
            "ro": "Vă amenință angajatorul?",
            "sq": "A ju kërcënon punëdhënësi?",
            "ar": "هل يهددك صاحب العمل؟",
            "pl": "Czy pracodawca Ci grozi?",
            "bg": "Заплашва ли ви работодателят?",
            "vi": "Chủ lao động có đe dọa bạn không?",
            "ti": "ኣስራሒኻ የፈራርሓካ ድዩ?",
        },
    ),
    (
        "stay",
        "",
        "door",
        "Do you have to stay with your employer?",
        {
            "ro": "Sunteți obligat să rămâneți la angajator?",
            "sq": "A jeni i detyruar të qëndroni te punëdhënësi?",
            "ar": "هل أنت مجبر على البقاء مع صاحب العمل؟",
            "pl": "Czy musisz zostać u pracodawcy?",
            "bg": "Трябва ли да останете при работодателя си?",
            "vi": "Bạn có bị buộc phải ở lại với chủ lao động không?",
            "ti": "ምስ ኣስራሒኻ ክትጸንሕ ትግደድ ዶ?",
        },
    ),
    (
        "wage",
        "",
        "money",
        "Are you receiving the minimum wage?",
        {
            "ro": "Primiți salariul minim?",
            "sq": "A merrni pagën minimale?",
            "ar": "هل تحصل على الحد الأدنى للأجور؟",
            "pl": "Czy dostajesz płacę minimalną?",
            "bg": "Получавате ли минималната заплата?",
            "vi": "Bạn có được trả lương tối thiểu không?",
            "ti": "ዝተሓተ ደሞዝ ትረክብ ዶ?",
        },
    ),
    (
        "sleep",
        "hospitality",
        "home",
        "Do you sleep where you work?",
        {
            "ro": "Dormiți acolo unde munciți?",
            "sq": "A flini atje ku punoni?",
            "ar": "هل تنام في مكان عملك؟",
            "pl": "Czy śpisz tam, gdzie pracujesz?",
            "bg": "Спите ли там, където работите?",
            "vi": "Bạn có ngủ ở nơi làm việc không?",
            "ti": "ኣብ እትሰርሓሉ ቦታ ትድቅስ ዶ?",
        },
    ),
    (
        "earnings",
        "retail",
        "money",
        "Does someone else keep the money you earn?",
        {
            "ro": "Altcineva vă păstrează banii câștigați?",
            "sq": "A jua mban dikush tjetër paratë që fitoni?",
            "ar": "هل يحتفظ شخص آخر بالمال الذي تكسبه؟",
            "pl": "Czy ktoś inny zatrzymuje zarobione przez Ciebie pieniądze?",
            "bg": "Някой друг ли задържа парите, които изкарвате?",
            "vi": "Có người khác giữ số tiền bạn kiếm được không?",
            "ti": "ዝረኸብካዮ ገንዘብ ካልእ ሰብ ይሕዞ ዶ?",
        },
    ),
    (
        "hours",
        "car-wash",
        "clock",
        "Do you work long days with no day off?",
        {
            "ro": "Munciți zile lungi fără nicio zi liberă?",
            "sq": "A punoni ditë të gjata pa asnjë ditë pushimi?",
            "ar": "هل تعمل أيامًا طويلة بلا يوم راحة؟",
            "pl": "Czy pracujesz długo, bez dnia wolnego?",
            "bg": "Работите ли дълги дни без почивен ден?",
            "vi": "Bạn có làm việc nhiều giờ mỗi ngày mà không có ngày nghỉ không?",
            "ti": "ብዘይ ዕረፍቲ መዓልቲ ነዊሕ ትሰርሕ ዶ?",
        },
    ),
    (
        "passport",
        "nail-bar",
        "passport",
        "Does someone else hold your passport or ID?",
        {
            "ro": "Altcineva vă ține pașaportul sau actul de identitate?",
            "sq": "A jua mban dikush tjetër pasaportën ose letërnjoftimin?",
            "ar": "هل يحتفظ شخص آخر بجواز سفرك أو هويتك؟",
            "pl": "Czy ktoś inny trzyma Twój paszport lub dowód?",
            "bg": "Някой друг ли държи паспорта или личната ви карта?",
            "vi": "Có người khác giữ hộ chiếu hoặc giấy tờ tùy thân của bạn không?",
            "ti": "ፓስፖርትካ ወይ መንነት ወረቐትካ ካልእ ሰብ ሒዝዎ ዶ?",
        },
    ),
    (
        "debt",
        "agriculture",
        "money",
        "Do you owe money for your travel, housing or job?",
        {
            "ro": "Datorați bani pentru drum, locuință sau slujbă?",
            "sq": "A keni borxh për udhëtimin, banesën ose punën?",
            "ar": "هل عليك دين مقابل سفرك أو سكنك أو عملك؟",
            "pl": "Czy jesteś winien pieniądze za podróż, mieszkanie lub pracę?",
            "bg": "Дължите ли пари за пътя, жилището или работата си?",
            "vi": "Bạn có nợ tiền cho chuyến đi, chỗ ở hoặc công việc không?",
            "ti": "ንጉዕዞኻ፡ ንመንበሪኻ ወይ ንስራሕካ ዕዳ ኣለካ ዶ?",
        },
    ),
    (
        "afraid",
        "construction",
        "warning",
        "Are you afraid of what happens if you leave?",
        {
            "ro": "Vă este frică de ce se întâmplă dacă plecați?",
            "sq": "A keni frikë se çfarë ndodh nëse largoheni?",
            "ar": "هل تخاف مما سيحدث إذا غادرت؟",
            "pl": "Czy boisz się, co się stanie, jeśli odejdziesz?",
            "bg": "Страхувате ли се какво ще стане, ако си тръгнете?",
            "vi": "Bạn có sợ điều gì sẽ xảy ra nếu bạn bỏ đi không?",
            "ti": "እንተ ኸድካ እንታይ ከም ዝኸውን ትፈርህ ዶ?",
        },
    ),
    (
        "alone",
        "care",
        "door",
        "Can you go out on your own when you are not working?",
        {
            "ro": "Puteți ieși singur când nu sunteți la muncă?",
            "sq": "A mund të dilni vetëm kur nuk punoni?",
            "ar": "هل يمكنك الخروج وحدك عندما لا تعمل؟",
            "pl": "Czy możesz sam wyjść, kiedy nie pracujesz?",
            "bg": "Можете ли да излизате сами, когато не работите?",
            "vi": "Bạn có thể tự ra ngoài khi không làm việc không?",
            "ti": "ኣብ ዘይትሰርሐሉ ግዜ በይንኻ ክትወጽእ ትኽእል ዶ?",
        },
    ),
    (
        "family",
        "toilets",
        "person",
        "Is someone stopping you from seeing friends or family?",
        {
            "ro": "Vă împiedică cineva să vă vedeți prietenii sau familia?",
            "sq": "A ju pengon dikush të takoni miqtë ose familjen?",
            "ar": "هل يمنعك أحد من رؤية أصدقائك أو عائلتك؟",
            "pl": "Czy ktoś nie pozwala Ci widywać przyjaciół lub rodziny?",
            "bg": "Някой пречи ли ви да виждате приятели или семейството си?",
            "vi": "Có ai ngăn bạn gặp bạn bè hoặc gia đình không?",
            "ti": "ምስ ኣዕሩኽትኻ ወይ ስድራኻ ከይትራኸብ ዝኽልክለካ ሰብ ኣሎ ዶ?",
        },
    ),
]

# (slug, title, sector, format, languages, question keys, description)
POSTERS = [
    (
        "hospitality-a4-english",
        "Kitchens and fast food (A4, English)",
        "hospitality",
        "a4",
        ["en"],
        ["threatened", "stay", "wage", "sleep"],
        "For a staff room or the back door.",
    ),
    (
        "hospitality-a4-arabic-english",
        "Kitchens and fast food (A4, Arabic and English)",
        "hospitality",
        "a4",
        ["ar", "en"],
        ["threatened", "wage", "sleep"],
        "Two languages on one sheet, Arabic first.",
    ),
    (
        "car-wash-a3-romanian-english",
        "Car washes (A3, Romanian and English)",
        "car-wash",
        "a3",
        ["ro", "en"],
        ["threatened", "wage", "hours"],
        "Large enough to read from the bay.",
    ),
    (
        "nail-bar-a4-vietnamese-english",
        "Nail bars (A4, Vietnamese and English)",
        "nail-bar",
        "a4",
        ["vi", "en"],
        ["passport", "stay", "wage"],
        "For the salon's staff area.",
    ),
    (
        "agriculture-a3-bulgarian-polish",
        "Farms and packhouses (A3, Bulgarian and Polish)",
        "agriculture",
        "a3",
        ["bg", "pl"],
        ["debt", "wage", "threatened"],
        "For canteens and caravans on farms.",
    ),
    (
        "construction-letter-albanian-english",
        "Building sites (8.5 × 11 in, Albanian and English)",
        "construction",
        "letter",
        ["sq", "en"],
        ["afraid", "threatened", "wage"],
        "The US minimum size, for site offices.",
    ),
    (
        "care-a5-polish",
        "Care work (A5 leaflet, Polish)",
        "care",
        "a5",
        ["pl"],
        ["alone", "stay", "wage"],
        "A leaflet to leave where carers pass.",
    ),
    (
        "toilets-sticker-english",
        "Toilet door sticker (English)",
        "toilets",
        "sticker",
        ["en"],
        ["family"],
        "For the inside of a toilet door, where nobody is watching.",
    ),
    (
        "toilets-a3-tigrinya-arabic-english",
        "Public toilets (A3, Tigrinya, Arabic and English)",
        "toilets",
        "a3",
        ["ti", "ar", "en"],
        ["family", "threatened"],
        "Three languages for stations and service areas.",
    ),
    (
        "retail-letter-english-romanian",
        "Shops (8.5 × 11 in, English and Romanian)",
        "retail",
        "letter",
        ["en", "ro"],
        ["earnings", "threatened", "stay"],
        "For a stockroom wall.",
    ),
]

# The A3 posters also come as a print-shop PDF (3 mm bleed and crop marks).
PRINT_SHOP = {"car-wash-a3-romanian-english", "toilets-a3-tigrinya-arabic-english"}


def questions() -> dict[str, PosterQuestion]:
    library = {}
    for key, sector, pictogram, text, translations in QUESTIONS:
        question = PosterQuestion.objects.filter(text=text).first()
        if question is None:
            question = PosterQuestion(sector=sector, text=text, pictogram=pictogram)
            for language, translated in translations.items():
                question.translations.add(
                    PosterQuestionTranslation(language=language, text=translated)
                )
            question.save()
        library[key] = question
    return library


def load(*, home: Page) -> PosterIndexPage:
    """The gallery at /posters/ with the demo posters, each created once and published."""
    gallery = home.get_children().filter(slug="posters").first()
    if gallery is None:
        gallery = PosterIndexPage(
            slug="posters",
            title="Help posters",
            intro=(
                "Posters and stickers to print for workplaces and public toilets: plain questions, "
                "the free helpline and a QR code to advice in more languages. Download any of "
                "them, no account needed."
            ),
            show_in_menus=False,
        )
        home.add_child(instance=gallery)
        gallery.save_revision().publish()
    else:
        gallery = gallery.specific
    library = questions()
    for slug, title, sector, poster_format, languages, keys, description in POSTERS:
        if gallery.get_children().filter(slug=slug).exists():
            continue
        codes = [*languages, "", ""][:3]
        poster = PosterPage(
            slug=slug,
            title=title,
            sector=sector,
            poster_format=poster_format,
            language=codes[0],
            second_language=codes[1],
            third_language=codes[2],
            description=description,
            print_shop_version=slug in PRINT_SHOP,
        )
        for key in keys:
            poster.questions.add(PosterPageQuestion(question=library[key]))
        gallery.add_child(instance=poster)
        poster.save_revision().publish()
    return gallery

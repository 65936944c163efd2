# ruff: noqa: RUF001, RUF003 (Cyrillic letters and the × sign are meant)
"""The poster languages and the fixed lines every poster and the help page carry in each.

Posters speak more languages than the site's interface (Polish, Bulgarian, Vietnamese, Tigrinya),
so these lines live here, not in the gettext catalogues. Every line except English is a first
draft for review by a native speaker (docs/editors.md says how to change one).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PosterLanguage:
    code: str
    name: str  # in the language itself, as a reader looks for it
    english_name: str
    direction: str  # "ltr" or "rtl"
    headline: str
    ask_yourself: str
    call_free: str
    confidential: str
    emergency: str  # "{number}" is the emergency number
    scan: str
    advice: tuple[str, ...]  # the help page's few plain paragraphs
    exit: str  # the exit control
    other_languages: str


LANGUAGES: dict[str, PosterLanguage] = {
    language.code: language
    for language in [
        PosterLanguage(
            code="en",
            name="English",
            english_name="English",
            direction="ltr",
            headline="Is someone controlling your work? You can get help.",
            ask_yourself="Ask yourself:",
            call_free="Call free, day or night:",
            confidential=(
                "Calls are confidential. You do not have to give your name. "
                "Interpreters are available."
            ),
            emergency="In an emergency call {number}.",
            scan="Scan for advice in more languages",
            advice=(
                "Nobody may force you to work, keep your passport, or take your wages.",
                "If something on the poster sounds like your life, you can talk to someone "
                "who will listen. You decide what happens next.",
                "The helpline is free, open all day and night, and can find an interpreter. "
                "You do not have to say your name.",
            ),
            exit="Exit this page",
            other_languages="Other languages",
        ),
        PosterLanguage(
            code="ro",
            name="Română",
            english_name="Romanian",
            direction="ltr",
            headline="Vă controlează cineva munca? Puteți primi ajutor.",
            ask_yourself="Întrebați-vă:",
            call_free="Sunați gratuit, zi și noapte:",
            confidential=(
                "Apelurile sunt confidențiale. Nu trebuie să vă spuneți numele. Există interpreți."
            ),
            emergency="În caz de urgență sunați la {number}.",
            scan="Scanați pentru sfaturi în mai multe limbi",
            advice=(
                "Nimeni nu vă poate obliga să munciți, să vă păstreze pașaportul "
                "sau să vă ia salariul.",
                "Dacă ceva de pe afiș seamănă cu viața dumneavoastră, puteți vorbi cu cineva "
                "care vă ascultă. Dumneavoastră decideți ce urmează.",
                "Linia de ajutor este gratuită, deschisă zi și noapte și poate găsi un interpret. "
                "Nu trebuie să vă spuneți numele.",
            ),
            exit="Ieșiți de pe pagină",
            other_languages="Alte limbi",
        ),
        PosterLanguage(
            code="sq",
            name="Shqip",
            english_name="Albanian",
            direction="ltr",
            headline="A ju kontrollon dikush punën? Mund të merrni ndihmë.",
            ask_yourself="Pyetni veten:",
            call_free="Telefononi falas, ditë e natë:",
            confidential=(
                "Thirrjet janë konfidenciale. Nuk keni nevojë të jepni emrin. Ka përkthyes."
            ),
            emergency="Në rast urgjence telefononi {number}.",
            scan="Skanoni për këshilla në më shumë gjuhë",
            advice=(
                "Askush nuk mund t'ju detyrojë të punoni, t'ju mbajë pasaportën "
                "ose t'ju marrë pagën.",
                "Nëse diçka në poster ngjan me jetën tuaj, mund të flisni me dikë që ju dëgjon. "
                "Ju vendosni se çfarë ndodh më pas.",
                "Linja e ndihmës është falas, e hapur ditë e natë dhe mund të gjejë përkthyes. "
                "Nuk keni nevojë të thoni emrin.",
            ),
            exit="Dilni nga faqja",
            other_languages="Gjuhë të tjera",
        ),
        PosterLanguage(
            code="ar",
            name="العربية",
            english_name="Arabic",
            direction="rtl",
            headline="هل يتحكم أحد في عملك؟ يمكنك الحصول على المساعدة.",
            ask_yourself="اسأل نفسك:",
            call_free="اتصل مجانًا، ليلًا ونهارًا:",
            confidential="المكالمات سرية. لا يلزمك ذكر اسمك. يتوفر مترجمون.",
            emergency="في حالة الطوارئ اتصل بالرقم {number}.",
            scan="امسح الرمز للحصول على النصيحة بلغات أخرى",
            advice=(
                "لا يحق لأحد أن يجبرك على العمل أو أن يحتفظ بجواز سفرك أو أن يأخذ أجرك.",
                "إذا كان شيء في الملصق يشبه حياتك، يمكنك التحدث مع شخص يستمع إليك. "
                "أنت من يقرر ما يحدث بعد ذلك.",
                "خط المساعدة مجاني ومفتوح ليلًا ونهارًا ويمكنه توفير مترجم. لا يلزمك ذكر اسمك.",
            ),
            exit="اخرج من هذه الصفحة",
            other_languages="لغات أخرى",
        ),
        PosterLanguage(
            code="pl",
            name="Polski",
            english_name="Polish",
            direction="ltr",
            headline="Czy ktoś kontroluje Twoją pracę? Możesz dostać pomoc.",
            ask_yourself="Zapytaj siebie:",
            call_free="Zadzwoń bezpłatnie, w dzień i w nocy:",
            confidential=("Rozmowy są poufne. Nie musisz podawać nazwiska. Dostępni są tłumacze."),
            emergency="W nagłym wypadku dzwoń pod {number}.",
            scan="Zeskanuj, aby przeczytać porady w innych językach",
            advice=(
                "Nikt nie może zmuszać Cię do pracy, zabierać Twojego paszportu ani pensji.",
                "Jeśli coś z plakatu przypomina Twoje życie, możesz porozmawiać z kimś, "
                "kto Cię wysłucha. Ty decydujesz, co dalej.",
                "Infolinia jest bezpłatna, czynna całą dobę i może zapewnić tłumacza. "
                "Nie musisz podawać nazwiska.",
            ),
            exit="Opuść stronę",
            other_languages="Inne języki",
        ),
        PosterLanguage(
            code="bg",
            name="Български",
            english_name="Bulgarian",
            direction="ltr",
            headline="Някой контролира ли работата ви? Можете да получите помощ.",
            ask_yourself="Попитайте се:",
            call_free="Обадете се безплатно, денем и нощем:",
            confidential=(
                "Разговорите са поверителни. Не е нужно да казвате името си. Има преводачи."
            ),
            emergency="При спешен случай се обадете на {number}.",
            scan="Сканирайте за съвети на още езици",
            advice=(
                "Никой не може да ви принуждава да работите, да задържа паспорта ви "
                "или да взема заплатата ви.",
                "Ако нещо от плаката прилича на живота ви, можете да говорите с някой, "
                "който ще ви изслуша. Вие решавате какво следва.",
                "Линията за помощ е безплатна, работи денонощно и може да намери преводач. "
                "Не е нужно да казвате името си.",
            ),
            exit="Излезте от страницата",
            other_languages="Други езици",
        ),
        PosterLanguage(
            code="vi",
            name="Tiếng Việt",
            english_name="Vietnamese",
            direction="ltr",
            headline="Có ai đang kiểm soát công việc của bạn? Bạn có thể được giúp đỡ.",
            ask_yourself="Hãy tự hỏi:",
            call_free="Gọi miễn phí, cả ngày lẫn đêm:",
            confidential=("Cuộc gọi được giữ bí mật. Bạn không cần nói tên. Có thông dịch viên."),
            emergency="Trong trường hợp khẩn cấp, hãy gọi {number}.",
            scan="Quét mã để xem lời khuyên bằng nhiều ngôn ngữ hơn",
            advice=(
                "Không ai được ép bạn làm việc, giữ hộ chiếu hay lấy tiền lương của bạn.",
                "Nếu điều gì trên áp phích giống cuộc sống của bạn, bạn có thể nói chuyện "
                "với người sẽ lắng nghe. Bạn quyết định điều gì xảy ra tiếp theo.",
                "Đường dây trợ giúp miễn phí, mở cả ngày lẫn đêm và có thể tìm thông dịch viên. "
                "Bạn không cần nói tên.",
            ),
            exit="Thoát trang này",
            other_languages="Ngôn ngữ khác",
        ),
        PosterLanguage(
            code="ti",
            name="ትግርኛ",
            english_name="Tigrinya",
            direction="ltr",
            headline="ስራሕካ ዝቆጻጸር ሰብ ኣሎ ድዩ? ሓገዝ ክትረክብ ትኽእል ኢኻ።",
            ask_yourself="ንርእስኻ ሕተት፦",
            call_free="ብነጻ ደውል፡ ለይትን መዓልትን፦",
            confidential="ጻውዒታት ምስጢራዊ እዮም። ስምካ ክትህብ ኣየድልየካን። ተርጐምቲ ኣለዉ።",
            emergency="ኣብ ህጹጽ ኩነታት ናብ {number} ደውል።",
            scan="ብዝያዳ ቋንቋታት ምኽሪ ንምርካብ ስካን ግበር",
            advice=(
                "ማንም ሰብ ክትሰርሕ ከገድደካ፡ ፓስፖርትካ ክሕዝ ወይ ደሞዝካ ክወስድ ኣይክእልን እዩ።",
                "ኣብቲ ፖስተር ዘሎ ነገር ንህይወትካ ዝመስል እንተኾይኑ፡ ምስ ዝሰምዓካ ሰብ ክትዛረብ ትኽእል ኢኻ። "
                "ቀጺሉ እንታይ ከም ዝኸውን ንስኻ ትውስን።",
                "መስመር ሓገዝ ነጻ እዩ፡ ለይትን መዓልትን ክፉት እዩ፡ ተርጓሚ ክረክብ ይኽእል። ስምካ ክትብል ኣየድልየካን።",
            ),
            exit="ካብዚ ገጽ ውጻእ",
            other_languages="ካልኦት ቋንቋታት",
        ),
    ]
}

LANGUAGE_CHOICES = [(language.code, language.name) for language in LANGUAGES.values()]


def language(code: str) -> PosterLanguage:
    """The poster language with this code, English for an unknown one."""
    return LANGUAGES.get(code, LANGUAGES["en"])

"""The home page, the core outcomes section, the seven outcome pages, the outcome-set page and the
latest update in Romanian, Albanian and Arabic: the demo's words, written again in each language.

First drafts for a native speaker to review (docs/translations.md), like the staying-safe pages
in content_translations.py. Outcome pages by their number. Arabic addresses are in Arabic (Wagtail
allows Unicode slugs; browsers show them as written).
"""

HOME = {
    "ro": {
        "title": "Setul de rezultate principale privind sclavia modernă: Comunitatea de practică",
        "intro": (
            "Un loc comun pentru supraviețuitorii sclaviei moderne și ai traficului de persoane, "
            "experți prin experiență trăită, practicieni, cercetători și decidenți, ca să învețe "
            "unii de la alții în jurul celor șapte rezultate principale ale recuperării."
        ),
        "body": [
            ("heading", "La ce folosește acest site"),
            (
                "paragraph",
                "<p>Setul de rezultate principale privind sclavia modernă (MSCOS) numește câteva "
                "rezultate pe care sprijinul pentru supraviețuitorii adulți ar trebui să le "
                "urmărească, să le măsoare și să le raporteze. În această Comunitate de practică "
                "oamenii pun aceste rezultate în practică: împărtășesc ce ajută, pun întrebări și "
                "citesc o actualizare regulată despre câte un rezultat.</p><p>Puteți citi totul "
                "fără cont. În forumuri puteți posta sub un nume ales de dumneavoastră sau "
                "anonim, și puteți scrie liber, fără formalități.</p>",
            ),
        ],
    },
    "sq": {
        "title": "Grupi i rezultateve kryesore për skllavërinë moderne: Bashkësia e praktikës",
        "intro": (
            "Një vend i përbashkët për të mbijetuarit e skllavërisë moderne dhe të trafikimit të "
            "qenieve njerëzore, ekspertët me përvojë të jetuar, praktikuesit, studiuesit dhe "
            "politikëbërësit, për të mësuar nga njëri-tjetri rreth shtatë rezultateve kryesore "
            "të rimëkëmbjes."
        ),
        "body": [
            ("heading", "Për çfarë shërben kjo faqe"),
            (
                "paragraph",
                "<p>Grupi i rezultateve kryesore për skllavërinë moderne (MSCOS) emërton disa "
                "rezultate që mbështetja për të mbijetuarit e rritur duhet t'i synojë, t'i masë "
                "dhe t'i raportojë. Në këtë Bashkësi praktike njerëzit i vënë në punë këto "
                "rezultate: ndajnë atë që ndihmon, bëjnë pyetje dhe lexojnë një njoftim të "
                "rregullt për një rezultat në një kohë.</p><p>Mund të lexoni gjithçka pa "
                "llogari. Në forume mund të postoni me një emër që zgjidhni vetë ose në mënyrë "
                "anonime, dhe mund të shkruani lirshëm.</p>",
            ),
        ],
    },
    "ar": {
        "title": "مجموعة النتائج الأساسية للعبودية الحديثة: مجتمع الممارسة",
        "intro": (
            "مساحة مشتركة للناجين من العبودية الحديثة والاتجار بالبشر، وأصحاب الخبرة المعاشة، "
            "والعاملين في الميدان، والباحثين، وصانعي السياسات، ليتعلم بعضهم من بعض حول النتائج "
            "الأساسية السبع للتعافي."
        ),
        "body": [
            ("heading", "لماذا هذا الموقع"),
            (
                "paragraph",
                "<p>تحدد مجموعة النتائج الأساسية للعبودية الحديثة (MSCOS) عددًا قليلًا من النتائج "
                "التي ينبغي أن يسعى إليها دعم الناجين البالغين وأن يقيسها ويبلغ عنها. مجتمع "
                "الممارسة هذا هو المكان الذي يضع فيه الناس هذه النتائج موضع التطبيق: يتبادلون ما "
                "يساعد، ويطرحون الأسئلة، ويقرؤون نشرة منتظمة عن نتيجة واحدة في كل مرة.</p><p>يمكنك "
                "قراءة كل شيء هنا دون حساب. وفي المنتديات يمكنك النشر باسم تختاره أو دون اسم، "
                "والكتابة بأسلوب بسيط غير رسمي.</p>",
            ),
        ],
    },
}

OUTCOMES_INDEX = {
    "ro": {
        "slug": "rezultate-principale",
        "title": "Rezultatele principale",
        "intro": (
            "Șapte rezultate, alese împreună cu supraviețuitorii, pe care fiecare serviciu de "
            "recuperare și sprijin pentru supraviețuitorii adulți ar trebui să le urmărească și "
            "să le măsoare."
        ),
        "body": [
            ("heading", "Rezultatele folosite împreună"),
            (
                "paragraph",
                "<p>Rezultatele principale au apărut dintr-un proces de consens de un an: trei "
                "analize ale literaturii, interviuri cu supraviețuitori, ateliere cu părțile "
                "interesate și un sondaj internațional E-Delphi în trei runde. Din 398 de "
                "rezultate găsite în analize și 843 menționate în interviuri s-a format o listă "
                "lungă de 72 de rezultate în 10 domenii, apoi o listă scurtă de 14 și, în final, "
                "cele șapte rezultate principale, convenite la un atelier de consens cu 46 de "
                "persoane, pe 22 iunie 2022.</p><p>Funcționează cel mai bine împreună. Un "
                "serviciu poate adăuga rezultate din lista lungă, potrivite oamenilor pe care îi "
                "sprijină și locului în care lucrează, dar ar trebui să păstreze cele șapte ca "
                "nucleu comun.</p>",
            ),
        ],
    },
    "sq": {
        "slug": "rezultatet-kryesore",
        "title": "Rezultatet kryesore",
        "intro": (
            "Shtatë rezultate, të zgjedhura së bashku me të mbijetuarit, që çdo shërbim "
            "rimëkëmbjeje dhe mbështetjeje për të mbijetuarit e rritur duhet t'i synojë dhe t'i "
            "masë."
        ),
        "body": [
            ("heading", "Rezultatet si një e tërë"),
            (
                "paragraph",
                "<p>Rezultatet kryesore dolën nga një proces konsensusi njëvjeçar: tri rishikime "
                "të literaturës, intervista me të mbijetuar, punëtori me palët e interesuara dhe "
                "një anketë ndërkombëtare E-Delphi me tri raunde. Nga 398 rezultate të gjetura në "
                "rishikime dhe 843 të përmendura në intervista u krijua një listë e gjatë me 72 "
                "rezultate në 10 fusha, pastaj një listë e shkurtër me 14 dhe në fund shtatë "
                "rezultatet kryesore, të miratuara në një punëtori konsensusi me 46 veta më 22 "
                "qershor 2022.</p><p>Funksionojnë më mirë së bashku. Një shërbim mund të shtojë "
                "rezultate nga lista e gjatë që u përshtaten njerëzve që mbështet dhe vendit ku "
                "punon, por duhet t'i mbajë të shtatat si bërthamë të përbashkët.</p>",
            ),
        ],
    },
    "ar": {
        "slug": "النتائج-الأساسية",
        "title": "النتائج الأساسية",
        "intro": (
            "سبع نتائج اختيرت مع الناجين، ينبغي لكل خدمة تعافٍ ودعم للناجين البالغين أن تسعى "
            "إليها وتقيسها."
        ),
        "body": [
            ("heading", "استخدام النتائج معًا"),
            (
                "paragraph",
                "<p>جاءت النتائج الأساسية من عملية توافق استمرت عامًا: ثلاث مراجعات للأدبيات، "
                "ومقابلات مع ناجين، وورش عمل مع الجهات المعنية، واستطلاع دولي بطريقة E-Delphi على "
                "ثلاث جولات. ومن 398 نتيجة وردت في المراجعات و843 نتيجة ذُكرت في المقابلات، تكوّنت "
                "قائمة طويلة من 72 نتيجة في 10 مجالات، ثم قائمة قصيرة من 14، وأخيرًا النتائج "
                "الأساسية السبع التي اتُّفق عليها في ورشة توافق ضمّت 46 شخصًا في 22 يونيو 2022."
                "</p><p>تعمل هذه النتائج على أفضل وجه معًا. يمكن للخدمة أن تضيف نتائج من القائمة "
                "الطويلة تناسب من تخدمهم والمكان الذي تعمل فيه، لكن عليها أن تحافظ على النتائج "
                "السبع نواةً مشتركة.</p>",
            ),
        ],
    },
}

# Outcome number -> language -> (slug, title, summary, descriptor)
OUTCOMES = {
    1: {
        "ro": (
            "locuinta-sigura-si-potrivita",
            "Locuință sigură și potrivită",
            "O casă sigură și stabilă, potrivită nevoilor persoanei, este temelia pe care stă "
            "orice altă parte a recuperării.",
            "Supraviețuitorii au o locuință sigură, stabilă și potrivită pentru ei, cât timp au "
            "nevoie, nu șederi scurte care îi obligă să se mute iar și iar.",
        ),
        "sq": (
            "strehim-i-sigurt-dhe-i-pershtatshem",
            "Strehim i sigurt dhe i përshtatshëm",
            "Një shtëpi e sigurt dhe e qëndrueshme, që u përshtatet nevojave të personit, është "
            "themeli mbi të cilin qëndron çdo pjesë tjetër e rimëkëmbjes.",
            "Të mbijetuarit kanë strehim të sigurt, të qëndrueshëm dhe të përshtatshëm për ta, "
            "për aq kohë sa u nevojitet, jo qëndrime të shkurtra që i detyrojnë të lëvizin "
            "vazhdimisht.",
        ),
        "ar": (
            "سكن-آمن-ومناسب",
            "سكن آمن ومناسب",
            "البيت الآمن والمستقر الذي يلائم احتياجات الشخص هو الأرض التي يقوم عليها كل جزء آخر "
            "من التعافي.",
            "يحصل الناجون على سكن آمن ومستقر ومناسب لهم ما داموا يحتاجون إليه، لا إقامات قصيرة "
            "تجبرهم على الانتقال مرة بعد مرة.",
        ),
    },
    2: {
        "ro": (
            "siguranta-fata-de-traficanti-si-abuzatori",
            "Siguranță față de orice traficant sau alt abuzator",
            "Să fiți, și să vă simțiți, departe de cei care v-au exploatat sau v-au făcut rău, "
            "acum și în timp.",
            "Supraviețuitorii sunt protejați de traficanți și de alți abuzatori și sunt sprijiniți "
            "să raporteze infracțiunile în siguranță și cu încredere, dacă aleg să o facă.",
        ),
        "sq": (
            "siguri-nga-trafikantet-dhe-abuzuesit",
            "Siguri nga çdo trafikant ose abuzues tjetër",
            "Të jeni, dhe të ndiheni, larg njerëzve që ju shfrytëzuan ose ju lënduan, tani dhe "
            "me kalimin e kohës.",
            "Të mbijetuarit mbrohen nga trafikantët dhe abuzuesit e tjerë dhe mbështeten për ta "
            "denoncuar krimin në mënyrë të sigurt dhe me besim, nëse e zgjedhin.",
        ),
        "ar": (
            "الأمان-من-المتاجرين-والمعتدين",
            "الأمان من أي متاجر بالبشر أو معتدٍ آخر",
            "أن تكون، وأن تشعر بأنك، بعيد عن متناول من استغلوك أو آذوك، الآن وعلى مر الوقت.",
            "يُحمى الناجون من المتاجرين بالبشر ومن المعتدين الآخرين، ويُدعمون للإبلاغ عن الجريمة "
            "بأمان وثقة إن اختاروا ذلك.",
        ),
    },
    3: {
        "ro": (
            "sprijin-consecvent-pe-termen-lung",
            "Sprijin consecvent, pe termen lung",
            "Sprijin care durează cât este nevoie și nu dispare la un termen-limită și nu trece "
            "în alte mâini fără avertisment.",
            "Supraviețuitorii primesc sprijin care continuă pe termen lung, de la oameni și "
            "servicii pe care se pot baza, cu tranziții planificate, nu bruște.",
        ),
        "sq": (
            "mbeshtetje-e-qendrueshme-afatgjate",
            "Mbështetje e qëndrueshme, afatgjatë",
            "Mbështetje që zgjat sa të jetë e nevojshme dhe nuk zhduket në një afat, as kalon në "
            "duar të tjera pa paralajmërim.",
            "Të mbijetuarit marrin mbështetje që vazhdon për një kohë të gjatë, nga njerëz dhe "
            "shërbime te të cilët mund të mbështeten, me kalime të planifikuara e jo të "
            "papritura.",
        ),
        "ar": (
            "دعم-طويل-الأمد-ومتواصل",
            "دعم طويل الأمد ومتواصل",
            "دعم يستمر ما دامت الحاجة إليه قائمة، ولا يختفي عند موعد نهائي ولا ينتقل إلى أيدٍ أخرى "
            "دون إنذار.",
            "يتلقى الناجون دعمًا يستمر على المدى الطويل، من أشخاص وخدمات يمكنهم الاعتماد عليها، "
            "مع انتقالات مخطط لها لا مفاجئة.",
        ),
    },
    4: {
        "ro": (
            "servicii-pline-de-compasiune-informate-despre-trauma",
            "Servicii pline de compasiune, informate despre traumă",
            "Servicii care tratează oamenii cu căldură și respect și înțeleg cum trauma "
            "modelează încrederea, memoria și alegerile.",
            "Supraviețuitorii întâlnesc servicii pline de compasiune și informate despre traumă "
            "în felul în care sunt gândite și oferite, la fiecare contact.",
        ),
        "sq": (
            "sherbime-me-dhembshuri-qe-njohin-traumen",
            "Shërbime me dhembshuri që njohin traumën",
            "Shërbime që i trajtojnë njerëzit me ngrohtësi dhe respekt dhe kuptojnë se si trauma "
            "ndikon te besimi, kujtesa dhe zgjedhjet.",
            "Të mbijetuarit gjejnë shërbime me dhembshuri, që e njohin traumën në mënyrën si "
            "ndërtohen dhe ofrohen, në çdo pikë kontakti.",
        ),
        "ar": (
            "خدمات-رحيمة-واعية-بالصدمة",
            "خدمات رحيمة واعية بالصدمة",
            "خدمات تعامل الناس بدفء واحترام، وتفهم كيف تشكّل الصدمة الثقة والذاكرة والاختيار.",
            "يجد الناجون خدمات رحيمة وواعية بالصدمة في طريقة تصميمها وتقديمها، عند كل نقطة تواصل.",
        ),
    },
    5: {
        "ro": (
            "un-sens-in-viata-si-implinire-de-sine",
            "Un sens în viață și împlinire de sine",
            "Loc pentru a face alegeri, a crește și a construi o viață care are sens pentru cel "
            "care o trăiește.",
            "Supraviețuitorii sunt sprijiniți să își găsească un sens, să își stabilească "
            "propriile obiective și să lucreze spre ele.",
        ),
        "sq": (
            "qellim-ne-jete-dhe-vetepermbushje",
            "Qëllim në jetë dhe vetëpërmbushje",
            "Hapësirë për të bërë zgjedhje, për t'u rritur dhe për të ndërtuar një jetë që ka "
            "kuptim për atë që e jeton.",
            "Të mbijetuarit mbështeten të gjejnë një qëllim, të vendosin synimet e tyre dhe të "
            "punojnë drejt tyre.",
        ),
        "ar": (
            "معنى-في-الحياة-وتحقيق-الذات",
            "إيجاد معنى في الحياة وتحقيق الذات",
            "مساحة لاتخاذ القرارات والنمو وبناء حياة لها معنى عند من يعيشها.",
            "يُدعم الناجون ليجدوا معنى، ويضعوا أهدافهم بأنفسهم، ويعملوا على بلوغها.",
        ),
    },
    6: {
        "ro": (
            "acces-la-tratament-medical",
            "Acces la tratament medical",
            "Să puteți ajunge la îngrijirea pentru sănătatea fizică și mintală de care aveți "
            "nevoie, atunci când aveți nevoie.",
            "Supraviețuitorii au acces la servicii medicale, de sănătate mintală și la alte "
            "servicii de sănătate, fără piedici inutile.",
        ),
        "sq": (
            "qasje-ne-trajtim-mjekesor",
            "Qasje në trajtim mjekësor",
            "Të mund të merrni kujdesin për shëndetin fizik dhe mendor që ju nevojitet, kur ju "
            "nevojitet.",
            "Të mbijetuarit kanë qasje në shërbime mjekësore, të shëndetit mendor dhe shërbime "
            "të tjera shëndetësore pa pengesa të panevojshme.",
        ),
        "ar": (
            "الحصول-على-العلاج-الطبي",
            "الحصول على العلاج الطبي",
            "أن تصل إلى الرعاية الصحية الجسدية والنفسية التي تحتاجها، حين تحتاجها.",
            "يستطيع الناجون الحصول على الخدمات الطبية وخدمات الصحة النفسية وغيرها من خدمات "
            "الرعاية الصحية دون عوائق لا داعي لها.",
        ),
    },
    7: {
        "ro": (
            "acces-la-educatie",
            "Acces la educație",
            "Învățătura, de la cursuri de limbă la calificări, ca drum spre independență și "
            "încredere.",
            "Supraviețuitorii au acces la educație și formare potrivite obiectivelor și "
            "situației lor.",
        ),
        "sq": (
            "qasje-ne-arsim",
            "Qasje në arsim",
            "Të mësuarit, nga kurset e gjuhës te kualifikimet, si rrugë drejt pavarësisë dhe "
            "vetëbesimit.",
            "Të mbijetuarit kanë qasje në arsim dhe formim që u përshtatet synimeve dhe "
            "rrethanave të tyre.",
        ),
        "ar": (
            "الحصول-على-التعليم",
            "الحصول على التعليم",
            "التعلّم، من دروس اللغة إلى المؤهلات، طريقًا إلى الاستقلال والثقة بالنفس.",
            "يستطيع الناجون الحصول على تعليم وتدريب يناسبان أهدافهم وظروفهم.",
        ),
    },
}

# The headings of the lists every outcome page ends with (content_outcomes.STANDARD_OUTCOME_BLOCKS):
# the items listed stay the English ones until someone translates them.
LIST_HEADINGS = {
    "Practice examples": {
        "ro": "Exemple din practică",
        "sq": "Shembuj nga praktika",
        "ar": "أمثلة من الممارسة",
    },
    "Recommendations": {"ro": "Recomandări", "sq": "Rekomandime", "ar": "توصيات"},
    "Resources": {"ro": "Resurse", "sq": "Burime", "ar": "مصادر"},
}

# The quotes on the outcome pages, by their English wording: (quote, role) in each language.
QUOTES = {
    "Feeling safe was not one moment. It was every day that nobody came to find me, and knowing "
    "who to call if they did.": {
        "ro": (
            "Să mă simt în siguranță nu a fost un singur moment. A fost fiecare zi în care nu a "
            "venit nimeni să mă caute și faptul că știam pe cine să sun dacă venea.",
            "Membră a Consiliului consultativ de cercetare (citat pentru demonstrație)",
        ),
        "sq": (
            "Të ndihesha e sigurt nuk ishte një çast i vetëm. Ishte çdo ditë që askush nuk erdhi "
            "të më gjente, dhe të dija kë të telefonoja nëse vinte.",
            "Anëtare e Bordit këshillimor të kërkimit (citim për demonstrim)",
        ),
        "ar": (
            "لم يكن الشعور بالأمان لحظة واحدة. كان كل يوم لم يأتِ فيه أحد ليبحث عني، ومعرفتي بمن "
            "أتصل لو جاء.",
            "عضوة في المجلس الاستشاري للبحث (اقتباس للعرض)",
        ),
    },
    "The navigator met me in a café, not at the police station. That is why I went back for the "
    "second interview.": {
        "ro": (
            "Însoțitoarea m-a întâlnit într-o cafenea, nu la secția de poliție. De aceea m-am "
            "întors la al doilea interviu.",
            "Supraviețuitoare (citat pentru demonstrație)",
        ),
        "sq": (
            "Shoqëruesja më takoi në një kafene, jo në komisariat. Prandaj u ktheva për "
            "intervistën e dytë.",
            "E mbijetuar (citim për demonstrim)",
        ),
        "ar": (
            "قابلتني المرافِقة في مقهى، لا في مركز الشرطة. لهذا عدت للمقابلة الثانية.",
            "ناجية (اقتباس للعرض)",
        ),
    },
    "A stronger victim is a stronger witness. Always remember the person behind the evidence.": {
        "ro": (
            "O victimă mai puternică este un martor mai puternic. Amintiți-vă mereu de omul din "
            "spatele probelor.",
            "Echipa pentru sclavie modernă",
        ),
        "sq": (
            "Një viktimë më e fortë është një dëshmitar më i fortë. Kujtoni gjithmonë njeriun "
            "pas provave.",
            "Ekipi për skllavërinë moderne",
        ),
        "ar": (
            "الضحية الأقوى شاهد أقوى. تذكّروا دائمًا الإنسان الذي يقف وراء الأدلة.",
            "فريق العبودية الحديثة",
        ),
    },
    "Every move meant a new doctor, a new college, a new support worker. A home that lasts is "
    "what lets the rest start.": {
        "ro": (
            "Fiecare mutare însemna un alt medic, un alt colegiu, un alt asistent de sprijin. O "
            "casă care rămâne este ceea ce lasă restul să înceapă.",
            "Lucrătoare de sprijin pentru locuire (personaj inventat, pentru demonstrație)",
        ),
        "sq": (
            "Çdo lëvizje do të thoshte një mjek i ri, një kolegj i ri, një punonjës i ri "
            "mbështetës. Një shtëpi që zgjat është ajo që i lë të tjerat të fillojnë.",
            "Punonjëse mbështetëse për strehimin (personazh i trilluar, për demonstrim)",
        ),
        "ar": (
            "كل انتقال كان يعني طبيبًا جديدًا وكلية جديدة وعاملًا جديدًا في الدعم. البيت الذي يدوم "
            "هو ما يتيح لكل شيء آخر أن يبدأ.",
            "عاملة في دعم السكن (شخصية متخيلة للعرض)",
        ),
    },
}

SET_PAGE = {
    "ro": {
        "slug": "rezultatele-ca-intreg",
        "title": "Rezultatele folosite ca un întreg",
        "intro": (
            "Cele șapte rezultate principale sunt gândite să fie folosite împreună. Fiecare le "
            "sprijină pe celelalte, iar un serviciu care urmărește doar unul dintre ele va simți "
            "cum celelalte îl trag după ele."
        ),
        "body": [
            ("heading", "De ce un set"),
            (
                "paragraph",
                "<p>Supraviețuitorii au spus studiului că recuperarea nu se face câte o nevoie pe "
                "rând. O casă sigură face posibile programările; o îngrijire bună face posibilă "
                "învățarea; învățarea deschide drumul spre un sens. De aceea setul le cere "
                "serviciilor să le urmărească, să le măsoare și să le raporteze pe toate "
                "șapte.</p><p>Este un minim, nu o limită. Adăugați din lista lungă rezultatele "
                "potrivite oamenilor pe care îi sprijiniți și locului în care lucrați.</p>",
            ),
        ],
    },
    "sq": {
        "slug": "rezultatet-si-nje-e-tere",
        "title": "Puna me rezultatet si një e tërë",
        "intro": (
            "Shtatë rezultatet kryesore janë menduar të përdoren së bashku. Secili i mbështet të "
            "tjerët, dhe një shërbim që synon vetëm njërin do t'i ndiejë të tjerët duke e "
            "tërhequr."
        ),
        "body": [
            ("heading", "Pse një grup"),
            (
                "paragraph",
                "<p>Të mbijetuarit i thanë studimit se rimëkëmbja nuk ndodh një nevojë në një "
                "kohë. Një shtëpi e sigurt bën të mundur takimet; një kujdes i mirë bën të mundur "
                "mësimin; mësimi hap rrugën drejt një qëllimi. Prandaj grupi u kërkon "
                "shërbimeve t'i synojnë, t'i masin dhe t'i raportojnë të shtatat.</p><p>Është "
                "një minimum, jo një tavan. Shtoni nga lista e gjatë rezultatet që u "
                "përshtaten njerëzve që mbështetni dhe vendit ku punoni.</p>",
            ),
        ],
    },
    "ar": {
        "slug": "النتائج-مجموعة-واحدة",
        "title": "العمل بالنتائج مجموعةً واحدة",
        "intro": (
            "صُممت النتائج الأساسية السبع لتُستخدم معًا. كل واحدة تدعم الأخرى، والخدمة التي لا "
            "تسعى إلا إلى واحدة منها ستجد البقية تشدّها إليها."
        ),
        "body": [
            ("heading", "لماذا مجموعة"),
            (
                "paragraph",
                "<p>قال الناجون للدراسة إن التعافي لا يحدث حاجةً بعد حاجة. البيت الآمن يجعل "
                "الالتزام بالمواعيد ممكنًا، والرعاية الجيدة تجعل التعلّم ممكنًا، والتعلّم يفتح "
                "الطريق إلى معنى. لذلك تطلب المجموعة من الخدمات أن تسعى إلى النتائج السبع كلها "
                "وتقيسها وتبلغ عنها.</p><p>هذا حد أدنى لا سقف. أضف من القائمة الطويلة النتائج التي "
                "تناسب من تخدمهم والمكان الذي تعمل فيه.</p>",
            ),
        ],
    },
}

# The latest update: the fields and the words of each block of content_updates.body().
UPDATE = {
    "ro": {
        "slug": "siguranta-fata-de-traficanti-si-abuzatori",
        "title": "Siguranță față de orice traficant sau alt abuzator",
        "greeting": (
            "Bună ziua și mulțumim tuturor celor care s-au alăturat, ne-au trimis păreri sau au "
            "împărtășit o idee pe acest site în ultimele săptămâni.\n"
            "Vă rugăm să continuați discuțiile în forumurile moderate, unde puteți posta anonim "
            "și fără formalități."
        ),
        "summary": (
            "În această săptămână vorbim despre siguranță. Prezentăm programul Victim Navigator, "
            "condus de Justice and Care împreună cu poliția din Anglia, Scoția și România, și "
            "recomandările Consiliului consultativ de cercetare pentru a-i ajuta pe "
            "supraviețuitori să raporteze infracțiunile în siguranță."
        ),
        "editors_credit": (
            "Conținutul acestei actualizări a fost coordonat de Rachel Witkin și Queenie Sit, "
            "codirectoarele Comunității de practică."
        ),
        "feature_heading": "Nou în această săptămână: siguranță față de orice traficant",
        "feature_text": (
            "<p>Raportarea unei infracțiuni poate părea un pas înapoi spre pericol. În această "
            "săptămână ne uităm la un mod în care poliția a făcut acest pas mai sigur: cineva "
            "stă alături de supraviețuitor și nu face parte din anchetă.</p>"
        ),
        "example_description": (
            "<p>Un însoțitor independent lucrează alături de anchetatorul de poliție de la "
            "primul contact, în instanță și după aceea. Anchetatorul se poate concentra pe "
            "probe; supraviețuitorul are o persoană de încredere de partea lui și un loc mai "
            "liniștit decât o secție de poliție pentru a vorbi.</p><p>Echipa pentru sclavie "
            "modernă a Poliției Metropolitane a preluat programul în ianuarie 2021. De atunci, "
            "proporția cazurilor care ajung în instanță a crescut de la 33% la 83%.</p>"
        ),
        "quote": (
            "O victimă mai puternică este un martor mai puternic. Amintiți-vă mereu de omul din "
            "spatele probelor."
        ),
        "recommendations_heading": "Cum îi ajutăm pe supraviețuitori să raporteze în siguranță",
        "recommendations_intro": (
            "Patru propuneri pe care Consiliul ar dori să le discute Comunitatea de practică:"
        ),
        "recommendations": [
            (
                "Instruiți poliția peste tot, la fiecare nivel.",
                "De la recrutare, în fiecare unitate, cu însoțitori disponibili în fiecare zonă.",
            ),
            (
                "Angajați lideri dintre supraviețuitori.",
                "Acreditați și plătiți, ca să ajute la "
                "instruirea poliției și să lucreze cu liniile de ajutor.",
            ),
            (
                "Informați publicul, calm.",
                "Despre infracțiune, Mecanismul național de trimitere "
                "și Linia de ajutor, în cuvinte simple care spun ce e de făcut.",
            ),
            (
                "Standarde pentru sclavia modernă, ca pentru sănătate și securitate.",
                "Afișe cu întrebări simple în magazine, restaurante și toalete publice: sunteți "
                "amenințat la muncă, primiți salariul minim?",
            ),
        ],
        "did_you_know": (
            "<p>Forumurile sunt la un clic distanță pe fiecare pagină: deschideți meniul "
            "Forumuri de sus.</p>"
        ),
        "forum_heading": "Ce face ca raportarea să pară sigură?",
        "forum_text": "Spuneți-ne ce v-a ajutat sau ce v-a încurcat. Puteți posta fără nume.",
        "forum_link_text": "Intrați în forumul despre siguranță",
        "place": "Anglia, Scoția și România",
        "quote_role": "Inspector detectiv",
        "recommendations_source": (
            "Membri ai Consiliului consultativ de cercetare MSCOS, în discuție cu Rachel Witkin"
        ),
        "teasers": [
            (
                "Raportarea în siguranță: ce ne-au spus supraviețuitorii și poliția",
                "În curând: data va fi în următoarea actualizare",
                "Membri ai Consiliului duc mai departe cele patru recomandări, cu timp pentru "
                "întrebările dumneavoastră.",
            ),
            (
                "Prima săptămână a unui însoțitor într-un caz",
                "În curând",
                "Ce face un însoțitor înainte, în timpul și după ce un supraviețuitor își "
                "spune povestea.",
            ),
        ],
    },
    "sq": {
        "slug": "siguri-nga-trafikantet-dhe-abuzuesit",
        "title": "Siguri nga çdo trafikant ose abuzues tjetër",
        "greeting": (
            "Përshëndetje, dhe faleminderit të gjithëve që u bashkuan, na dërguan mendime ose "
            "ndanë një ide në këtë faqe gjatë javëve të fundit.\n"
            "Ju lutemi vazhdoni bisedat në forumet e moderuara, ku mund të postoni në mënyrë "
            "anonime dhe lirshëm."
        ),
        "summary": (
            "Këtë javë flasim për sigurinë. Paraqesim programin Victim Navigator, që e drejton "
            "Justice and Care me policinë në Angli, Skoci dhe Rumani, dhe rekomandimet e Bordit "
            "këshillimor të kërkimit për t'i ndihmuar të mbijetuarit ta denoncojnë krimin të "
            "sigurt."
        ),
        "editors_credit": (
            "Përmbajtjen e këtij njoftimi e drejtuan Rachel Witkin dhe Queenie Sit, "
            "bashkëdrejtueset e Bashkësisë së praktikës."
        ),
        "feature_heading": "E re këtë javë: siguri nga çdo trafikant",
        "feature_text": (
            "<p>Denoncimi i një krimi mund të duket si një hap prapa drejt rrezikut. Këtë javë "
            "shohim një mënyrë si policia e ka bërë këtë hap më të sigurt: pranë të mbijetuarit "
            "qëndron dikush që nuk është pjesë e hetimit.</p>"
        ),
        "example_description": (
            "<p>Një shoqërues i pavarur punon pranë hetuesit të policisë që nga takimi i parë, "
            "në gjykatë dhe më pas. Hetuesi përqendrohet te provat; i mbijetuari ka një njeri të "
            "qëndrueshëm në anën e tij dhe një vend më të qetë se komisariati për të "
            "folur.</p><p>Ekipi për skllavërinë moderne i Policisë Metropolitane e mori "
            "programin në janar 2021. Që atëherë, pjesa e rasteve që arrijnë në gjykatë u rrit "
            "nga 33% në 83%.</p>"
        ),
        "quote": (
            "Një viktimë më e fortë është një dëshmitar më i fortë. Kujtoni gjithmonë njeriun pas "
            "provave."
        ),
        "recommendations_heading": "Si t'i ndihmojmë të mbijetuarit të denoncojnë të sigurt",
        "recommendations_intro": "Katër sugjerime që Bordi do të donte t'i diskutonte Bashkësia:",
        "recommendations": [
            (
                "Trajnoni policinë kudo, në çdo nivel.",
                "Që nga rekrutimi, në çdo njësi, me shoqërues të disponueshëm në çdo zonë.",
            ),
            (
                "Punësoni drejtues nga radhët e të mbijetuarve.",
                "Të akredituar dhe të paguar, për "
                "të ndihmuar në trajnimin e policisë dhe për të punuar me linjat e ndihmës.",
            ),
            (
                "Informoni publikun, me qetësi.",
                "Për krimin, Mekanizmin kombëtar të referimit dhe "
                "Linjën e ndihmës, me fjalë të thjeshta që thonë çfarë të bëni.",
            ),
            (
                "Standarde për skllavërinë moderne, si për shëndetin dhe sigurinë.",
                "Afishe me "
                "pyetje të thjeshta në dyqane, restorante dhe tualete publike: a ju kërcënojnë në "
                "punë, a merrni pagën minimale?",
            ),
        ],
        "did_you_know": (
            "<p>Forumet janë një klik larg në çdo faqe: hapni menynë Forumet lart.</p>"
        ),
        "forum_heading": "Çfarë e bën denoncimin të ndihet i sigurt?",
        "forum_text": "Na tregoni çfarë ju ndihmoi ose çfarë ju pengoi. Mund të postoni pa emër.",
        "forum_link_text": "Hyni në forumin për sigurinë",
        "place": "Angli, Skoci dhe Rumani",
        "quote_role": "Inspektore detektive",
        "recommendations_source": (
            "Anëtarë të Bordit këshillimor të kërkimit MSCOS, në bisedë me Rachel Witkin"
        ),
        "teasers": [
            (
                "Denoncimi i sigurt: çfarë na thanë të mbijetuarit dhe policia",
                "Së shpejti: data do të jetë në njoftimin e ardhshëm",
                "Anëtarë të Bordit i çojnë më tej katër rekomandimet, me kohë për pyetjet tuaja.",
            ),
            (
                "Java e parë e një shoqëruesi në një rast",
                "Së shpejti",
                "Çfarë bën një shoqërues para, gjatë dhe pasi një i mbijetuar tregon çfarë ndodhi.",
            ),
        ],
    },
    "ar": {
        "slug": "الأمان-من-المتاجرين-والمعتدين",
        "title": "الأمان من أي متاجر بالبشر أو معتدٍ آخر",
        "greeting": (
            "مرحبًا، وشكرًا لكل من انضم أو أرسل ملاحظة أو شارك فكرة على هذا الموقع في الأسابيع "
            "الماضية.\n"
            "نرجو أن تواصلوا الحديث في المنتديات الخاضعة للإشراف، حيث يمكنكم النشر دون اسم "
            "وبأسلوب بسيط."
        ),
        "summary": (
            "موضوع هذا الأسبوع هو الأمان. نعرض برنامج Victim Navigator الذي تديره منظمة Justice "
            "and Care مع الشرطة في إنجلترا واسكتلندا ورومانيا، وتوصيات المجلس الاستشاري للبحث "
            "لمساعدة الناجين على الإبلاغ عن الجريمة بأمان."
        ),
        "editors_credit": (
            "أشرفت على محتوى هذه النشرة Rachel Witkin وQueenie Sit، المديرتان المشاركتان لمجتمع "
            "الممارسة."
        ),
        "feature_heading": "جديد هذا الأسبوع: الأمان من أي متاجر بالبشر",
        "feature_text": (
            "<p>قد يبدو الإبلاغ عن جريمة كأنه عودة إلى الخطر. نتناول هذا الأسبوع طريقة جعلت بها "
            "الشرطة هذه الخطوة أكثر أمانًا: أن يقف إلى جانب الناجي شخص ليس جزءًا من التحقيق.</p>"
        ),
        "example_description": (
            "<p>يعمل مرافق مستقل إلى جانب محقق الشرطة منذ أول تواصل، وخلال المحكمة وبعدها. "
            "يتفرغ المحقق للأدلة، ويجد الناجي شخصًا ثابتًا إلى جانبه ومكانًا أهدأ من مركز "
            "الشرطة للحديث.</p><p>تبنّى فريق العبودية الحديثة في شرطة العاصمة البرنامج في يناير "
            "2021. ومنذ ذلك الحين ارتفعت نسبة القضايا التي تصل إلى الملاحقة القضائية من 33% إلى "
            "83%.</p>"
        ),
        "quote": "الضحية الأقوى شاهد أقوى. تذكّروا دائمًا الإنسان الذي يقف وراء الأدلة.",
        "recommendations_heading": "مساعدة الناجين على الإبلاغ عن الجريمة بأمان",
        "recommendations_intro": "أربعة اقتراحات يودّ المجلس أن يناقشها مجتمع الممارسة:",
        "recommendations": [
            (
                "درّبوا الشرطة في كل مكان وعلى كل مستوى.",
                "منذ التوظيف، في كل جهاز شرطة، مع مرافقين متاحين في كل منطقة.",
            ),
            (
                "وظّفوا قادة من الناجين.",
                "معتمدين وبأجر، ليساعدوا في تدريب الشرطة ويعملوا مع خطوط المساعدة.",
            ),
            (
                "رفع وعي الجمهور بهدوء.",
                "بالجريمة وبآلية الإحالة الوطنية وبخط المساعدة، بكلمات بسيطة تقول ما يجب فعله.",
            ),
            (
                "معايير للعبودية الحديثة مثل معايير الصحة والسلامة.",
                "ملصقات بأسئلة بسيطة في "
                "المتاجر والمطاعم والمراحيض العامة: هل تُهدَّد في العمل؟ هل تتقاضى الحد الأدنى "
                "للأجور؟",
            ),
        ],
        "did_you_know": (
            "<p>المنتديات على بعد نقرة واحدة في كل صفحة: افتح قائمة المنتديات في الأعلى.</p>"
        ),
        "forum_heading": "ما الذي يجعل الإبلاغ يبدو آمنًا؟",
        "forum_text": "أخبرنا بما ساعدك أو بما وقف في طريقك. يمكنك النشر دون اسمك.",
        "forum_link_text": "انضم إلى منتدى الأمان",
        "place": "إنجلترا واسكتلندا ورومانيا",
        "quote_role": "مفتشة تحقيق",
        "recommendations_source": (
            "أعضاء في المجلس الاستشاري للبحث في MSCOS، في حديث مع Rachel Witkin"
        ),
        "teasers": [
            (
                "الإبلاغ عن الجريمة بأمان: ما قاله لنا الناجون والشرطة",
                "قريبًا: سيكون الموعد في النشرة القادمة",
                "يتوسع أعضاء المجلس في التوصيات الأربع، مع وقت لأسئلتكم.",
            ),
            (
                "الأسبوع الأول لمرافق في قضية",
                "قريبًا",
                "ما يفعله المرافق قبل أن يروي الناجي ما حدث له وفي أثناء ذلك وبعده.",
            ),
        ],
    },
}

"""How dates read in each language the site offers (FORMAT_MODULE_PATH points here).

Every date a reader sees goes through Django's localisation: templates use the named formats
(`|date:"DATE_FORMAT"`, `"DATETIME_FORMAT"`, `"YEAR_MONTH_FORMAT"`), Python uses
`django.utils.formats.date_format` with those names, or the two helpers below for a date with its
day of the week. Never a fixed format with month or day names ("j F Y", "%B"): it would read the
same in every language. `M` and `b` are not used either: Django title-cases `M` ("Oct"), which
Romanian and Albanian do not write.

Django's own Romanian and Albanian catalogues capitalise month and day names ("Octombrie",
"E hënë"); both languages write them in lower case. The marks below put those names into this
project's catalogues (LOCALE_PATHS take precedence over Django's), where they are lower case.
"""

from datetime import date, datetime

from django.utils import formats
from django.utils.translation import gettext_noop, pgettext_lazy

DEFAULTS = {
    "WEEKDAY_DATE_FORMAT": "l j F Y",
    "WEEKDAY_DATETIME_FORMAT": "l j F Y, H:i",
}


def _custom_format(name: str) -> str:
    for module in formats.get_format_modules():
        value = getattr(module, name, None)
        if value:
            return value
    return DEFAULTS[name]


def weekday_date(value: date | datetime) -> str:
    """'Tuesday 31 October 2023', 'marți, 31 octombrie 2023', in the active language."""
    return formats.date_format(value, _custom_format("WEEKDAY_DATE_FORMAT"))


def weekday_datetime(value: datetime) -> str:
    """A weekday date with its time, in the active language."""
    return formats.date_format(value, _custom_format("WEEKDAY_DATETIME_FORMAT"))


# Names Django translates (django.utils.dates), marked again here for our catalogues.
MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
ALTERNATIVE_MONTH_NAMES = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
DAY_NAMES = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]

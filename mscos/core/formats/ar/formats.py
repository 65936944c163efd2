# Arabic: 31 أكتوبر 2023; الثلاثاء، 31 أكتوبر 2023 (the Arabic comma, 24-hour time as in the UK).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
WEEKDAY_DATE_FORMAT = "l، j F Y"
WEEKDAY_DATETIME_FORMAT = "l، j F Y، H:i"

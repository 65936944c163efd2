# Albanian: 31 tetor 2023; e martë, 31 tetor 2023 (names lower case, from our catalogue).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
WEEKDAY_DATE_FORMAT = "l, j F Y"
WEEKDAY_DATETIME_FORMAT = "l, j F Y, H:i"

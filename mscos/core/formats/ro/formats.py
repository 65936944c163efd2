# Romanian: 31 octombrie 2023; marți, 31 octombrie 2023 (names lower case, from our catalogue).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
WEEKDAY_DATE_FORMAT = "l, j F Y"
WEEKDAY_DATETIME_FORMAT = "l, j F Y, H:i"

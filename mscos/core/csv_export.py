"""Every CSV the site gives out: what Excel opens with accents intact, and no cell that runs.

Excel reads a CSV without a byte-order mark in the computer's local code page, so "Ștefan" or
"Zoë" arrive garbled; with the UTF-8 mark first it reads UTF-8. A cell that starts with = + - @
(or a tab or carriage return) would run as a formula, so such a value gets a leading apostrophe.
"""

import csv
from collections.abc import Iterable

from django.http import HttpResponse, StreamingHttpResponse

BYTE_ORDER_MARK = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """The value as text that a spreadsheet shows and never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class _Line:
    """A file-like object whose write() hands back what was written (for streaming)."""

    def write(self, value: str) -> str:
        return value


def _headers(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: never kept by a cache on the way
    return response


def csv_response(*, filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV download: the byte-order mark, a header row, then rows with every cell made safe."""
    response = HttpResponse(content_type=CONTENT_TYPE)
    response.write(BYTE_ORDER_MARK)
    writer = csv.writer(response)
    writer.writerow([str(label) for label in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return _headers(response, filename)


def streaming_csv_response(
    *, filename: str, header: Iterable, rows: Iterable[Iterable]
) -> StreamingHttpResponse:
    """The same as `csv_response`, written line by line (long lists of subscribers)."""
    writer = csv.writer(_Line())

    def lines():
        yield BYTE_ORDER_MARK + writer.writerow([str(label) for label in header])
        for row in rows:
            yield writer.writerow([spreadsheet_safe(cell) for cell in row])

    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines()), content_type=CONTENT_TYPE
    )
    return _headers(response, filename)


class SpreadsheetSafeCsvMixin:
    """For Wagtail index views with `list_export`: their CSV goes through the helper above."""

    def write_csv_response(self, queryset):
        fields = list(self.list_export)
        rows = (
            (
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            )
            for item in queryset
        )
        return streaming_csv_response(
            filename=f"{self.get_filename()}.csv",
            header=[self.get_heading(queryset, field) for field in fields],
            rows=rows,
        )

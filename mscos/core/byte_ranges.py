"""Byte ranges (RFC 9110 section 14) on files the application serves itself.

Podcast apps and directories ask for audio in pieces (`Range: bytes=0-1`, then a seek) and refuse
a feed whose enclosures answer only with the whole file; browsers need it to seek in <audio>.
Django's FileResponse always sends the whole file, so `with_byte_ranges` turns a finished
200 FileResponse into the one right answer: 206 with Content-Range, 416 for a range past the
end, or the whole file (200) for anything it does not serve (several ranges, a stale If-Range).
"""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

_SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_CHUNK = 64 * 1024
# Headers of the full answer that stay true for a part of it.
_KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Content-Security-Policy",
    "X-Content-Type-Options",
)


def _requested_range(header: str, size: int) -> tuple[int, int] | str | None:
    """(first, last) byte to send; None to send everything; "unsatisfiable" for a 416."""
    match = _SINGLE_RANGE.match(header.replace(" ", ""))
    if match is None:
        return None  # several ranges or another unit: the whole file is a correct answer
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:  # "bytes=-500": the last 500 bytes
        suffix = int(last_text)
        if suffix == 0:
            return "unsatisfiable"
        return max(size - suffix, 0), size - 1
    first = int(first_text)
    if last_text and int(last_text) < first:
        return None  # syntactically invalid: ignored, as RFC 9110 says
    if first >= size:
        return "unsatisfiable"
    last = int(last_text) if last_text else size - 1
    return first, min(last, size - 1)


def _if_range_allows(request, response) -> bool:
    """If-Range names the version the client holds; a part of another version would corrupt it."""
    validator = request.headers.get("If-Range")
    if not validator:
        return True
    return validator in (response.get("ETag"), response.get("Last-Modified"))


def _read_part(file, first: int, length: int):
    try:
        file.seek(first)
        remaining = length
        while remaining > 0:
            chunk = file.read(min(_CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        file.close()


def with_byte_ranges(request, response):
    """The response to `request`, answering its Range header if `response` is a whole file."""
    if response.status_code != 200 or not isinstance(response, FileResponse):
        return response
    size_header = response.get("Content-Length")
    if size_header is None:
        return response  # a file of unknown size cannot be cut
    response["Accept-Ranges"] = "bytes"
    range_header = request.headers.get("Range")
    if request.method not in ("GET", "HEAD") or not range_header:
        return response
    if not _if_range_allows(request, response):
        return response
    size = int(size_header)
    wanted = _requested_range(range_header, size)
    if wanted is None:
        return response
    file = response.file_to_stream
    if wanted == "unsatisfiable":
        if file is not None:
            file.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        refused["Accept-Ranges"] = "bytes"
        return refused
    first, last = wanted
    length = last - first + 1
    part = StreamingHttpResponse(_read_part(file, first, length), status=206)
    for name in _KEPT_HEADERS:
        if name in response:
            part[name] = response[name]
    part["Content-Range"] = f"bytes {first}-{last}/{size}"
    part["Content-Length"] = str(length)
    part["Accept-Ranges"] = "bytes"
    return part

"""Reading media through whichever storage holds them (local disk or a bucket), without loading
the bucket's client libraries (boto3) into a site that keeps its media on disk."""

import mimetypes

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404


class MediaStorageUnavailable(Exception):
    """The media bucket did not answer, or refused: the message names it and the reason."""


def media_on_local_disk() -> bool:
    """Whether media are files under MEDIA_ROOT (the default) rather than in a bucket."""
    return isinstance(default_storage, FileSystemStorage)


def stored_file_response(name: str) -> FileResponse:
    """The stored file `name`, read through the media storage (a 404 when there is none)."""
    try:
        file = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Content-Length"] = str(file.size)
    return response

"""Files the demo generates, stored once."""

from django.core.files.storage import default_storage


def stored_file(name: str, make):
    """The generated file at `name`, made and stored only the first time (the demo is loaded
    again and again in tests; one copy of each file is enough)."""
    if not default_storage.exists(name):
        saved = default_storage.save(name, make())
        if saved != name:  # a race with another loader: use whichever was stored
            name = saved
    return name

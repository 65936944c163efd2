import pytest

from tests.mail_server import smtp_server  # noqa: F401 (a fixture)


@pytest.fixture(autouse=True)
def clean_cache(fresh_cache):
    pass

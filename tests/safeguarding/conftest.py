from tests.forum.conftest import open_category, topic  # noqa: F401

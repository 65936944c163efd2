from tests.forum.conftest import fresh_rate_limits, open_category, topic  # noqa: F401

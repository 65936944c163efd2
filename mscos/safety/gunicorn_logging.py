"""gunicorn's own error and access logs, through the same address filter as the application's."""

from gunicorn.glogging import Logger

from mscos.safety.logging import RedactPrivateDataFilter


class RedactingLogger(Logger):
    """gunicorn writes `Invalid request from ip=…` for any malformed or over-long request, with
    handlers of its own outside Django's LOGGING; every handler it sets up gets the filter."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                if not any(isinstance(f, RedactPrivateDataFilter) for f in handler.filters):
                    handler.addFilter(RedactPrivateDataFilter())

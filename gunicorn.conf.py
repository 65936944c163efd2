"""Gunicorn settings: one worker per core, and an access log without client addresses."""

import gc
import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
# The default format starts with %(h)s, the client address; we never log it (docs/privacy.md).
accesslog = "-"
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
# gunicorn's own lines ("Invalid request from ip=…") go through the project's address filter too.
logger_class = "mscos.safety.gunicorn_logging.RedactingLogger"
# Load the app before forking so every worker shares mscos.safety.addresses' in-memory key secret.
preload_app = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket is one path per user, so two servers on one machine would collide;
# nothing here uses gunicornc.
control_socket_disable = True


def pre_fork(server, worker):
    # What the master loaded (Django, every app) is never scanned again by a worker's garbage
    # collector, which took up to 150 ms once in a while; and it stays shared, not copied.
    gc.freeze()

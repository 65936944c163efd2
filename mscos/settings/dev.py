"""Local mode, used by `make run`: DEBUG stays off unless DEBUG=1; the secret key lives in var/."""

from mscos.settings.base import *  # noqa: F403
from mscos.settings.base import VAR_DIR
from mscos.settings.environment import env_str, secret_key_from_file

SECRET_KEY = env_str("SECRET_KEY") or secret_key_from_file(VAR_DIR / "secret_key")

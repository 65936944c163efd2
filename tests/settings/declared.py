"""The value a setting has on a server that does not set its environment variable."""

import os
import runpy
from pathlib import Path
from unittest import mock

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "mscos" / "settings" / "base.py"


def declared_default(name: str):
    """Runs mscos/settings/base.py afresh, without the variable, and returns the setting."""
    environment = {key: value for key, value in os.environ.items() if key != name}
    with mock.patch.dict(os.environ, environment, clear=True):
        return runpy.run_path(str(BASE_SETTINGS))[name]

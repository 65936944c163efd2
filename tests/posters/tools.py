"""Programs the poster tests need from Debian: poppler's pdftoppm and zbar's zbarimg."""

import os
import shutil
import subprocess  # nosec B404 (fixed programs, our own temporary files)
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "posters"


def require(program: str, package: str) -> str:
    path = shutil.which(program)
    if path is None:
        message = f"{program} is missing (apt-get install {package}; .ci/run installs it)."
        if os.environ.get("CI") == "true":
            pytest.fail(message + " It is missing on CI, where these tests must run.")
        pytest.skip(message)
    return path


def decode_qr(png: Path) -> list[str]:
    """Every QR code zbarimg finds in the picture, as text."""
    zbarimg = require("zbarimg", "zbar-tools")
    result = subprocess.run(  # noqa: S603  # nosec B603
        [zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return [line for line in result.stdout.splitlines() if line]

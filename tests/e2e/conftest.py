"""Browser fixtures: one headless Chromium per run, a fresh context per test, a closed network.

Every request a page makes to an origin other than the live server's is recorded, so a test can
assert that no page asked another origin for anything. Every context routes all requests: the
live server's origin goes through, the neutral exit site is answered with a small local page,
anything else is aborted.

Playwright's routing never sees the hop of a redirect (it continues redirected requests itself),
and /exit/ leaves by a 302 to https://neutral.example/weather. So Chromium is also started with
host-resolver rules that send neutral.example to a small HTTPS server on the loopback address
(self-signed certificate, trusted by its key hash only) and make every other host but 127.0.0.1
unresolvable. Nothing can leave the machine.
"""

import base64
import datetime
import hashlib
import http.server
import os
import ssl
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

# Playwright's sync API runs an event loop in the main thread; Django would otherwise refuse
# ORM calls made from the test body ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
# The live server listens on the loopback address, not "localhost", so the only origin a page may
# reach is http://127.0.0.1:<port>.
os.environ["DJANGO_LIVE_TEST_SERVER_ADDRESS"] = "127.0.0.1"

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Request,
    Route,
    sync_playwright,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NEUTRAL_HOST = "neutral.example"
NEUTRAL_ORIGIN = f"https://{NEUTRAL_HOST}"
NEUTRAL_PAGE = (
    "<!doctype html><html lang='en'><head><title>Neutral weather</title></head>"
    "<body><h1>Neutral weather</h1><p>Sunny spells.</p></body></html>"
)
REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
DEFAULT_TIMEOUT_MS = 10_000


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _self_signed_certificate(directory: Path) -> tuple[Path, Path, str]:
    """A certificate for the neutral host: (cert file, key file, base64 SHA-256 of its SPKI)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, NEUTRAL_HOST)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(NEUTRAL_HOST)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_file = directory / "neutral.pem"
    key_file = directory / "neutral-key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return cert_file, key_file, base64.b64encode(hashlib.sha256(spki).digest()).decode()


class _NeutralHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = NEUTRAL_PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, format, *args) -> None:
        pass


@pytest.fixture(scope="session")
def neutral_server(tmp_path_factory) -> Iterator[tuple[int, str]]:
    """The stand-in for the neutral site on 127.0.0.1: (port, SPKI hash of its certificate)."""
    cert_file, key_file, spki_hash = _self_signed_certificate(tmp_path_factory.mktemp("neutral"))
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert_file, key_file)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NeutralHandler)
    server.daemon_threads = True
    server.socket = tls.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, name="neutral-site", daemon=True)
    thread.start()
    yield server.server_address[1], spki_hash
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        message = (
            f"Browser tests need Debian's Chromium at {CHROMIUM} "
            "(apt-get install chromium); Playwright's own browser download is not used."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message + " It is missing on CI, where these tests must run.")
        pytest.skip(message)
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright, neutral_server: tuple[int, str]) -> Iterator[Browser]:
    port, spki_hash = neutral_server
    args = [
        *CHROMIUM_ARGS,
        # The neutral host is the local stand-in; no other name but 127.0.0.1 resolves.
        f"--host-resolver-rules=MAP {NEUTRAL_HOST} 127.0.0.1:{port}, MAP * ~NOTFOUND, "
        "EXCLUDE 127.0.0.1",
        f"--ignore-certificate-errors-spki-list={spki_hash}",
    ]
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
    yield browser
    browser.close()


@pytest.fixture
def site_url(transactional_db, demo_site, live_server) -> str:
    """The live server's base URL, serving the demo site.

    The live server needs a transactional database, which is emptied after each test;
    `demo_site` writes back every table as it was with the demo loaded, what migrations created
    included (tests/demo_snapshot.py).
    """
    return live_server.url


@pytest.fixture
def offsite_requests() -> list[str]:
    """Every request a page made to another origin than the live server's (neutral site too)."""
    return []


@pytest.fixture
def new_context(
    browser: Browser, site_url: str, offsite_requests: list[str]
) -> Iterator[Callable[..., BrowserContext]]:
    """Makes browser contexts with the routing described above; all are closed after the test."""
    allowed_origin = _origin(site_url)
    contexts: list[BrowserContext] = []

    def record(request: Request) -> None:
        url = request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss", "ftp") and (
            _origin(url) != allowed_origin
        ):
            offsite_requests.append(url)

    def handle(route: Route) -> None:
        url = route.request.url
        origin = _origin(url)
        if origin == allowed_origin and urlsplit(url).path == "/favicon.ico":
            # Chromium asks for a favicon on its own, after the page has loaded; answered by the
            # live server, that request can still be running while the next test resets the
            # database (an in-memory SQLite connection shared between threads). The site has no
            # favicon, so answer 404 here.
            route.fulfill(status=404, content_type="text/plain", body="")
        elif origin == allowed_origin:
            route.continue_()
        elif origin == NEUTRAL_ORIGIN:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=NEUTRAL_PAGE)
        else:
            route.abort("blockedbyclient")

    def make(**kwargs) -> BrowserContext:
        kwargs.setdefault("base_url", site_url)
        kwargs.setdefault("service_workers", "block")
        context = browser.new_context(**kwargs)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.on("request", record)
        context.route("**/*", handle)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def nojs_page(new_context) -> Page:
    return new_context(java_script_enabled=False).new_page()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR

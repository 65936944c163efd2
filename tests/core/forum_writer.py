"""A second process that keeps writing forum posts while a test backs up or moves the database."""

import contextlib
import dataclasses
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

WRITER = """
import sys, time, django
from pathlib import Path
django.setup()
from mscos.forum.models import Post, Topic

topic = Topic.objects.get(pk=int(sys.argv[1]))
ready, stop = Path(sys.argv[2]), Path(sys.argv[3])
number = 0
while not stop.exists():
    number += 1
    Post.objects.create(topic=topic, position=100000 + number, status="pending",
                        body=sys.argv[4].format(number), body_html="<p>written meanwhile</p>")
    if number == 3:
        ready.touch()
    time.sleep(float(sys.argv[5]))
print(number)
"""


@dataclasses.dataclass
class Written:
    """How many posts the writer made; known once the `with` block has ended."""

    count: int = 0


@contextlib.contextmanager
def posts_written_meanwhile(
    env: dict[str, str], *, topic_id: int, reply: str, folder: Path, pause: float = 0.01
) -> Iterator[Written]:
    """Runs the block while another process writes replies ("reply" with {} for the number).

    The block starts only after the writer has saved three posts, so the writes overlap it.
    """
    ready, stop = folder / "writer-ready", folder / "writer-stop"
    writer = subprocess.Popen(  # noqa: S603 (this project's own Python)
        [sys.executable, "-c", WRITER, str(topic_id), str(ready), str(stop), reply, str(pause)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    written = Written()
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert writer.poll() is None, writer.communicate()
            assert time.monotonic() < deadline, "the writer did not start"
            time.sleep(0.05)
        yield written
    finally:
        stop.touch()
        output, errors = writer.communicate(timeout=60)
    assert writer.returncode == 0, errors
    written.count = int(output.strip())

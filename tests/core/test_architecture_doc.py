"""docs/architecture.md names only files and folders that exist, and lists every document and
decision record, so a newcomer who follows it never lands on a path that is not there."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MAP = REPO / "docs" / "architecture.md"
FILE_ENDINGS = (".py", ".md", ".html", ".css", ".js", ".json", ".toml", ".sh", ".txt", ".yaml")
# Outside the repository: the workplace's shared style guide, beside the checkout.
OUTSIDE = ("shared/",)
# Not the project's own files: the virtual environment, run-time data, caches.
SKIPPED = {".git", ".venv", "var", "node_modules", "test-artifacts", "mscos.egg-info"}
SKIPPED |= {".mypy_cache", ".ruff_cache", ".pytest_cache", ".import_linter_cache"}


def _repository_paths() -> set[str]:
    """Every file and folder of the checkout (with and without a trailing slash for folders)."""
    paths = set()
    for top in REPO.iterdir():
        if top.name in SKIPPED:
            continue
        for path in [top, *top.rglob("*")] if top.is_dir() else [top]:
            relative = path.relative_to(REPO)
            if "__pycache__" in relative.parts:
                continue
            paths.add(str(relative))
            if path.is_dir():
                paths.add(f"{relative}/")
    return paths


def _named_paths() -> list[tuple[str, list[str]]]:
    """(path as written, the app folders of the section it is in) for every path in backticks."""
    named = []
    bases: list[str] = []
    for line in MAP.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            bases = re.findall(r"`(mscos/[a-z_]+/)`", line) if line.startswith("### ") else []
        for token in re.findall(r"`([^`\s]+)`", line):
            if token.startswith(("/", "<", "--")) or any(c in token for c in "<>*…:=()'\""):
                continue
            if token.startswith(OUTSIDE):
                continue
            if "/" in token or token.endswith(FILE_ENDINGS):
                named.append((token, bases))
    return named


def _by_ending(paths: set[str]) -> dict[str, list[str]]:
    """Each path under every ending it has: "a/b/c.py" under "c.py", "b/c.py" and "a/b/c.py"."""
    endings: dict[str, list[str]] = {}
    for path in paths:
        parts = path.rstrip("/").split("/")
        slash = "/" if path.endswith("/") else ""
        for start in range(len(parts)):
            endings.setdefault("/".join(parts[start:]) + slash, []).append(path)
    return endings


def _exists(token: str, bases: list[str], endings: dict[str, list[str]]) -> bool:
    found = endings.get(token, [])
    if token in found or f"mscos/{token}" in endings:  # written from the top of the checkout
        return True
    if not bases:
        # Anywhere in the checkout, e.g. `css/site.css` in the row of mscos/static/.
        return bool(found)
    return any(path.startswith(base) for base in bases for path in found)


def test_the_map_names_paths_and_the_check_reads_them():
    named = [token for token, _ in _named_paths()]
    assert "mscos/settings/" in named and "selectors.py" in named and len(named) > 150


def test_every_path_the_map_names_exists():
    endings = _by_ending(_repository_paths())
    missing = [
        f"{token} (in {', '.join(bases) or 'the repository'})"
        for token, bases in _named_paths()
        if not _exists(token, bases, endings)
    ]
    assert missing == []


def test_the_map_lists_every_document_and_decision_record():
    text = MAP.read_text(encoding="utf-8")
    documents = sorted(
        str(path.relative_to(REPO)) for path in (REPO / "docs").rglob("*.md") if path != MAP
    )
    assert [document for document in documents if f"`{document}`" not in text] == []

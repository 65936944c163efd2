"""Every setting the code reads is declared once, with its default, in mscos/settings/ (or is one
of Django's own), and every environment variable behind them is read once and listed for operators
in docs/deploy.md. A knob read with getattr(settings, "X", default) hides its default where nobody
looks for it, and two defaults drift apart; this test reads the code to stop both."""

import ast
import re
from pathlib import Path

from django.conf import global_settings

REPO = Path(__file__).resolve().parents[2]
CODE = REPO / "mscos"
SETTINGS_DIR = CODE / "settings"
ENVIRONMENT_READERS = {"env_str", "env_int", "env_bool", "env_list"}
# Read by the settings for the test suite's own machinery, not by an operator.
NOT_FOR_OPERATORS = {"PYTEST_XDIST_WORKER"}


def _code_modules() -> list[Path]:
    return sorted(
        path
        for path in CODE.rglob("*.py")
        if "migrations" not in path.parts and SETTINGS_DIR not in path.parents
    )


def _settings_names(tree: ast.Module) -> set[str]:
    """The names a module binds to django.conf.settings."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.conf":
            names |= {
                alias.asname or alias.name for alias in node.names if alias.name == "settings"
            }
    return names


def _reads(path: Path) -> list[tuple[str, int, str | None, bool]]:
    """(where, line, setting name or None when it is computed, whether a default is given)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _settings_names(tree)
    where = str(path.relative_to(REPO))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ):
            found.append((where, node.lineno, node.attr, False))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "hasattr"}
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in names
        ):
            key = node.args[1] if len(node.args) > 1 else None
            name = key.value if isinstance(key, ast.Constant) else None
            found.append((where, node.lineno, name, len(node.args) > 2))
    return found


def _declared() -> set[str]:
    names = {name for name in dir(global_settings) if name.isupper()}
    for path in SETTINGS_DIR.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = (
                node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            )
            names |= {target.id for target in targets if isinstance(target, ast.Name)}
    return names


def _environment_reads(*paths: Path) -> list[tuple[str, str]]:
    """(variable, where) for every environment variable these files read (by default: every
    settings module and gunicorn's)."""
    paths = paths or (*sorted(SETTINGS_DIR.glob("*.py")), REPO / "gunicorn.conf.py")
    reads = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            function = node.func
            direct = isinstance(function, ast.Name) and function.id in ENVIRONMENT_READERS
            environ = (
                isinstance(function, ast.Attribute)
                and function.attr == "get"
                and isinstance(function.value, ast.Attribute)
                and function.value.attr == "environ"
            )
            if (direct or environ) and isinstance(node.args[0], ast.Constant):
                reads.append((node.args[0].value, f"{path.relative_to(REPO)}:{node.lineno}"))
    return reads


def test_the_scan_finds_the_reads_it_is_meant_to_find():
    reads = [read for path in _code_modules() for read in _reads(path)]
    names = {name for _, _, name, _ in reads}
    assert {"SITE_URL", "FORUM_MAX_POST_LENGTH", "MODERATION_UNDO_MINUTES"} <= names
    assert len(reads) > 50
    assert {"FORUM_MAX_POST_LENGTH", "ADDRESS_HASH_RETENTION_DAYS"} <= _declared()
    assert len(_environment_reads()) > 30


def test_every_setting_the_code_reads_is_declared_in_the_settings():
    declared = _declared()
    undeclared = [
        f"{where}:{line} reads settings.{name}"
        for path in _code_modules()
        for where, line, name, _ in _reads(path)
        if name is not None and name not in declared
    ]
    assert undeclared == [], "declare these in mscos/settings/base.py with their default"


def test_no_setting_is_read_with_a_default_of_its_own_or_by_a_computed_name():
    hidden = [
        f"{where}:{line} " + ("has a default" if has_default else "computes the name")
        for path in _code_modules()
        for where, line, name, has_default in _reads(path)
        if has_default or name is None
    ]
    assert hidden == [], "read settings.X; the default belongs in mscos/settings/base.py"


def test_each_environment_variable_is_read_once():
    """Once per mode: a server runs base.py, environment.py and one of dev, test or production."""
    shared = [SETTINGS_DIR / "base.py", SETTINGS_DIR / "environment.py", REPO / "gunicorn.conf.py"]
    twice = {}
    for mode in ("dev", "test", "production"):
        seen: dict[str, list[str]] = {}
        for variable, where in _environment_reads(*shared, SETTINGS_DIR / f"{mode}.py"):
            seen.setdefault(variable, []).append(where)
        twice |= {variable: places for variable, places in seen.items() if len(places) > 1}
    assert twice == {}, "read it once into a setting and use the setting"


def test_every_environment_variable_is_listed_for_operators():
    guide = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", guide))
    missing = sorted(
        {variable for variable, _ in _environment_reads()} - listed - NOT_FOR_OPERATORS
    )
    assert missing == [], "add these to the settings table in docs/deploy.md"

#!/usr/bin/env python3
"""Fail when a view module queries the ORM itself (`.objects`) or a models module imports a views
module: views call selectors, services and permissions (docs/architecture.md, "Where code goes").

Usage: bin/check_thin_views.py [ROOT]   (ROOT defaults to the repository's `mscos` package)
Prints `path:line: message` for each finding and exits 1 if there is any.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parent.parent / "mscos"


def view_modules(root: Path) -> Iterator[Path]:
    """mscos/<app>/views.py and mscos/<app>/views/*.py."""
    yield from sorted(root.glob("*/views.py"))
    yield from sorted(root.glob("*/views/*.py"))


def models_modules(root: Path) -> Iterator[Path]:
    """mscos/<app>/models.py and mscos/<app>/models/*.py."""
    yield from sorted(root.glob("*/models.py"))
    yield from sorted(root.glob("*/models/*.py"))


def _is_project_views_module(name: str, *, relative: bool) -> bool:
    """`mscos.<app>.views`, `mscos.<app>.admin_views`, `.views` and the like."""
    parts = name.split(".")
    if not relative and parts[0] != "mscos":
        return False
    return any(part == "views" or part.endswith("_views") for part in parts)


def orm_queries(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            yield (
                node.lineno,
                "ORM query in a view module (`.objects`): read through a selector, "
                "write through a service",
            )


def views_imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        names: list[str] = []
        relative = False
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            relative = node.level > 0
            names = [f"{module}.{alias.name}".lstrip(".") for alias in node.names]
        if any(_is_project_views_module(name, relative=relative) for name in names):
            yield (
                node.lineno,
                "a models module imports a views module: move what the page needs into "
                "selectors, services or a form-handling module",
            )


def check_file(path: Path, checks: Iterable) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = sorted((line, message) for check in checks for line, message in check(tree))
    return [f"{path}:{line}: {message}" for line, message in found]


def check(root: Path) -> list[str]:
    findings: list[str] = []
    for path in view_modules(root):
        findings += check_file(path, [orm_queries])
    for path in models_modules(root):
        findings += check_file(path, [views_imports])
    return findings


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else DEFAULT_ROOT
    findings = check(root)
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} thin-view finding(s); see docs/architecture.md", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""bin/check_thin_views.py (run by `make lint`) fails on a view module that queries the ORM and on a
models module that imports a views module, naming the file and line, and passes the project."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHECKER = REPO / "bin" / "check_thin_views.py"


def _run(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our own script, by absolute path)
        [sys.executable, str(CHECKER), str(root)], capture_output=True, text=True, check=False
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_view_module_querying_the_orm_fails_with_its_file_and_line(tmp_path):
    _write(
        tmp_path / "shop" / "views.py",
        "from shop.models import Item\n\n\ndef items(request):\n    return Item.objects.all()\n",
    )
    result = _run(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path / 'shop' / 'views.py'}:5: ORM query in a view module" in result.stdout


def test_a_module_of_a_views_package_querying_the_orm_fails(tmp_path):
    _write(tmp_path / "shop" / "views" / "cart.py", "def cart(request):\n    Cart.objects\n")
    result = _run(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path / 'shop' / 'views' / 'cart.py'}:2:" in result.stdout


def test_a_models_module_importing_a_views_module_fails_even_inside_a_function(tmp_path):
    _write(
        tmp_path / "shop" / "models.py",
        "class ShopPage:\n    def serve(self, request):\n"
        "        from mscos.shop import views\n\n        return views.shop(request)\n",
    )
    result = _run(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path / 'shop' / 'models.py'}:3: a models module imports a views module" in (
        result.stdout
    )


def test_views_calling_selectors_and_models_importing_django_views_pass(tmp_path):
    _write(
        tmp_path / "shop" / "views.py",
        "from shop import selectors\n\n\ndef items(request):\n    return selectors.items()\n",
    )
    _write(
        tmp_path / "shop" / "models.py", "from django.views.decorators.cache import never_cache\n"
    )
    _write(tmp_path / "shop" / "selectors.py", "def items():\n    return Item.objects.all()\n")
    result = _run(tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""

"""The architecture's one rule: the splitting core never imports Pelican."""

import ast
import subprocess
import sys
from pathlib import Path

import pelican.plugins.briefings.core as core

CORE_DIR = Path(core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level >= 2:
            # `from .. import x` climbs out of core/ into the Pelican side.
            names.add("pelican.plugins.briefings" + ("." + node.module if node.module else ""))
    return names


def test_no_core_module_imports_pelican():
    offenders = {
        path.name: sorted(n for n in imported_modules(path)
                          if n == "pelican" or n.startswith("pelican."))
        for path in sorted(CORE_DIR.glob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_core_loads_without_pelican_in_the_process():
    """Import every core module in a process where `import pelican` fails."""
    modules = sorted(p.stem for p in CORE_DIR.glob("*.py") if p.stem != "__init__")
    code = (
        "import sys, importlib.util, importlib.machinery\n"
        f"sys.path.insert(0, {str(CORE_DIR.parent.parent.parent.parent)!r})\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pelican.plugins.briefings.core' or name.startswith("
        "'pelican.plugins.briefings.core.'):\n"
        "            return None\n"
        "        if name == 'pelican' or name.startswith('pelican.'):\n"
        "            raise ImportError('core imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        # The core is loaded as a package of its own, outside `pelican`.
        f"spec = importlib.util.spec_from_file_location('core', {str(CORE_DIR / '__init__.py')!r},"
        f" submodule_search_locations=[{str(CORE_DIR)!r}])\n"
        "pkg = importlib.util.module_from_spec(spec); sys.modules['core'] = pkg\n"
        "spec.loader.exec_module(pkg)\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('core.' + name)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"

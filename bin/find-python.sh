#!/usr/bin/env sh
# Prints the path of a working Python 3.12+ interpreter: PATH first, then pyenv's versions folder.
ok() { "$1" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
for name in python3.14 python3.13 python3.12 python3; do
  candidate=$(command -v "$name" 2>/dev/null) || continue
  if ok "$candidate"; then echo "$candidate"; exit 0; fi
done
pyenv_root=${PYENV_ROOT:-$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")}
for candidate in $(ls -d "$pyenv_root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do
  if ok "$candidate"; then echo "$candidate"; exit 0; fi
done
echo "No Python 3.12 or newer was found on PATH or under $pyenv_root/versions." >&2
echo "Install one (for example: sudo apt-get install python3.12 python3.12-venv, or pyenv install 3.13) and run make again." >&2
exit 1

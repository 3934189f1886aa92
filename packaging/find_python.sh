#!/usr/bin/env bash
# The Python that make builds .venv with: the first 3.12 or newer found.
#
# Not 3.11: PySide6 6.12 miscounts its references to None and True there (3.12
# made them immortal), and the window aborts after a few thousand keystrokes
# (tests/ui/test_qt_binding.py). pyenv's versions are looked at too: its shims
# run only the selected version.
set -u
candidates=(python3.12 python3.13 python3.14 python3)
if command -v pyenv >/dev/null 2>&1; then
    root="$(pyenv root)"
    for v in 3.12 3.13 3.14; do
        for p in "$root"/versions/"$v".*/bin/python3; do
            [ -x "$p" ] && candidates+=("$p")
        done
    done
fi
for p in "${candidates[@]}"; do
    if "$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
        command -v "$p"
        exit 0
    fi
done
echo "make: no Python 3.12 or newer found; install one, or run make PYTHON=/path/to/python3.12" >&2
exit 1

"""Runtime hook: never write ``__pycache__`` into the installed folder.

Alembic runs the migration scripts from source (``eccp_desktop/store/migrations``);
Python would otherwise try to cache their bytecode beside them, inside a folder
that is read-only for officers without admin rights (or worse, writable and
then differing between machines).
"""

import sys

sys.dont_write_bytecode = True

"""Trust: signed packages and signed PDFs (pyHanko, RFC 8785), and who may sign.

Qt-free like the rest below the window. pyHanko does the cryptography; this
package decides what a signature means for a factsheet (authorised for its
country or not) and puts every failure into one line a user can act on.
"""

from __future__ import annotations

import logging

# pyHanko logs validation failures with tracebacks; we report them ourselves in one line.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

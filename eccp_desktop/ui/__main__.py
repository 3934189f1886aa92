"""``python -m eccp_desktop.ui``: the window, skipping the command-line parser."""

import sys

from eccp_desktop.ui.launch import main

sys.exit(main(sys.argv[1:]))

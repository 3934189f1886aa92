"""The bundle's entry point: the ``eccp-desktop`` console script, frozen.

``freeze_support`` must run first: on Windows and macOS, worker processes
(``pdf --all --jobs N``) start by re-running this executable, and it turns
those starts into workers instead of new command lines.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from eccp_desktop.__main__ import main

    sys.exit(main())

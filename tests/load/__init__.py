"""`make load-postgres`: many officers on one PostgreSQL store, and proof nothing was lost.

``python -m tests.load`` seeds a fresh database, runs ``LOAD_CLIENTS`` client
processes (``client.py``) for ``LOAD_SECONDS`` through the operations layer
the window uses, then ``checker.py`` proves from the clients' logs against
the final store and its history that no acknowledged write was lost or
silently overwritten. Not collected by ``make test`` (no ``test_`` files
but ``test_load.py``, which needs a server).
"""

"""Editions of a factsheet: identity of items, diff, three-way merge, base snapshots.

Qt-free. Everything here works on exchange dictionaries
(``eccp_desktop.exchange.codec.factsheet_to_dict``), so every place it names is
an exchange-format path that the window, the validation and the command line
already understand.
"""

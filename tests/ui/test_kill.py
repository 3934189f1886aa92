"""Kill the application in the middle of editing: every completed edit is in the store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from eccp_desktop.store import Store

pytestmark = [pytest.mark.gui, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_mid_editing_loses_no_completed_edit(
    open_window, pl_store: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with Store.open(pl_store) as s:
        original = s.load("PL", 2023).sections["economic_context"]["en"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.kill_child", str(pl_store), str(tmp_path / "s.ini")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    last: dict[str, str] = {}
    for line in child.stdout:
        _done, kind, value = line.rstrip("\n").split(" ", 2)
        last[kind] = value
        if len(last.get("text", "")) >= 40:
            break  # the child is still typing: kill it mid-edit
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with Store.open(pl_store) as s:  # "after restart"
        fs = s.load("PL", 2023)
    stored_text = fs.sections["economic_context"]["en"]
    assert stored_text.startswith(original + last["text"])
    # at most the keystroke in flight when killed may be there too
    assert len(stored_text) - len(original + last["text"]) <= 1
    assert fs.clusters[0].members >= int(last["members"])
    # the killed window's lock is stale: the restarted window may write
    w = open_window(pl_store)
    assert not w.locked_out and w.doc.editable
    assert w.doc.factsheet.sections["economic_context"]["en"] == stored_text

"""One simulated client: its own process, the real store code, the window's operations.

``python -m tests.load.client CONFIG.json``. Opens the store as the app does,
says it is ready, waits for the common start, then until the deadline
thinks (a seeded random pause) and acts: edits a field, adds or deletes a
row, comments, changes the status, or reads the list / the state of play.
Every outcome is one JSON line in its own log: acknowledged writes with the
version seen, the version acknowledged, the path and value and the latency;
conflicts, refusals and failures with their reason. After a conflict the
client does what a user does: it has the reloaded factsheet and makes its
edit again (once).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import select
import sys
import time
import traceback
from pathlib import Path
from typing import Any, TextIO

from eccp_desktop.domain.codes import RATINGS
from eccp_desktop.domain.model import ReviewComment, Source
from eccp_desktop.editing import InsertItem, Operation, RemoveItem, SetValue, paths
from eccp_desktop.operations import Conflict, Done, Failed, Refused
from eccp_desktop.operations.factsheet import FactsheetOps
from eccp_desktop.store import Store, retry
from eccp_desktop.store.errors import StoreError
from eccp_desktop.store.notifications import watcher_for

LOAD_SOURCE = "load source "  # sources the clients add (and may delete): unique titles


@dataclasses.dataclass
class Action:
    """What the client is about to do, as the checker will read it back."""

    kind: str  # set, add, delete, comment, status
    path: str
    value: Any  # what was written (for add/delete/comment: the row's title or text)
    op: Operation | None = None
    target: str = ""  # status: the target status


class Client:
    def __init__(self, config: dict[str, Any], log: TextIO) -> None:
        self.config = config
        self.role = config["role"]
        self.actor: str = self.role["actor"]
        self.rng = random.Random(f"{config['seed']}-{self.role['index']}")
        self.log = log
        self.store = Store.open(config["url"])
        self.counter = 0
        self.ops: FactsheetOps | None = None
        self.edited: list[str] = list(config["edited"])
        # As the window: hear others' saves (LISTEN/NOTIFY) and show them at once.
        self.watcher = watcher_for(self.store)
        self.ids = {(s.country, s.edition): s.id for s in self.store.list()}
        # Packages the central team exported and will get back edited (merge import).
        self.packages: list[tuple[Any, dict[str, Any]]] = []

    # -- logging ---------------------------------------------------------------
    def write(self, kind: str, **fields: Any) -> None:
        entry = {"kind": kind, "client": self.role["index"], "actor": self.actor, "t": time.time()}
        entry.update(fields)
        self.log.write(json.dumps(entry, default=str) + "\n")
        self.log.flush()

    # -- choosing ----------------------------------------------------------------
    def think(self) -> None:
        """Pause as a user does, refreshing the open factsheet when others save it."""
        until = time.time() + self.rng.uniform(self.config["think_min"], self.config["think_max"])
        while (left := until - time.time()) > 0:
            fd = self.watcher.fileno()
            if fd is None:
                time.sleep(min(left, self.watcher.interval or 0.25))
            else:
                select.select([fd], [], [], left)
            self.hear()

    def hear(self) -> None:
        heard = self.watcher.drain()
        if self.config.get("inject") == "blind":
            return  # the broken client of the checker's own test never refreshes
        if heard.lost:
            self.write("failed", what="listen", reason=heard.lost)
            return
        if self.ops is None:
            return
        fid = self.ids.get(self.ops.ident)
        newer = any(i == fid and (v or 0) > self.ops.session.version for i, v in heard.changed)
        if newer or heard.resync:
            outcome = self.ops.reload()
            if isinstance(outcome, Done):
                country, edition = self.ops.ident
                self.write(
                    "refreshed", country=country, edition=edition, version=self.ops.session.version
                )
            else:
                self.write("failed", what="refresh", reason=getattr(outcome, "reason", ""))

    def open_factsheet(self, country: str) -> FactsheetOps:
        if self.ops is None or self.ops.ident[0] != country:
            reviewer = self.role["kind"] == "reader"
            self.ops = FactsheetOps(
                self.store, country, self.config["edition"], actor=self.actor, reviewer=reviewer
            )
        return self.ops

    def pick_country(self) -> str:
        if self.role["kind"] == "officer":
            return str(self.role["country"])
        # central team and readers go from one factsheet to another
        if self.ops is None or self.rng.random() < 0.3:
            return self.rng.choice(self.edited)
        return self.ops.ident[0]

    def unique(self) -> str:
        self.counter += 1
        return f"{self.actor} #{self.counter}"

    def field_edit(self, ops: FactsheetOps) -> Action:
        fs = ops.factsheet
        choices = ["text", "rating"]
        if fs.clusters:
            choices.append("members")
        if fs.policies:
            choices.append("budget")
        what = self.rng.choice(choices)
        if what == "text":
            key = self.rng.choice(sorted(fs.sections))
            path, value = f"/sections/{key}/en", f"Text by {self.unique()}."
        elif what == "rating":
            dim = self.rng.choice(sorted(fs.policy_assessment))
            current = fs.policy_assessment[dim].rating
            path = f"/policy_assessment/{dim}/rating"
            value = self.rng.choice([r for r in RATINGS if r != current])
        elif what == "members":
            i = self.rng.randrange(len(fs.clusters))
            current = fs.clusters[i].members
            path = f"/clusters/{i}/members"
            value = self.rng.choice([n for n in range(20, 400) if n != current])
        else:
            i = self.rng.randrange(len(fs.policies))
            current = fs.policies[i].budget_eur
            path = f"/policies/{i}/budget_eur"
            value = float(self.rng.choice([n for n in range(1, 900) if n * 10_000 != current]))
            value *= 10_000
        return Action("set", path, value, SetValue(path, value))

    def row_edit(self, ops: FactsheetOps, delete: bool) -> Action:
        sources = ops.factsheet.sources
        ours = [i for i, s in enumerate(sources) if s.title.startswith(LOAD_SOURCE)]
        if delete and ours:
            i = self.rng.choice(ours)
            return Action("delete", "/sources", sources[i].title, RemoveItem("/sources", i))
        title = LOAD_SOURCE + self.unique()
        row = Source(title, "https://load.example.eu/", dt.date(2023, 11, 1))
        at = self.rng.randrange(len(sources) + 1)
        return Action("add", "/sources", title, InsertItem("/sources", at, row))

    def comment(self, ops: FactsheetOps) -> Action:
        fs = ops.factsheet
        text = f"Comment by {self.unique()}"
        key = self.rng.choice(sorted(fs.sections))
        row = ReviewComment(
            path=f"/sections/{key}",
            author=self.actor,
            role="expert" if self.role["kind"] == "reader" else "authority",
            text=text,
            created=dt.datetime.now(dt.UTC).replace(microsecond=0),
        )
        n = len(fs.review_comments)
        return Action("comment", "/review_comments", text, InsertItem("/review_comments", n, row))

    def status(self, ops: FactsheetOps) -> Action:
        target = "submitted" if ops.factsheet.status == "draft" else "draft"
        return Action("status", "/status", target, target=target)

    def choose(self, ops: FactsheetOps) -> Action | str:
        r = self.rng.random()
        if self.role["kind"] == "reader":
            if r < 0.45:
                return "stateofplay"
            if r < 0.75:
                return "list"
            return self.comment(ops)
        if self.config["rights"] and self.role["kind"] == "officer":
            if self.rng.random() < self.config["foreign"]:
                return "foreign"
        if self.role["kind"] == "central" and r < 0.15:
            return "export" if len(self.packages) < 2 else "import"
        if r < 0.55:
            return self.field_edit(ops)
        if r < 0.65:
            return self.row_edit(ops, delete=False)
        if r < 0.72:
            return self.row_edit(ops, delete=True)
        if r < 0.84:
            return self.comment(ops)
        if r < 0.89:
            return self.status(ops)
        if r < 0.97:
            return "list"
        return "stateofplay"

    # -- acting ------------------------------------------------------------------
    def read(self, what: str) -> None:
        from eccp_desktop.stateofplay import compute

        start = time.perf_counter()
        try:
            if what == "list":
                n = len(self.store.list())
            else:
                n = len(compute(self.store.load_all()).lines)
        except StoreError as e:
            self.write("failed", what=what, reason=str(e))
            return
        ms = (time.perf_counter() - start) * 1000
        self.write("read", what=what, ms=ms, rows=n)

    def foreign(self) -> None:
        """Try to write another country's factsheet: the app must refuse, and so must the server.

        Half the attempts go through the operations layer (the window), half
        straight to the database as a modified client would, bypassing every
        check of the app: only the server's row-level security stands there.
        """
        from sqlalchemy import insert, update
        from sqlalchemy.exc import DBAPIError

        from eccp_desktop.store import schema as s

        own = self.role["country"]
        country = self.rng.choice([c for c in self.edited if c != own])
        edition = self.config["edition"]
        fid = self.ids[(country, edition)]
        marker = f"Forbidden by {self.unique()}"
        common = {"country": country, "edition": edition, "fid": fid, "value": marker}
        if self.rng.random() < 0.5:
            try:
                ops = FactsheetOps(self.store, country, edition, actor=self.actor)
                outcome = ops.edit(SetValue("/sections/economic_context/en", marker))
            except StoreError as e:
                self.write("failed", what="foreign", reason=str(e))
                return
            refused = not isinstance(outcome, Done)
            how = type(outcome).__name__ + ": " + getattr(outcome, "reason", "")
            self.write("foreign", layer="app", refused=refused, how=how, **common)
            return
        what = self.rng.choice(["text", "version", "history"])
        if what == "text":
            stmt: Any = (
                update(s.section).where(s.section.c.factsheet_id == fid).values(text={"en": marker})
            )
        elif what == "version":
            stmt = (
                update(s.factsheet)
                .where(s.factsheet.c.id == fid)
                .values(version=s.factsheet.c.version + 1)
            )
        else:
            stmt = insert(s.change).values(
                factsheet_id=fid,
                at=dt.datetime.now(dt.UTC),
                actor=self.actor,
                action="edit",
                path="/sections/economic_context/en",
                old=None,
                new=marker,
            )
        try:
            with self.store.engine.begin() as conn:
                rows = conn.execute(stmt).rowcount
            refused, how = rows == 0, f"{rows} rows"
        except DBAPIError as e:
            code = retry.sqlstate(e)
            refused, how = code == "42501", f"{code}: {str(e.orig).splitlines()[0]}"
        self.write("foreign", layer="server", refused=refused, how=f"{what}: {how}", **common)

    def export(self, ops: FactsheetOps) -> None:
        """Export a package; a national authority edits one text in it and sends it back."""
        from eccp_desktop.operations.editions_ops import exported

        country, edition = ops.ident
        try:
            fs, base = exported(self.store, country, edition)
        except StoreError as e:
            self.write("failed", what="export", reason=str(e))
            return
        key = self.rng.choice(sorted(fs.sections))
        path, value = f"/sections/{key}/en", f"Package text by {self.unique()}."
        paths.put(fs, path, value)
        self.packages.append((fs, {"base": base, "path": path, "value": value}))

    def import_packages(self) -> None:
        """Import the packages that came back, in one all-or-nothing merge import."""
        from eccp_desktop.exchange.package import dumps
        from eccp_desktop.operations.editions_ops import apply_received, plan_received

        packages, self.packages = self.packages, []
        self.rng.shuffle(packages)  # two imports in opposite orders may deadlock: retried
        received = [
            (
                f"{fs.country.lower()}-{fs.edition}.eccp.json",
                fs,
                json.loads(dumps(fs, base=p["base"])),
            )
            for fs, p in packages
        ]
        for attempt in (1, 2, 3):  # after a conflict the user imports again
            start = time.perf_counter()
            # Conflicting places take the package's side, as the user would in the merge view.
            plan = plan_received(self.store, received, prefer="incoming")
            outcome = (
                apply_received(self.store, plan, actor=self.actor) if not plan.errors else None
            )
            ms = (time.perf_counter() - start) * 1000
            conflict = isinstance(outcome, Conflict)
            for (fs, p), here in zip(packages, plan.plans, strict=False):
                common = {
                    "fid": self.ids.get(fs.ident),
                    "country": fs.country,
                    "edition": fs.edition,
                    "op": "import",
                    "path": p["path"],
                    "value": p["value"],
                    "base": here.here_version,
                    "ms": ms,
                    "attempt": attempt,
                }
                if isinstance(outcome, Done):
                    versions = {(o.country, o.edition): o.version for o in outcome.value}
                    self.write("ack", version=versions[fs.ident], **common)
                elif conflict:
                    # saved elsewhere while the merge was prepared: nothing written
                    self.write("conflict", reason=getattr(outcome, "reason", ""), **common)
                else:
                    reason = getattr(outcome, "reason", "; ".join(plan.errors))
                    self.write("failed", reason=reason, **common)
            if not conflict:
                return

    def act(self, ops: FactsheetOps, action: Action, attempt: int = 1) -> None:
        country, edition = ops.ident
        base = ops.session.version
        start = time.perf_counter()
        if action.kind == "status":
            outcome = ops.transition(action.target)
        elif action.kind == "comment":
            assert action.op is not None
            outcome = ops.comment(action.op)
        else:
            assert action.op is not None
            outcome = ops.edit(action.op)
        ms = (time.perf_counter() - start) * 1000
        common = {
            "fid": self.ids.get((country, edition)),
            "country": country,
            "edition": edition,
            "op": action.kind,
            "path": action.path,
            "value": action.value,
            "base": base,
            "ms": ms,
            "attempt": attempt,
        }
        if isinstance(outcome, Done):
            version = outcome.changes.version
            onto = outcome.changes.merged_onto
            if onto is not None:
                # merged into what others saved meanwhile (operations/rebase.py): written
                # on the version it reloaded (or nothing to write: theirs held it); the
                # checker proves no one else's change of the same field lay in between
                common |= {"base": onto, "merged_from": base}
            self.write("ack", version=version, **common)
        elif isinstance(outcome, Conflict):
            self.write("conflict", reloaded=ops.session.version, reason=outcome.reason, **common)
            if attempt == 1:  # the user makes the edit again on what is there now
                again = self.redo(ops, action)
                if again is not None:
                    self.act(ops, again, attempt=2)
        elif isinstance(outcome, Refused):
            self.write("refused", reason=outcome.reason, **common)
        else:
            assert isinstance(outcome, Failed)
            self.write("failed", reason=outcome.reason, **common)

    def redo(self, ops: FactsheetOps, action: Action) -> Action | None:
        """The same kind of edit on the reloaded factsheet."""
        if action.kind == "set":
            return self.field_edit(ops)
        if action.kind in ("add", "delete"):
            return self.row_edit(ops, delete=action.kind == "delete")
        if action.kind == "comment":
            return self.comment(ops)
        return None  # a status change: the user looks first

    def run(self, deadline: float) -> None:
        while time.time() < deadline:
            self.think()
            if time.time() >= deadline:
                break
            try:
                ops = self.open_factsheet(self.pick_country())
            except StoreError as e:
                self.write("failed", what="open", reason=str(e))
                continue
            choice = self.choose(ops)
            if choice == "foreign":
                self.foreign()
            elif choice == "export":
                self.export(ops)
            elif choice == "import":
                self.import_packages()
            elif isinstance(choice, str):
                self.read(choice)
            else:
                self.act(ops, choice)
        self.write("end", collisions=dict(retry.COLLISIONS))


def blind_saves() -> None:
    """Break the store as a lost-update bug would: saves skip the version check.

    Only for the checker's own test (``inject: "blind"``): each save claims to
    be based on the version the store holds now, whatever its writer had seen.
    """
    real = Store.save

    def save(self: Store, factsheet: Any, *, base_version: int, **kw: Any) -> int:
        now = {(s.country, s.edition): s.version for s in self.list()}[factsheet.ident]
        return real(self, factsheet, base_version=now, **kw)

    Store.save = save  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    config = json.loads(Path(argv[0]).read_text())
    if config.get("inject") == "blind":
        blind_saves()
    folder = Path(config["folder"])
    index = config["role"]["index"]
    with open(folder / f"client-{index:02d}.jsonl", "w", encoding="utf-8") as log:
        try:
            client = Client(config, log)
            (folder / f"ready-{index:02d}").touch()
            go = folder / "go"
            give_up = time.time() + config["start_timeout"]
            while not go.exists():
                if time.time() > give_up:
                    raise TimeoutError("no start signal")
                time.sleep(0.05)
            client.run(float(go.read_text()))
            client.watcher.close()
            client.store.close()
        except Exception:
            # A traceback in a client is a finding: the checker counts it.
            log.write(
                json.dumps({"kind": "crash", "client": index, "trace": traceback.format_exc()})
            )
            log.write("\n")
            return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("ECCP_LANG", "en")
    sys.exit(main(sys.argv[1:]))

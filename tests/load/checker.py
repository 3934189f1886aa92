"""After the run: prove from the clients' logs, against the final store and its history,
that nothing acknowledged was lost and nothing was overwritten unseen.

- **lost update**: an acknowledged write whose value is neither in the
  history (in its version's place) nor in the final factsheet although no
  later acknowledged write replaced it; or a version acknowledged that the
  store never reached.
- **silent overwrite**: a write acknowledged on top of a version its writer
  had not seen: its new version is not the one after the version it was
  based on, or two writes were acknowledged with the same version; or an
  edit merged into others' saves (operations/rebase.py) although one of
  them had changed the same field.
- **unacknowledged commit**: a version the store holds that no client was
  told about (a write reported as failed or conflicting that got through).
- **deadlocks**: the server's count, the ones the store retried, and the
  ones that reached a user (gave up after the retries, or a failure).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eccp_desktop.editing import paths
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.store import ChangeRecord, Store
from eccp_desktop.store.errors import StoreError


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: str
    target: str = ""  # "" : a figure to read, not a verdict
    met: bool | None = None

    def line(self) -> str:
        verdict = "" if self.met is None else ("met" if self.met else "NOT MET")
        return f"  {self.label:<50} {self.value:>12}  {self.target:<10} {verdict}".rstrip()


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # what went wrong, one line each
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return all(r.met is not False for r in self.rows)

    def must_be_zero(self, label: str, key: str) -> None:
        n = self.counts[key]
        self.rows.append(Row(label, str(n), "must be 0", n == 0))

    def figure(self, label: str, value: str) -> None:
        self.rows.append(Row(label, value))

    def text(self, title: str) -> str:
        lines = [f"== {title}", *(r.line() for r in self.rows)]
        if self.findings:
            lines.append(f"== findings ({len(self.findings)}; first 20)")
            lines += [f"  {f}" for f in self.findings[:20]]
        return "\n".join(lines)


def read_logs(folder: Path) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for log in sorted(folder.glob("client-*.jsonl")):
        for line in log.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entries.append(json.loads(line))
    return entries


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); nan for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f}"


def _matches(ack: dict[str, Any], h: ChangeRecord) -> bool:
    """Is history row ``h`` (one) of the rows that ``ack``'s save recorded?"""
    if h.actor != ack["actor"]:
        return False
    op, value = ack["op"], ack["value"]
    if op in ("set", "status", "import"):
        return h.path == ack["path"] and h.new == value
    if not h.path.startswith(ack["path"] + "/"):
        return False
    key = "text" if op == "comment" else "title"
    if op == "delete":
        return h.new is None and isinstance(h.old, dict) and h.old.get(key) == value
    return h.old is None and isinstance(h.new, dict) and h.new.get(key) == value


def _describe(ack: dict[str, Any]) -> str:
    return (
        f"{ack['actor']}: {ack['op']} {ack['path']} = {ack['value']!r} on "
        f"{ack['country']} {ack['edition']} (version {ack['base']} -> {ack['version']})"
    )


def check_factsheet(
    store: Store,
    country: str,
    edition: int,
    seed_version: int,
    seed_history: int,
    acks: list[dict[str, Any]],
    report: Report,
) -> None:
    """Everything the checker proves about one factsheet."""
    final, version = store.load_versioned(country, edition)
    history = [h for h in store.history(country, edition) if h.id > seed_history]
    counts, findings = report.counts, report.findings
    writes = sorted((a for a in acks if a["version"] != a["base"]), key=lambda a: a["version"])
    counts["no-op acks"] += len(acks) - len(writes)
    by_version: dict[int, list[dict[str, Any]]] = {}
    for a in writes:
        by_version.setdefault(a["version"], []).append(a)
        if a["version"] != a["base"] + 1:
            counts["silent"] += 1
            findings.append(f"silent overwrite: {_describe(a)}: not the version after the seen one")
    for a in acks:  # merged into others' saves: none of them changed the same field
        if "merged_from" not in a:
            continue
        counts["merged"] += 1
        if a["op"] != "set":
            continue  # rows and comments merge by identity: their presence is checked above
        between = [
            b
            for b in writes
            if b is not a
            and b["path"] == a["path"]
            and a["merged_from"] < b["version"] < a["version"]
        ]
        if between:
            counts["silent"] += 1
            findings.append(
                f"silent overwrite: {_describe(a)}: merged over {_describe(between[0])}"
            )
    for v, same in by_version.items():
        for a in same[1:]:
            counts["silent"] += 1
            findings.append(f"silent overwrite: {_describe(a)}: version {v} acknowledged twice")
    for v in range(seed_version + 1, version + 1):
        if v not in by_version:
            counts["unacknowledged"] += 1
            findings.append(f"unacknowledged commit: {country} {edition} version {v}")
    lost: set[int] = set()
    for i, a in enumerate(writes):
        if a["version"] > version:
            lost.add(i)
            findings.append(f"lost update: {_describe(a)}: the store is at version {version}")
    # History: each acknowledged save's rows, in the order of the versions.
    at = 0
    for i, a in enumerate(writes):
        found = next((j for j in range(at, len(history)) if _matches(a, history[j])), None)
        if found is None:
            lost.add(i)
            findings.append(
                f"lost update: {_describe(a)}: not in the history after its predecessor"
            )
        else:
            at = found + 1
    # Final state: the newest acknowledged value of each place is what the store holds.
    newest: dict[str, int] = {}
    for i, a in enumerate(writes):
        if a["op"] in ("set", "status", "import"):
            newest[a["path"]] = i
    for path, i in newest.items():
        held = paths.get(final, path)
        if held != writes[i]["value"]:
            lost.add(i)
            findings.append(f"lost update: {_describe(writes[i])}: the store holds {held!r}")
    titles = {s.title for s in final.sources}
    texts = {c.text for c in final.review_comments}
    deleted = {a["value"] for a in writes if a["op"] == "delete"}
    for i, a in enumerate(writes):
        if a["op"] == "add" and a["value"] not in titles and a["value"] not in deleted:
            lost.add(i)
            findings.append(f"lost update: {_describe(a)}: the row is not in the store")
        elif a["op"] == "delete" and a["value"] in titles:
            lost.add(i)
            findings.append(f"lost update: {_describe(a)}: the deleted row is back")
        elif a["op"] == "comment" and a["value"] not in texts:
            lost.add(i)
            findings.append(f"lost update: {_describe(a)}: the comment is not in the store")
    counts["lost"] += len(lost)
    counts["checked writes"] += len(writes)


def check_foreign(store: Store, foreign: list[dict[str, Any]], report: Report) -> None:
    """Every attempt on another country refused, and none of their values in the store."""
    through: set[str] = set()
    for e in foreign:
        if not e["refused"]:
            through.add(e["value"])
            report.findings.append(
                f"{e['actor']} wrote {e['country']} {e['edition']} ({e['layer']}): {e['how']}"
            )
    for key in {(e["country"], e["edition"]) for e in foreign}:
        markers = {e["value"] for e in foreign if (e["country"], e["edition"]) == key}
        held = json.dumps(factsheet_to_dict(store.load(*key)), ensure_ascii=False)
        held += json.dumps([[h.old, h.new] for h in store.history(*key)], ensure_ascii=False)
        for m in markers:
            if m in held and m not in through:
                through.add(m)
                report.findings.append(f"{m!r} is in the {key[0]} {key[1]} factsheet or history")
    report.counts["foreign through"] = len(through)


def check(
    store: Store,
    entries: Iterable[dict[str, Any]],
    seed: dict[str, dict[str, int]],
    *,
    seconds: float,
    clients: int,
    server_deadlocks: int | None = None,
    rights: bool = False,
) -> Report:
    """The report of one run: ``seed`` maps "PL 2023" to its version and last history id."""
    entries = list(entries)
    report = Report()
    counts = report.counts
    kinds = Counter(e["kind"] for e in entries)
    acks = [e for e in entries if e["kind"] == "ack"]
    for key, info in sorted(seed.items()):
        country, edition = key.split()
        mine = [a for a in acks if (a["country"], a["edition"]) == (country, int(edition))]
        try:
            check_factsheet(
                store, country, int(edition), info["version"], info["history"], mine, report
            )
        except StoreError as e:  # every write to it is unproven: count them lost
            counts["lost"] += len(mine)
            report.findings.append(f"{key} cannot be read back: {e}")
    collisions: Counter[str] = Counter()
    for e in entries:
        if e["kind"] == "end":
            collisions.update(e["collisions"])
        if e["kind"] == "crash":
            report.findings.append(f"client {e['client']} crashed: {e['trace'].splitlines()[-1]}")
    failed = [e for e in entries if e["kind"] == "failed"]
    for e in failed:
        report.findings.append(f"failure shown to {e['actor']}: {e['reason']}")
    counts["crash"] = kinds["crash"] + (clients - kinds["end"] - kinds["crash"])
    counts["failed"] = len(failed)
    counts["deadlock surfaced"] = collisions["gave up 40P01"] + sum(
        "deadlock" in e["reason"] for e in failed
    )
    counts["serialization surfaced"] = collisions["gave up 40001"]
    foreign = [e for e in entries if e["kind"] == "foreign"]
    if rights or foreign:
        check_foreign(store, foreign, report)
    latencies = [a["ms"] for a in acks]
    reads = [e["ms"] for e in entries if e["kind"] == "read"]
    writes = counts["checked writes"]
    report.figure("clients x seconds", f"{clients} x {seconds:g}")
    report.figure("saves acknowledged", str(writes))
    report.figure("saves/s", f"{writes / seconds:.1f}")
    for q in (50, 95, 99):
        report.figure(f"save latency p{q} (ms)", _ms(percentile(latencies, q)))
    report.figure("conflicts detected (then reloaded, edit made again)", str(kinds["conflict"]))
    report.figure("stale edits merged into others' saves (other fields)", str(counts["merged"]))
    # Others' saves on screen: from a save's acknowledgement to another client
    # showing that version (LISTEN/NOTIFY, then the reload), as the window would.
    acked = {(a["country"], a["edition"], a["version"]): a for a in acks}
    lags = []
    for e in entries:
        ack = acked.get((e.get("country"), e.get("edition"), e.get("version")))
        if e["kind"] == "refreshed" and ack is not None and ack["actor"] != e["actor"]:
            lags.append((e["t"] - ack["t"]) * 1000)
    report.figure(
        "others' saves shown after, p50 / p95 (ms)",
        f"{_ms(percentile(lags, 50))} / {_ms(percentile(lags, 95))}",
    )
    report.figure("reads (list, state of play)", str(len(reads)))
    report.figure("read latency p95 (ms)", _ms(percentile(reads, 95)))
    if server_deadlocks is not None:
        report.figure("deadlocks detected by the server", str(server_deadlocks))
    report.figure("deadlocks retried by the store", str(collisions["40P01"]))
    report.figure("serialization failures retried", str(collisions["40001"]))
    report.must_be_zero("lost updates", "lost")
    report.must_be_zero("silent overwrites", "silent")
    report.must_be_zero("commits nobody was told about", "unacknowledged")
    report.must_be_zero("deadlocks surfaced to a user", "deadlock surfaced")
    report.must_be_zero("collisions surfaced to a user", "serialization surfaced")
    report.must_be_zero("failures shown to a user", "failed")
    # Every client only does what its role allows (but for the attempts on
    # other countries, counted apart): a refusal here is a right wrongly denied.
    counts["refused"] = kinds["refused"]
    for e in entries:
        if e["kind"] == "refused":
            report.findings.append(f"refused to {e['actor']}: {e['op']} {e['path']}: {e['reason']}")
    report.must_be_zero("permitted writes refused", "refused")
    report.must_be_zero("clients crashed or hung", "crash")
    if rights or foreign:
        n, refused = len(foreign), sum(e["refused"] for e in foreign)
        share = f"{100 * refused / n:.0f} %" if n else "-"
        report.figure("writes to another country attempted (app, server)", f"{n}")
        report.rows.append(
            Row("  refused", f"{refused} = {share}", "must be 100 %", n > 0 and refused == n)
        )
        report.must_be_zero("  got through (logged or found in the store)", "foreign through")
    if not writes:
        report.rows.append(Row("saves acknowledged", "0", "must be > 0", False))
    return report

"""Operations on the store as a whole: who acts, import with its preview.

Shared by the window and the command line: the same checks, the same
messages, the same all-or-nothing import.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eccp_desktop.i18n import _
from eccp_desktop.operations.report import Changes, Done, Failed, Outcome, Refused
from eccp_desktop.store.errors import RightsError, StoreError

if TYPE_CHECKING:
    from eccp_desktop.domain.model import Factsheet
    from eccp_desktop.store import Store


def os_user() -> str:
    """The default actor: ``ECCP_USER``, else the login name."""
    name = os.environ.get("ECCP_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def actor_label(name: str = "", organisation: str = "") -> str:
    """Who acts, as the history shows it: "Anna Nowak (Ministry of …)"."""
    name, organisation = name.strip(), organisation.strip()
    if not name:
        return os_user()
    return f"{name} ({organisation})" if organisation else name


@dataclass
class ImportPlan:
    """What an import would do, before anything is written."""

    factsheets: list[Factsheet] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # "add Poland 2023", "replace …"
    errors: list[str] = field(default_factory=list)  # every problem of every file

    @property
    def ok(self) -> bool:
        return bool(self.factsheets) and not self.errors


def plan_import(store: Store, files: Sequence[str | os.PathLike[str]], lang: str) -> ImportPlan:
    """Read and check every file; say what would be added or replaced."""
    from eccp_desktop.exchange import PackageError, read_package
    from eccp_desktop.i18n.formatting import country_name

    plan = ImportPlan()
    existing = {(s.country, s.edition) for s in store.list()}
    seen: dict[tuple[str, int], str] = {}
    for f in files:
        try:
            fs = read_package(Path(f))
        except PackageError as e:
            plan.errors.extend(e.lines())
            continue
        if fs.ident in seen:
            plan.errors.append(
                _("{file}: the {code} {edition} factsheet is also in {other}").format(
                    file=f, code=fs.country, edition=fs.edition, other=seen[fs.ident]
                )
            )
            continue
        verdict = signature_verdict(f)
        if verdict is not None and not verdict.intact and verdict.exit_code == 2:
            plan.errors.append(f"{f}: {verdict.reason}")  # altered: never imported
            continue
        seen[fs.ident] = str(f)
        plan.factsheets.append(fs)
        name = f"{country_name(fs.country, lang)} {fs.edition}"
        if fs.ident in existing:
            plan.lines.append(
                _("replace {factsheet} (the one in the store is overwritten)").format(
                    factsheet=name
                )
            )
        else:
            plan.lines.append(_("add {factsheet}").format(factsheet=name))
        if verdict is not None:  # ✔ signed by … / ⚠ not signed / untrusted (#12)
            plan.lines[-1] = f"{plan.lines[-1]} — {verdict.headline()}"
    return plan


def signature_verdict(path: str | os.PathLike[str]) -> Any:
    """The signature state of one package file (None when the trust file is broken)."""
    from eccp_desktop.trust.errors import TrustError
    from eccp_desktop.trust.files import verify_file

    try:
        return verify_file(path)
    except TrustError:
        return None


def run_import(store: Store, plan: ImportPlan, *, actor: str) -> Outcome:
    """Write the planned factsheets, all or nothing; ``Done.value``: the outcomes."""
    if store.read_only:
        return Refused(_("The store is read-only: nothing can be imported."))
    if not plan.ok:
        return Refused(_("nothing was imported"), list(plan.errors))
    try:
        outcomes: Any = store.import_factsheets(plan.factsheets, actor=actor)
    except RightsError as e:
        return Refused(str(e))
    except StoreError as e:
        return Failed(str(e))
    return Done(Changes(factsheets=True, history=True), value=outcomes)


def store_target(db: str | None, *, settings_file: Path | None = None) -> tuple[str, bool]:
    """The store to open and whether it is the default one (which gets the demo).

    The rule (--db, ECCP_DB, the user's setting, the site file, the default)
    is ``store_choice.choose``; StoreError for a site file that cannot be used.
    """
    from eccp_desktop.operations.store_choice import choose

    choice = choose(db, settings_file=settings_file)
    return choice.target, choice.is_default


def open_store(
    db: str | None, *, read_only: bool = False, settings_file: Path | None = None
) -> tuple[Store, str]:
    """Open the store (StoreError says why not); a new default store gets the demo.

    ``settings_file``: the window's settings (its user setting of the store).
    """
    from eccp_desktop.store import Store

    target, is_default = store_target(db, settings_file=settings_file)
    first_use = is_default and not os.path.exists(target)
    # The demo goes in as the store is created: two first starts at once
    # create (and fill) it once (store.creation).
    store = Store.open(
        target, read_only=read_only and not first_use, initial=seed_demo if is_default else None
    )
    return store, target


def seed_demo(store: Store) -> None:
    """Fill a new store with the demo factsheets, through the import path."""
    from eccp_desktop.exchange import PackageError, read_package
    from eccp_desktop.paths import demo_packages

    try:
        sheets = [read_package(p) for p in demo_packages()]
    except PackageError as e:  # a broken build, not a user error: say so
        raise StoreError("\n".join(e.lines())) from None
    store.import_factsheets(sheets, actor="demo")

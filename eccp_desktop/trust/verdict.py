"""What a signature check concludes, with its exit code and its mark.

One verdict for packages and PDFs alike, so the command line, the import
preview and the Validation page say the same thing in the same words.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from eccp_desktop.i18n import _
from eccp_desktop.trust.signers import SignerInfo


class State(enum.Enum):
    VALID = "valid"  # intact, chain trusted, signer authorised for the country
    NOT_AUTHORISED = "not_authorised"  # intact and trusted, but not for this country
    UNTRUSTED = "untrusted"  # intact, but the chain leads to no trusted root
    UNSIGNED = "unsigned"
    ALTERED = "altered"  # changed after signing, or a signature over something else
    MALFORMED = "malformed"  # the signature itself is unreadable


EXIT_CODES = {
    State.VALID: 0,
    State.NOT_AUTHORISED: 1,
    State.UNTRUSTED: 1,
    State.UNSIGNED: 1,
    State.ALTERED: 2,
    State.MALFORMED: 2,
}

# Marks beside the words, never colour alone (the window's ✔/⚠/✖ convention).
MARKS = {
    State.VALID: "✔",
    State.NOT_AUTHORISED: "⚠",
    State.UNTRUSTED: "⚠",
    State.UNSIGNED: "⚠",
    State.ALTERED: "✖",
    State.MALFORMED: "✖",
}


@dataclass(frozen=True)
class Verdict:
    state: State
    reason: str = ""  # one line: why it is not VALID (empty when it is)
    signer: SignerInfo | None = None
    signed_at: dt.datetime | None = None
    trusted: bool = False
    authorised: bool = False

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.state]

    @property
    def mark(self) -> str:
        return MARKS[self.state]

    @property
    def intact(self) -> bool:
        return self.state in (State.VALID, State.NOT_AUTHORISED, State.UNTRUSTED)

    def headline(self) -> str:
        """``✔ signed by Anna Kowalska of Ministry … on 2026-06-01`` and the like."""
        if self.state is State.UNSIGNED:
            return f"{self.mark} " + _("not signed")
        if not self.intact or self.signer is None:
            return f"{self.mark} " + _("altered or damaged signature: {reason}").format(
                reason=self.reason
            )
        who = _("signed by {name} of {organisation}").format(
            name=self.signer.name, organisation=self.signer.organisation or "?"
        )
        if self.signed_at is not None:
            who = _("{who} on {date}").format(who=who, date=self.signed_at.date().isoformat())
        if self.state is State.VALID:
            return f"{self.mark} {who}"
        return f"{self.mark} {who} — {self.reason}"

    def details(self) -> list[str]:
        """The lines ``verify`` prints: who, when, chain, authorisation, verdict."""
        lines: list[str] = []
        if self.signer is not None:
            s = self.signer
            lines.append(_("signer: {name}").format(name=s.name))
            lines.append(_("organisation: {org}").format(org=s.organisation or "—"))
            if s.organisation_id:
                lines.append(_("organisation identifier: {id}").format(id=s.organisation_id))
            lines.append(_("country: {code}").format(code=s.country or "—"))
            lines.append(_("issuer: {issuer}").format(issuer=s.issuer))
        if self.signed_at is not None:
            lines.append(
                _("signed at: {when}").format(
                    when=self.signed_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
                )
            )
        if self.intact:
            lines.append(
                _("chain: {state}").format(state=_("trusted") if self.trusted else _("not trusted"))
            )
            lines.append(
                _("authorised for the country: {answer}").format(
                    answer=_("yes") if self.authorised else _("no")
                )
            )
        lines.append(self.headline())
        return lines

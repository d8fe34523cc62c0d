"""Dovecot that takes OAuth2 bearer tokens (XOAUTH2, OAUTHBEARER) checked by the stand-in identity server.

A subclass of the rig's `DovecotServer`: everything else (users, TLS, Maildirs, special folders) is as
there. Tokens are checked by introspection at `IdentityServer.introspection_url` (exchange-online.md
section 9):

1. a token whose `upn` is the login user opens that user's own mailbox (delegated sign-in);
2. a token of an identity that may open other people's mailboxes (the app's service principal, an
   admin who signed in; the identity server marks it with GRANTEE_ATTRIBUTE) opens exactly the
   mailboxes granted to it here with `grant()` - Exchange's FullAccess. Dovecot 2.3 cannot send the
   login user to the introspection endpoint, so the grant list lives in a passwd-file that a third
   passdb consults only after the second one accepted the token.

Unlike Exchange Online, Dovecot refuses a mailbox the token may not open at AUTHENTICATE; Exchange's
"authenticated but not connected" comes from the `exchange_like` proxy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.rig.certs import CertFiles
from tests.rig.dovecot import DovecotOptions, DovecotServer
from tests.rig.identity import GRANTEE_ATTRIBUTE, GRANTEE_VALUE, IdentityServer


@dataclass(frozen=True)
class OAuthOptions:
    """What differs from a plain rig instance."""

    # Folder names for the special-use folders, e.g. {"Sent": "Verzonden items"} for a mailbox whose
    # language is Dutch (Exchange names them in the mailbox's language).
    special_names: dict[str, str] = field(default_factory=dict)
    base: DovecotOptions = field(default_factory=DovecotOptions)


class OAuthDovecotServer(DovecotServer):
    """A rig Dovecot whose logins are OAuth2 tokens from an `IdentityServer` (passwords still work)."""

    def __init__(
        self,
        cert: CertFiles,
        identity: IdentityServer,
        ca_file: Path,
        options: OAuthOptions | None = None,
        root: Path | None = None,
    ) -> None:
        self.oauth_options = options or OAuthOptions()
        super().__init__(cert, self.oauth_options.base, root)
        self.identity = identity
        self.ca_file = ca_file
        self._granted = self.root / "granted"

    def grant(self, address: str) -> None:
        """FullAccess for the migration identity on ADDRESS (Add-MailboxPermission)."""
        # One file per mailbox: Dovecot re-reads a changed passwd-file at most once a second, so a
        # shared file would hide a grant made within the same second as the previous one.
        self._write_lines(self._granted / address.lower(), [f"{address.lower()}:::::::nopassword"])

    def revoke(self, address: str) -> None:
        """Remove the FullAccess grant on ADDRESS (Remove-MailboxPermission)."""
        (self._granted / address.lower()).unlink(missing_ok=True)

    def is_granted(self, address: str) -> bool:
        return (self._granted / address.lower()).exists()

    def has_mailbox(self, address: str) -> bool:
        return (self._users / address).exists()

    def add_mailbox(self, address: str, *, granted: bool = True) -> None:
        """A mailbox that exists in the tenant (directory synchronisation done), granted by default."""
        # A password nobody uses: in Exchange Online these mailboxes are opened with tokens only.
        self.add_user(address, "unused-" + address)
        if granted:
            self.grant(address)

    def _prepare_tree(self) -> None:
        super()._prepare_tree()
        self._granted.mkdir(exist_ok=True)
        self._granted.chmod(0o755)
        common = [
            f"introspection_url = {self.identity.introspection_url}",
            "introspection_mode = post",
            f"tls_ca_cert_file = {self.ca_file}",
            "force_introspection = yes",
        ]
        self._write_lines(
            self.root / "oauth2-self.conf",
            [
                *common,
                "active_attribute = active",
                "active_value = true",
                "username_attribute = upn",
                "username_format = %Lu",
            ],
        )
        # Dovecot expands username_format once with the login user and once with the token's value
        # and compares the two: a constant format makes them equal for every login user, so this
        # passdb accepts exactly the tokens whose grantee attribute marks them "active".
        self._write_lines(
            self.root / "oauth2-grantee.conf",
            [
                *common,
                f"active_attribute = {GRANTEE_ATTRIBUTE}",
                f"active_value = {GRANTEE_VALUE}",
                f"username_attribute = {GRANTEE_ATTRIBUTE}",
                "username_format = grantee",
            ],
        )

    def _write_config(self) -> None:
        super()._write_config()
        text = self.config.read_text()
        # A refused token is answered at once (Dovecot waits 2 s by default): tests try bad ones.
        text = text.replace(
            "auth_mechanisms = plain login",
            "auth_mechanisms = plain login xoauth2 oauthbearer\nauth_failure_delay = 0",
            1,
        )
        oauth_passdbs = f"""
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {self.root}/oauth2-self.conf
}}
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {self.root}/oauth2-grantee.conf
  result_success = continue-ok
}}
passdb {{
  driver = passwd-file
  mechanisms = xoauth2 oauthbearer
  args = {self._granted}/%Lu
  skip = unauthenticated
  result_failure = return-fail
  result_internalfail = return-fail
}}
"""
        first = text.index("passdb {")
        text = text[:first] + oauth_passdbs.lstrip("\n") + text[first:]
        # Failed logins from one IP are delayed (2 s growing to 15 s) by the auth penalty; tests try
        # several bad tokens in a row.
        penalty = "  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n"
        if "service anvil {" in text:
            text = text.replace("service anvil {\n", "service anvil {\n" + penalty, 1)
        else:
            text += "service anvil {\n" + penalty + "}\n"
        for standard, localized in self.oauth_options.special_names.items():
            text = text.replace(f"  mailbox {standard} {{", f'  mailbox "{localized}" {{', 1)
        self.config.write_text(text)

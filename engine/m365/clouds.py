"""Microsoft's clouds: where an m365 endpoint signs in and which IMAP server it reaches.

The worldwide cloud is the default. The US Government cloud (GCC High) and the one operated by 21Vianet
in China have their own sign-in service and Exchange Online host (exchange-online.md; the
design's `--authority` and `--imap`); the token's resource follows the IMAP host (engine.m365.tokens).
The CLI's `endpoint add --cloud` and the wizard's cloud choice both come from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import BadInput
from engine.text import T


@dataclass(frozen=True)
class MicrosoftCloud:
    key: str  # stable: saved with the wizard's settings and given to --cloud
    name: str  # in English; the wizard shows its own translated names
    login_host: str
    imap_host: str
    graph_environment: str  # Connect-MgGraph -Environment
    exchange_environment: str  # Connect-ExchangeOnline -ExchangeEnvironmentName

    def authority(self, tenant: str) -> str:
        """The whole authority URL for TENANT in this cloud."""
        return f"https://{self.login_host}/{tenant.strip()}"


WORLDWIDE = MicrosoftCloud(
    "worldwide", "Worldwide", "login.microsoftonline.com", "outlook.office365.com", "Global", "O365Default"
)
CLOUDS = (
    WORLDWIDE,
    MicrosoftCloud(
        "usgov",
        "US Government (GCC High)",
        "login.microsoftonline.us",
        "outlook.office365.us",
        "USGov",
        "O365USGovGCCHigh",
    ),
    MicrosoftCloud(
        "china",
        "China (operated by 21Vianet)",
        "login.partner.microsoftonline.cn",
        "partner.outlook.cn",
        "China",
        "O365China",
    ),
)


def cloud_named(key: str) -> MicrosoftCloud:
    """The cloud KEY names, or BadInput listing the ones there are."""
    for cloud in CLOUDS:
        if cloud.key == key.strip().lower():
            return cloud
    raise BadInput(
        "m365.unknown_cloud",
        T("There is no Microsoft cloud named '{key}'.", key=key),
        "",
        T("Use one of: {clouds}.", clouds=", ".join(f"{c.key} ({c.name})" for c in CLOUDS)),
    )


def cloud_of(imap_host: str) -> MicrosoftCloud | None:
    """The cloud whose Exchange Online host IMAP_HOST is; None for any other host (a stand-in)."""
    host = imap_host.strip().lower().split(":", 1)[0]
    return next((cloud for cloud in CLOUDS if cloud.imap_host == host), None)

"""Microsoft 365 (Exchange Online) as a target: OAuth2 tokens through msal, Exchange Online's rules,
its prerequisite checks and the PowerShell that prepares a tenant. See docs/decisions/004-microsoft-365.md.

Modules: tokens (TokenProvider, token_provider_for), cache (the saved device-code sign-in), http (HTTPS
to the sign-in service), errors (Entra's and Exchange's answers in three parts), connect
(open_exchange_online, m365_account, M365TokenSource), checks (M365Checks, endpoint_test), script
(tenant_script_for, write_tenant_script), events.
"""

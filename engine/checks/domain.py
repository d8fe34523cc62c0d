"""Domain checks (`--domain`): MX, Autodiscover and the verification TXT record.

They say where the records point now, how fast a change will spread (TTL), and where they must point
after cut-over. For a Microsoft 365 target the destinations are known: MX to
`<domain-with-dashes>.mail.protection.outlook.com`, Autodiscover to `autodiscover.outlook.com`.
"""

from __future__ import annotations

from collections.abc import Callable

from engine.checks.framework import CheckContext, Verdict, failed, passed, warned
from engine.checks.lookup import Answer, DnsLookup, Outcome, describe_ttl, strip_dot
from engine.endpoints import Endpoint, EndpointKind

# An MX TTL above this makes cut-over slow: Microsoft advises an hour or less, set in advance.
MX_TTL_ADVICE = 3600
M365_AUTODISCOVER = "autodiscover.outlook.com"


def m365_mx_host(domain: str) -> str:
    """Where Microsoft 365 wants a domain's MX to point (contoso.nl -> contoso-nl.mail.protection...)."""
    return domain.replace(".", "-") + ".mail.protection.outlook.com"


def _lookup_failed(answer: Answer, domain: str) -> Verdict:
    return failed(
        f"The {answer.rdtype} record of {answer.name} could not be looked up: {answer.problem}.",
        f"Check the DNS server (or --nameserver) and the spelling of {domain}, then run the checks again.",
    )


def _no_domain(domain: str, lookup: DnsLookup) -> Verdict:
    return failed(
        f"The domain {domain} does not exist in DNS (asked {lookup.describe()}).",
        f"Check the spelling of {domain} (give the e-mail domain, the part after @ in the addresses).",
    )


def check_mx(domain: str, lookup: DnsLookup, target: Endpoint | None) -> Callable[[CheckContext], Verdict]:
    """`domain.mx`: where mail for the domain goes now, its TTL, and the cut-over advice."""

    def run(ctx: CheckContext) -> Verdict:
        answer = lookup.query(domain, "MX", ctx.io_timeout(5.0))
        if answer.outcome is Outcome.FAILED:
            return _lookup_failed(answer, domain)
        if answer.outcome is Outcome.NO_NAME:
            return _no_domain(domain, lookup)
        after = (
            f"After cut-over it must point to {m365_mx_host(domain)} (Microsoft 365)."
            if target is not None and target.kind is EndpointKind.M365
            else "After cut-over it must point to the new mail system's mail server."
        )
        if not answer.found:
            return failed(
                f"{domain} has no MX record: other mail servers do not know where to deliver its mail. {after}",
                f"Add an MX record for {domain} pointing to the mail server that receives its mail today; if "
                f"{domain} is not the e-mail domain of the mailboxes, give the right one with --domain.",
            )
        targets = [record.split() for record in answer.records]
        pointing = ", ".join(f"{strip_dot(host)} (preference {pref})" for pref, host in targets)
        evidence = f"MX of {domain} points to {pointing}; TTL {describe_ttl(answer.ttl)}. {after}"
        if answer.ttl > MX_TTL_ADVICE:
            return warned(
                evidence,
                f"Lower the MX record's TTL from {answer.ttl} s to {MX_TTL_ADVICE} s (1 hour) or less at least "
                f"{describe_ttl(answer.ttl)} before cut-over, so the change to the new system spreads quickly.",
                records=list(answer.records),
                ttl=answer.ttl,
            )
        return passed(
            evidence + " The TTL is short enough for a quick cut-over.",
            records=list(answer.records),
            ttl=answer.ttl,
        )

    return run


def check_autodiscover(
    domain: str, lookup: DnsLookup, target: Endpoint | None
) -> Callable[[CheckContext], Verdict]:
    """`domain.autodiscover`: the CNAME (or address) and SRV record, now and after cut-over."""

    def run(ctx: CheckContext) -> Verdict:
        timeout = ctx.io_timeout(5.0)
        name = f"autodiscover.{domain}"
        srv_name = f"_autodiscover._tcp.{domain}"
        cname = lookup.query(name, "CNAME", timeout)
        srv = lookup.query(srv_name, "SRV", timeout)
        for answer in (cname, srv):
            if answer.outcome is Outcome.FAILED:
                return _lookup_failed(answer, domain)
        found: list[str] = []
        points_to: list[str] = []
        if cname.found:
            destination = strip_dot(cname.records[0])
            found.append(f"{name} is a CNAME to {destination} (TTL {answer_ttl(cname)})")
            points_to.append(destination)
        else:
            address = lookup.query(name, "A", timeout)
            if address.found:
                found.append(f"{name} has the address {', '.join(address.records)} (no CNAME)")
                points_to.extend(address.records)
        if srv.found:
            for record in srv.records:
                _prio, _weight, port, host = record.split()
                found.append(f"{srv_name} SRV points to {strip_dot(host)} port {port}")
                points_to.append(strip_dot(host))
        m365 = target is not None and target.kind is EndpointKind.M365
        after = (
            f"After cut-over, {name} must be a CNAME to {M365_AUTODISCOVER} (Microsoft 365)."
            if m365
            else f"After cut-over, {name} must point to the new mail system's Autodiscover service."
        )
        if not found:
            return warned(
                f"{domain} has no Autodiscover record ({name} and {srv_name} do not exist): Outlook cannot "
                f"set up mail profiles by itself. {after}",
                f"Add a CNAME record {name} at cut-over"
                + (
                    f" pointing to {M365_AUTODISCOVER}"
                    if m365
                    else " pointing to the new system's Autodiscover"
                )
                + "; until then Outlook users must enter their server settings by hand.",
            )
        evidence = "; ".join(found) + f". {after}"
        if m365 and any(dest.lower() == M365_AUTODISCOVER for dest in points_to):
            return warned(
                evidence + " It already points to Microsoft 365.",
                "Outlook of users whose mailbox is not migrated yet now looks for it in Microsoft 365: point "
                f"{name} back to the old server until the last batch is done, or finish the migration soon.",
            )
        return passed(evidence, points_to=points_to)

    return run


def answer_ttl(answer: Answer) -> str:
    return describe_ttl(answer.ttl)


def check_txt(domain: str, expected: str, lookup: DnsLookup) -> Callable[[CheckContext], Verdict]:
    """`domain.txt`: the domain-verification TXT value the admin was given is published."""

    def run(ctx: CheckContext) -> Verdict:
        answer = lookup.query(domain, "TXT", ctx.io_timeout(5.0))
        if answer.outcome is Outcome.FAILED:
            return _lookup_failed(answer, domain)
        if answer.outcome is Outcome.NO_NAME:
            return _no_domain(domain, lookup)
        values = list(answer.records)
        wanted = expected.strip()
        add = (
            f"Add a TXT record for {domain} (host name @) with exactly the value {wanted}, as the admin center "
            f"shows it; a change can take up to the record's TTL to be seen."
        )
        if wanted in values:
            return passed(f"{domain} publishes the TXT record {wanted} (TTL {describe_ttl(answer.ttl)}).")
        if not values:
            return failed(f"{domain} has no TXT record; expected {wanted}.", add)
        close = [value for value in values if value.split("=")[0] == wanted.split("=")[0] and "=" in wanted]
        shown = "; ".join(values)
        if close:
            return failed(
                f"{domain} has a TXT record {close[0]}, not the expected {wanted}. All TXT records: {shown}.",
                f"Replace the TXT record {close[0]} with {wanted} (copy it again from the admin center: one "
                "character differs).",
            )
        return failed(f"{domain} has no TXT record {wanted}. Its TXT records: {shown}.", add)

    return run

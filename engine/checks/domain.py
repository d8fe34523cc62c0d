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
from engine.text import T, Text, join

# An MX TTL above this makes cut-over slow: Microsoft advises an hour or less, set in advance.
MX_TTL_ADVICE = 3600
M365_AUTODISCOVER = "autodiscover.outlook.com"


def m365_mx_host(domain: str) -> str:
    """Where Microsoft 365 wants a domain's MX to point (contoso.nl -> contoso-nl.mail.protection...)."""
    return domain.replace(".", "-") + ".mail.protection.outlook.com"


def _lookup_failed(answer: Answer, domain: str) -> Verdict:
    return failed(
        T(
            "The {rdtype} record of {name} could not be looked up: {problem}.",
            rdtype=answer.rdtype,
            name=answer.name,
            problem=answer.problem,
        ),
        T(
            "Check the DNS server (or --nameserver) and the spelling of {domain}, then run the checks again.",
            domain=domain,
        ),
    )


def _no_domain(domain: str, lookup: DnsLookup) -> Verdict:
    return failed(
        T(
            "The domain {domain} does not exist in DNS (asked {asked}).",
            domain=domain,
            asked=lookup.describe(),
        ),
        T(
            "Check the spelling of {domain} (give the e-mail domain, the part after @ in the addresses).",
            domain=domain,
        ),
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
            T("After cut-over it must point to {host} (Microsoft 365).", host=m365_mx_host(domain))
            if target is not None and target.kind is EndpointKind.M365
            else T("After cut-over it must point to the new mail system's mail server.")
        )
        if not answer.found:
            return failed(
                T(
                    "{domain} has no MX record: other mail servers do not know where to deliver its mail. {after}",
                    domain=domain,
                    after=after,
                ),
                T(
                    "Add an MX record for {domain} pointing to the mail server that receives its mail today; if "
                    "{domain} is not the e-mail domain of the mailboxes, give the right one with --domain.",
                    domain=domain,
                ),
            )
        targets = [record.split() for record in answer.records]
        pointing = join(
            ", ",
            (
                T("{host} (preference {preference})", host=strip_dot(host), preference=pref)
                for pref, host in targets
            ),
        )
        ttl = describe_ttl(answer.ttl)
        if answer.ttl > MX_TTL_ADVICE:
            return warned(
                T(
                    "MX of {domain} points to {pointing}; TTL {ttl}. {after}",
                    domain=domain,
                    pointing=pointing,
                    ttl=ttl,
                    after=after,
                ),
                T(
                    "Lower the MX record's TTL from {seconds} s to {advice} s (1 hour) or less at least {ttl} before "
                    "cut-over, so the change to the new system spreads quickly.",
                    seconds=answer.ttl,
                    advice=MX_TTL_ADVICE,
                    ttl=ttl,
                ),
                records=list(answer.records),
                ttl=answer.ttl,
            )
        return passed(
            T(
                "MX of {domain} points to {pointing}; TTL {ttl}. {after} The TTL is short enough for a quick "
                "cut-over.",
                domain=domain,
                pointing=pointing,
                ttl=ttl,
                after=after,
            ),
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
        found: list[Text] = []
        points_to: list[str] = []
        if cname.found:
            destination = strip_dot(cname.records[0])
            found.append(
                T(
                    "{name} is a CNAME to {destination} (TTL {ttl})",
                    name=name,
                    destination=destination,
                    ttl=answer_ttl(cname),
                )
            )
            points_to.append(destination)
        else:
            address = lookup.query(name, "A", timeout)
            if address.found:
                found.append(
                    T(
                        "{name} has the address {addresses} (no CNAME)",
                        name=name,
                        addresses=", ".join(address.records),
                    )
                )
                points_to.extend(address.records)
        if srv.found:
            for record in srv.records:
                _prio, _weight, port, host = record.split()
                found.append(
                    T(
                        "{name} SRV points to {host} port {port}",
                        name=srv_name,
                        host=strip_dot(host),
                        port=port,
                    )
                )
                points_to.append(strip_dot(host))
        m365 = target is not None and target.kind is EndpointKind.M365
        after = (
            T(
                "After cut-over, {name} must be a CNAME to {destination} (Microsoft 365).",
                name=name,
                destination=M365_AUTODISCOVER,
            )
            if m365
            else T(
                "After cut-over, {name} must point to the new mail system's Autodiscover service.", name=name
            )
        )
        if not found:
            return warned(
                T(
                    "{domain} has no Autodiscover record ({name} and {srv_name} do not exist): Outlook cannot set up "
                    "mail profiles by itself. {after}",
                    domain=domain,
                    name=name,
                    srv_name=srv_name,
                    after=after,
                ),
                T(
                    "Add a CNAME record {name} at cut-over pointing to {destination}; until then Outlook users must "
                    "enter their server settings by hand.",
                    name=name,
                    destination=M365_AUTODISCOVER,
                )
                if m365
                else T(
                    "Add a CNAME record {name} at cut-over pointing to the new system's Autodiscover; until then "
                    "Outlook users must enter their server settings by hand.",
                    name=name,
                ),
            )
        records = join("; ", found)
        if m365 and any(dest.lower() == M365_AUTODISCOVER for dest in points_to):
            return warned(
                T(
                    "{records}. {after} It already points to Microsoft 365.",
                    records=records,
                    after=after,
                ),
                T(
                    "Outlook of users whose mailbox is not migrated yet now looks for it in Microsoft 365: point "
                    "{name} back to the old server until the last batch is done, or finish the migration soon.",
                    name=name,
                ),
            )
        return passed(T("{records}. {after}", records=records, after=after), points_to=points_to)

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
        add = T(
            "Add a TXT record for {domain} (host name @) with exactly the value {value}, as the admin center shows "
            "it; a change can take up to the record's TTL to be seen.",
            domain=domain,
            value=wanted,
        )
        if wanted in values:
            return passed(
                T(
                    "{domain} publishes the TXT record {value} (TTL {ttl}).",
                    domain=domain,
                    value=wanted,
                    ttl=describe_ttl(answer.ttl),
                )
            )
        if not values:
            return failed(
                T("{domain} has no TXT record; expected {value}.", domain=domain, value=wanted), add
            )
        close = [value for value in values if value.split("=")[0] == wanted.split("=")[0] and "=" in wanted]
        shown = "; ".join(values)
        if close:
            return failed(
                T(
                    "{domain} has a TXT record {found}, not the expected {value}. All TXT records: {records}.",
                    domain=domain,
                    found=close[0],
                    value=wanted,
                    records=shown,
                ),
                T(
                    "Replace the TXT record {found} with {value} (copy it again from the admin center: one "
                    "character differs).",
                    found=close[0],
                    value=wanted,
                ),
            )
        return failed(
            T(
                "{domain} has no TXT record {value}. Its TXT records: {records}.",
                domain=domain,
                value=wanted,
                records=shown,
            ),
            add,
        )

    return run

"""E-mail addresses as admins type them: what is wrong with one, in words, and its normal form.

Only what a mail system can actually use passes: a local part and a domain name with a dot.
Internationalised domains (IDN, e.g. jan@café.nl) are accepted and compared in their ASCII form,
so jan@café.nl and jan@xn--caf-dma.nl are the same mailbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The common case: an ASCII dot-atom local part. Its domain is checked once per list (a list has
# a handful of domains and thousands of rows), then looked up.
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_VERDICTS: dict[str, str | None] = {}  # domain -> its ASCII form, or None when it has a fault
_DOMAIN_CACHE_LIMIT = 4096
_LOCAL_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]")
_LDH_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_SPACES = {
    " ": "a space",
    "\u00a0": "a non-breaking space",
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a line break",
}

MAX_ADDRESS = 254
MAX_LOCAL = 64


@dataclass(frozen=True, slots=True)
class AddressFault:
    """Why an address cannot be used (or, as a warning, may not work)."""

    code: str
    message: str
    warning_only: bool = False


def _fault(code: str, message: str) -> tuple[None, AddressFault]:
    return None, AddressFault(code, message)


def ascii_domain(domain: str) -> str | None:
    """DOMAIN in its ASCII (IDNA) form, lower case; None when it cannot be a domain name."""
    try:
        return domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None


def normalise_address(address: str) -> str:
    """The form used to compare addresses and to name keyring entries: lower case, ASCII domain."""
    local, at, domain = address.strip().rpartition("@")
    if not at:
        return address.strip().lower()
    return f"{local.lower()}@{ascii_domain(domain) or domain.lower()}"


def check_address(text: str) -> tuple[str | None, AddressFault | None]:
    """(normal form, None) for a good address; (normal form, warning) for one that may not work;
    (None, fault) for one that cannot be used. TEXT is already trimmed and not empty."""
    local, at, domain = text.rpartition("@")
    if at and len(local) <= MAX_LOCAL and len(text) <= MAX_ADDRESS and _PLAIN_LOCAL.fullmatch(local):
        try:
            converted = _DOMAIN_VERDICTS[domain]
        except KeyError:
            if len(_DOMAIN_VERDICTS) > _DOMAIN_CACHE_LIMIT:
                _DOMAIN_VERDICTS.clear()
            converted = _DOMAIN_VERDICTS[domain] = _domain_problem(domain)[0]
        if converted is not None:
            return f"{local.lower()}@{converted}", None
    return _diagnose(text)


def _diagnose(text: str) -> tuple[str | None, AddressFault | None]:
    shown = text if len(text) <= 80 else text[:77] + "..."
    if text.lower().startswith("mailto:"):
        return _fault(
            "address.mailto",
            f"'{shown}' starts with 'mailto:' (copied from a link). Keep only the address: {text[7:]}.",
        )
    if "<" in text or ">" in text:
        inner = text[text.find("<") + 1 : text.find(">")] if "<" in text and ">" in text else ""
        hint = f": {inner}" if "@" in inner else ""
        return _fault(
            "address.display_name",
            f"'{shown}' holds a name as well as the address. Keep only the address{hint}.",
        )
    if text.count("@") > 1 and re.search(r"[;,\s]", text):
        parts = [p for p in re.split(r"[;,\s]+", text) if "@" in p]
        if len(parts) > 1:
            return _fault(
                "address.several_addresses",
                f"'{shown}' holds more than one address. Put each mailbox on its own row.",
            )
    for char, name in _SPACES.items():
        if char in text:
            return _fault(
                "address.space",
                f"'{shown}' contains {name}. An address has no spaces: remove it.",
            )
    hidden = next((ch for ch in text if not ch.isprintable()), None)
    if hidden is not None:
        return _fault(
            "address.invisible_character",
            f"'{shown}' contains {_shown(hidden)}, often pasted along from a web page or an e-mail. "
            "Retype the address.",
        )
    if "@" not in text:
        if "\\" in text:
            return _fault(
                "address.no_at",
                f"'{shown}' looks like a Windows login (DOMAIN\\user), not an e-mail address. Put the "
                "address (name@example.com) in this column and the login in UserName.",
            )
        return _fault(
            "address.no_at",
            f"'{shown}' has no @. An address looks like name@example.com: add the @ and the domain.",
        )
    if text.count("@") > 1:
        return _fault(
            "address.several_at",
            f"'{shown}' has more than one @. An address has exactly one: remove the extra.",
        )
    local, _, domain = text.partition("@")
    if not local:
        return _fault(
            "address.no_local_part",
            f"'{shown}' has nothing before the @. Add the mailbox's name, e.g. jan@{domain}.",
        )
    if not domain:
        return _fault(
            "address.no_domain",
            f"'{shown}' has nothing after the @. Add the domain, e.g. {local}@example.com.",
        )
    if len(text) > MAX_ADDRESS or len(local) > MAX_LOCAL:
        return _fault(
            "address.too_long",
            f"'{shown}' is too long: at most {MAX_LOCAL} characters before the @ and {MAX_ADDRESS} in "
            "all. Check the cell holds only one address.",
        )
    local_problem = _local_problem(local)
    if local_problem:
        return _fault("address.bad_local", f"'{shown}': the part before the @ {local_problem}.")
    domain_ascii, domain_problem = _domain_problem(domain)
    if domain_problem or domain_ascii is None:
        return _fault("address.bad_domain", f"'{shown}': the domain '{domain}' {domain_problem}.")
    key = f"{local.lower()}@{domain_ascii}"
    if not local.isascii():
        return key, AddressFault(
            "address.non_ascii_local",
            f"'{shown}' has letters outside plain ASCII before the @. Microsoft 365 and many mail "
            "servers do not accept such addresses: check that this is the mailbox's real address.",
            warning_only=True,
        )
    return key, None


def _local_problem(local: str) -> str | None:
    if local.startswith("."):
        return "starts with a dot; remove it"
    if local.endswith("."):
        return "ends with a dot; remove it"
    if ".." in local:
        return "has two dots in a row; remove one"
    if local.startswith('"'):
        return "is in quotes; Mailstage (like Microsoft 365) needs an address without quotes"
    for char in local:
        if not char.isascii():
            if not (char.isalnum() or char in "-_"):
                return f"contains {_shown(char)}, which an address cannot hold; remove it"
        elif char != "." and not _LOCAL_ATEXT.match(char):
            return f"contains {_shown(char)}, which an address cannot hold; remove it"
    return None


def _shown(char: str) -> str:
    """A character as a message can show it: itself in quotes, or its code when it is invisible."""
    return f"'{char}'" if char.isprintable() else f"an invisible character (U+{ord(char):04X})"


def _domain_problem(domain: str) -> tuple[str | None, str]:
    if domain.startswith("[") or re.fullmatch(r"[0-9.]+", domain):
        return None, "is an IP address; use the mail domain's name (e.g. example.com)"
    if domain.startswith("."):
        return None, "starts with a dot; remove it"
    if domain.endswith("."):
        return None, "ends with a dot; remove it"
    if ".." in domain:
        return None, "has two dots in a row; remove one"
    for char in domain:
        if (char.isascii() and not (char.isalnum() or char in "-.")) or not char.isprintable():
            return None, f"contains {_shown(char)}; a domain holds only letters, digits, hyphens and dots"
    if "." not in domain:
        return None, "has no dot; a mail domain looks like example.com or example.nl"
    for label in domain.split("."):
        if label.startswith("-") or label.endswith("-"):
            return None, f"has a part ('{label}') that starts or ends with a hyphen; remove the hyphen"
        if len(label) > 63:
            return None, f"has a part longer than 63 characters ('{label[:20]}...'); check the cell"
    converted = ascii_domain(domain)
    if converted is None:
        return None, "has characters that cannot be in a domain name; retype it"
    for label in converted.split("."):
        if not _LDH_LABEL.fullmatch(label):
            return None, "has characters that cannot be in a domain name; retype it"
    if converted.rsplit(".", 1)[-1].isdigit():
        return None, "ends in a number; a mail domain ends in a name such as .nl or .com"
    return converted, ""

"""IMAP's date-time text (INTERNALDATE) and back: "07-Mar-2021 10:15:00 +0100"."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}


def internaldate_day(text: str) -> dt.date | None:
    """The day of an INTERNALDATE as written ("07-Mar-2021 10:15:00 +0100" -> 2021-03-07), or None."""
    match = re.match(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) ", text)
    month = _MONTHS.get(match.group(2).lower()) if match else None
    if match is None or month is None:
        return None
    try:
        return dt.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def internaldate_epoch(text: str) -> int | None:
    """An IMAP INTERNALDATE ("07-Mar-2021 10:15:00 +0100") as seconds since 1970, or None."""
    match = re.match(r"\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)", text)
    if match is None:
        return None
    day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
    month_number = _MONTHS.get(month.lower())
    if month_number is None:
        return None
    offset = dt.timedelta(hours=int(off_h), minutes=int(off_m)) * (1 if sign == "+" else -1)
    moment = dt.datetime(
        int(year), month_number, int(day), int(hour), int(minute), int(second), tzinfo=dt.timezone(offset)
    )
    return int(moment.timestamp())


def format_internaldate(epoch: float) -> str:
    """Seconds since 1970 as an IMAP INTERNALDATE in UTC."""
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC)
    month = list(_MONTHS)[moment.month - 1].title()
    return f"{moment.day:02d}-{month}-{moment.year:04d} {moment:%H:%M:%S} +0000"

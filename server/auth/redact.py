"""Keep secrets out of the logs: invitation tokens in paths and query strings.

uvicorn logs every WebSocket handshake with its query string on `uvicorn.error`
(even with the access log off), and its access log prints paths such as
`/i/TOKEN`; this filter rewrites those records before any handler sees them.

Starlette percent-decodes query keys, so `?%74oken=…` authenticates as well as
`?token=…` (issue 12, item 11): the patterns match a name whose letters may each
be percent-encoded, which is the same as matching after decoding the name once,
as the server does. The value is cut at the first delimiter of the raw text.
"""

from __future__ import annotations

import logging
import re


def _encoded(word: str) -> str:
    """A pattern for `word` with any of its characters written as a %XX escape."""
    return "".join(
        "(?:" + "|".join([re.escape(c), *{f"%{ord(c.lower()):02x}", f"%{ord(c.upper()):02x}"}]) + ")"
        for c in word
    )


# Case-insensitive: `%6F` and `%6f` are the same escape (an upper-case name does not
# authenticate, and is redacted all the same).
_SECRETS = re.compile(
    rf"({_encoded('token=')}|{_encoded('/i/')})[^&\s\"'/?]+",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    return _SECRETS.sub(r"\1[redacted]", text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def install(logger_names: tuple[str, ...] = ("uvicorn.error", "uvicorn.access")) -> None:
    for name in logger_names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())

"""Keep secrets out of the logs: invitation tokens in paths and query strings.

uvicorn logs every WebSocket handshake with its query string on `uvicorn.error`
(even with the access log off), and its access log prints paths such as
`/i/TOKEN`; this filter rewrites those records before any handler sees them.
"""

from __future__ import annotations

import logging
import re

_SECRETS = re.compile(r"(token=|/i/)[^&\s\"'/?]+")


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

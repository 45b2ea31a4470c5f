"""The refusals of amendments, pen mode and votes: each a small class with the code the pages read.

The HTTP status comes from what each one is (a conflict, a thing not found, a
door refusing: server/web/errors.py); the JSON answer carries `error` (the code
below, which the browser turns into its own sentence) and `message` (the words
of server/words/decisions.json in the asker's language, else this English text).
"""

from __future__ import annotations

from server.errors import BadRequest, Conflict, Forbidden, NotFound


class Coded:
    """Mixed into an error: the code the pages know it by."""

    error_code = "invalid"


class Invalid(Coded, BadRequest):
    """A body the routes cannot take: a field missing, of the wrong type or out of its bounds.

    `field` and `rule` (a key of server/words/decisions.json, with its `values`) let the answer say
    which, in the asker's language; the message in English is for the log."""

    error_code = "invalid"

    def __init__(self, reason: str, field: str = "", rule: str = "", **values: object) -> None:
        super().__init__(reason)
        self.field = field
        self.rule = rule
        self.values = values


class BadAnchor(Coded, BadRequest):
    error_code = "bad_anchor"


class UnknownAmendment(Coded, NotFound):
    error_code = "not_found"

    def __init__(self, reason: str = "no such amendment in this congress") -> None:
        super().__init__(reason)


class UnknownVote(Coded, NotFound):
    error_code = "not_found"

    def __init__(self, reason: str = "no such vote in this congress") -> None:
        super().__init__(reason)


class UnknownPerson(Coded, NotFound):
    error_code = "unknown_person"


class PassageChanged(Coded, Conflict):
    """The passage between the anchors does not read what the browser saw."""

    error_code = "passage_changed"


class AnchorUnknown(Coded, Conflict):
    """The anchors name characters the server has not received yet: the page retries shortly."""

    error_code = "anchor_unknown"


class Outdated(Coded, Conflict):
    """The passage no longer reads the amendment's original: it is marked outdated, not applied."""

    error_code = "outdated"


class NotOpen(Coded, Conflict):
    """The amendment was already accepted, rejected or withdrawn."""

    error_code = "not_open"


class VoteOpen(Coded, Conflict):
    """Another vote of this congress is open: one at a time."""

    error_code = "vote_open"


class AlreadyVoted(Coded, Conflict):
    error_code = "already_voted"


class VoteClosed(Coded, Conflict):
    error_code = "vote_closed"


class ObserverRefused(Coded, Forbidden):
    """Observers read; they neither propose, support nor vote."""

    error_code = "observer"

    def __init__(self, reason: str = "observers do not propose, support or vote") -> None:
        super().__init__(reason)


class Frozen(Coded, Forbidden):
    """The motion is published: nothing more is proposed, decided or voted."""

    error_code = "published"

    def __init__(self, reason: str = "the motion is published") -> None:
        super().__init__(reason)


class NotYours(Coded, Forbidden):
    """Only its author withdraws an amendment; its author does not support it."""

    error_code = "not_author"


class OwnAmendment(Coded, Forbidden):
    """An author does not support their own amendment: it is theirs already."""

    error_code = "own_amendment"

"""Who a socket is, as the presence list and the cursors show it: from the server's identity only.

The browser puts the same fields in its presence state (static/src/presence.js),
from the page's configuration; the server overwrites them with these on every
state it accepts (crdt/awareness.py with_identity), so a client cannot show
itself to others under another name, role, site or colour.
"""

from __future__ import annotations

from server.congress.domain import Identity


def presence_identity(identity: Identity) -> dict[str, str]:
    """The `user` fields of a presence state, as static/src/presence.js sets and reads them.

    The colour is the person's own in their congress (server/palette.py): the same on every page
    and every visit, in the cursors and the mind map, and in the history."""
    colour = identity.colour
    return {
        "id": identity.author,
        "name": identity.name,
        "role": identity.role.value,
        "site": identity.site.value,
        "color": colour,
        "colorLight": f"{colour}33",  # presence.js tint(): the colour at 20 % for selections
    }

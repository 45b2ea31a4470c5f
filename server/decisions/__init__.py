"""Amendments, pen mode and votes (issue 15): the congress decides, and the server keeps the record.

- `models.py`, `repository.py`, `store.py`, `memory.py`: the tables and their seam;
- `amendments.py`, `anchors.py`: proposing, supporting, deciding; where a passage stands in the motion;
- `pen.py`: who writes the motion in pen mode;
- `votes.py`, `closer.py`: opening, casting, closing (also when the time runs out);
- `live.py`, `watch.py`: the rooms only the server writes, and amendments whose passage changed;
- `record.py`: the decisions as the history, the public page and the exports tell them.

docs/amendments.md is the contract with the pages.
"""

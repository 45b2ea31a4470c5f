"""Semantic classification of contributions into themes (issue 6).

Import from the submodules (`server.themes.engine`, `.contributions`, `.model`):
this package stays empty so that the `ubiquite` command, which registers the
`themes` subcommand, does not load numpy and scikit-learn into every server.
"""

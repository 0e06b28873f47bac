"""pytest over docs/: the ``>>>`` examples of the pages run (``--doctest-glob=*.md``).

``conf.py`` is Sphinx's configuration, not a module with tests, and ``_build`` is the
built site.
"""

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_build/*"]

"""The question bank's build logic, shared by the event modules in ``hooks/``.

The modules here know nothing of MkDocs events: they parse, validate, score and
render. The thin modules one level up (``hooks/*.py``) wire them to events.
"""

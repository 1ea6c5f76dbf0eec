"""Relations: the trip, visits and quantitative claims built from the spans of the earlier
stages (pure code in ``build``, ``context``, ``visits``, ``claims``, ``speakers``), and the
``seedie_relations`` component (``component.py``)."""

"""Dates: scanning Chinese date expressions, resolving them against a reference date (pure
code), and the ``seedie_dates`` component (``component.py``)."""

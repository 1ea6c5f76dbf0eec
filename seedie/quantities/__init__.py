"""Quantities: numerals, the unit table, the grammar of amounts, parsing and finding them in
text (pure code), and the ``seedie_quantities`` component (``component.py``)."""

"""Pure normalization code (no spaCy import): numerals, units, quantities, dates, org names."""

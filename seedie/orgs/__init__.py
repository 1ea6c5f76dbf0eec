"""Organizations: name patterns, the knowledge base, in-text linking and the visiting
delegation (pure code), and the ``seedie_orgs`` component (``component.py``). Every decision
about what is an organization and which mentions are one organization lives here."""

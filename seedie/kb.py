"""Compatibility import: the knowledge base lives in :mod:`seedie.orgs.kb`."""

from .orgs.kb import OrgKB, OrgRecord

__all__ = ["OrgKB", "OrgRecord"]

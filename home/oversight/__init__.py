"""Regional oversight: the read-only roll-up of every institution below a region.

A region's *Pengawas Wilayah* (``InstitutionRole.is_oversight``) reads, per institution below
it (``home.tenancy.sites_overseen_by``), figures every app contributes through the hook
``oversight_rollup_metrics`` (:mod:`home.oversight.metrics`), aggregated in the database so a
page of the roll-up costs the same few queries for 10 or 10,000 institutions.
"""

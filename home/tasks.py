"""Background jobs of ``home`` (run by django-q2). Each takes primary keys only and calls into
the module that holds the logic."""

from __future__ import annotations


def notify_article_offered(offer_pk: int) -> int:
    """E-mail the editors of every institution below that an article was offered to them."""
    from home.regional.offers import notify_offered

    return notify_offered(offer_pk)

def institution(request):
    """The institution being served (see ``InstitutionTimezoneMiddleware``), or None."""
    return {"institution": getattr(request, "institution", None)}

"""The home page's children, fetched once per request for the header menu and the home page's links."""

from django.db.models import F

from .visibility import public_pages


def root_children(request, root):
    """Live public children of `root` as base Page rows, with their type (app label, model name) and, for
    form pages, their purpose; one query, kept on the request."""
    if root is None:
        return []
    cached = getattr(request, "_wimn_children", None) if request is not None else None
    if cached is not None and cached[0] == root.pk:
        return cached[1]
    pages = list(
        public_pages(root.get_children()).annotate(
            type_app=F("content_type__app_label"),
            type_model=F("content_type__model"),
            form_purpose=F("formpage__purpose"),
        )
    )
    if request is not None:
        request._wimn_children = (root.pk, pages)
    return pages

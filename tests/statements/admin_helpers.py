"""Post the real Wagtail admin page forms: GET the form, read its fields, fill them, POST it back."""

from django.http import QueryDict

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

LANGS = ("en", "es", "pt", "fr")


def add_url(model_name, parent):
    return f"/admin/pages/add/statements/{model_name}/{parent.pk}/"


def form_data(client, url, **fields):
    """The admin form at `url` as a QueryDict (prefix templates dropped), updated with `fields`.

    A list value sets a multi-valued field (e.g. topics); StreamFields not given are sent empty.
    """
    response = client.get(url)
    assert response.status_code == 200, f"{url} gave {response.status_code}"
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    clean = QueryDict(mutable=True)
    for key in data:
        if "__prefix__" not in key:
            clean.setlist(key, data.getlist(key))
    for key, value in fields.items():
        if isinstance(value, list):
            clean.setlist(key, [str(v) for v in value])
        else:
            clean[key] = value
    return clean


def body(name="body", **html_by_language):
    """StreamField form data for `name` in every language: a paragraph where HTML is given, else empty."""
    data = {}
    for code in LANGS:
        html = html_by_language.get(code)
        items = [("paragraph", rich_text(html))] if html else []
        data[f"{name}_{code}"] = streamfield(items)
    return nested_form_data(data)


def inline(name, rows):
    """Inline formset data for `name` (rows: list of dicts of field values)."""
    from wagtail.test.utils.form_data import inline_formset

    return nested_form_data({name: inline_formset(rows)})

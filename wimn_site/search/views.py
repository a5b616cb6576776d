from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from wagtail.models import Site

from .query import PER_PAGE, search
from .text import MAX_QUERY_CHARS, clean_query


def _page_number(request):
    number = request.GET.get("page", "1")
    if len(number) > 6 or not number.isdigit() or int(number) < 1:
        raise Http404("No such page")
    return int(number)


def _language_in_sentence(code):
    """A language's name in the visitor's language, as written mid-sentence ("en inglés", "in English")."""
    name = str(dict(settings.LANGUAGES).get(code, code))
    return name if translation.get_language() == "en" else name.lower()


@require_safe
def search_view(request):
    """/<lang>/search/?q=: the visitor's language first; when nothing matches there, the English text."""
    language = translation.get_language()
    raw = request.GET.get("q", "")
    text = clean_query(raw)
    number = _page_number(request)
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    results, total = search(text, language, number, root=root)
    fallback = False
    if not total and text and language != settings.LANGUAGE_CODE:
        results, total = search(text, settings.LANGUAGE_CODE, number, root=root)
        fallback = bool(total)
    if number > 1 and not results:
        raise Http404("No such page")
    paginator = Paginator([], PER_PAGE)
    paginator.count = total  # known from the search query; no COUNT of our own
    page_obj = paginator._get_page(results, number if total else 1, paginator)
    query = QueryDict(mutable=True)
    if text:
        query["q"] = text
    context = {
        "query": text,
        "shortened": len(raw) > MAX_QUERY_CHARS,
        "results": results,
        "total": total,
        "page_obj": page_obj,
        "filter_query": query.urlencode(),
        "fallback": fallback,
        "fallback_language": _language_in_sentence(settings.LANGUAGE_CODE),
        "language_name": _language_in_sentence(language),
        "noindex": True,
    }
    return TemplateResponse(request, "wimn_site/search.html", context)

"""The document library listing: every public document, filterable by type, language, year and topic.

Which documents are public is decided in `wimn_site.visibility.public_documents`. Each row shows the
title of the visitor's language version (or the original's), the type, the languages the document
exists in, the year, topics, a "Read online" link (wimn_site.read_online) and a download link for the
visitor's language version with file type and size. The number of queries does not depend on the number
of documents.
"""

import django_filters

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, F, OuterRef, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .compiled import compiled
from .frame import kept
from .listing import ListingFilterSet, NativeNameSelect, paginate_in_one_query, with_total
from .models.documents import WimnDocument
from .models.mixins import language_codes
from .read_online import pages_carrying, text_url
from .related import with_versions
from .visibility import public_documents, visible_versions

PER_PAGE = 20


def filter_options(base, request=None):
    """The values each filter accepts (and the select boxes show): only years and topics in use.

    Topics come back as {id: {"slug", "name"}} with the name in the active language (English when empty).
    One query, kept with the site's frame (`frame.kept`: forgotten with every change to documents, pages,
    topics or collections), so a request usually reads them with the frame's cache lookup.
    """
    language = translation.get_language()
    years, topics = kept(f"wimn:library:options:{language}", lambda: _years_and_topics(base, language), request)
    return {
        "type": WimnDocument.DOC_TYPES,
        "language": [(code, settings.LANGUAGE_NATIVE_NAMES.get(code, code)) for code in language_codes()],
        "year": years,
        "topic": sorted(topics.values(), key=lambda topic: topic["name"].casefold()),
        "topics_by_id": topics,
    }


def _years_and_topics(base, language):
    local_name = f"topics__name_{language}" if language in language_codes() else "topics__name_en"
    years, topics = set(), {}
    for year, topic_id, slug, name, name_en in (
        base.order_by().values_list("year", "topics__id", "topics__slug", local_name, "topics__name_en").distinct()
    ):
        if year:
            years.add(year)
        if topic_id:
            topics[topic_id] = {"id": topic_id, "slug": slug, "name": name or name_en}
    return sorted(years, reverse=True), topics


class LibraryFilters(ListingFilterSet):
    type = django_filters.ChoiceFilter(field_name="doc_type", label=_("Type"), empty_label=_("All types"))
    language = django_filters.ChoiceFilter(
        label=_("Language"), empty_label=_("All languages"), method="in_language", widget=NativeNameSelect
    )
    year = django_filters.ChoiceFilter(label=_("Year"), empty_label=_("All years"))
    topic = django_filters.ChoiceFilter(field_name="topics__slug", label=_("Topic"), empty_label=_("All topics"))

    def in_language(self, queryset, name, code):
        """Documents written in `code`, or with a version in it that may be offered."""
        versions = visible_versions(WimnDocument.objects.filter(original=OuterRef("pk"), language=code))
        return queryset.filter(Q(language=code) | Exists(versions))


def _listed(documents):
    """`documents` in the library's order, each with its topics' ids."""
    topic_ids = WimnDocument.topics.through.objects.filter(wimndocument_id=OuterRef("pk")).values("topic_id")
    return documents.annotate(topic_ids=ArraySubquery(topic_ids)).order_by(
        F("year").desc(nulls_last=True), "-created_at", "pk"
    )


@compiled()
def _first_page():
    return with_total(_listed(public_documents()))[:PER_PAGE]


def library_listing(request, per_page=PER_PAGE):
    """Context for the library page: filters, options, the page of documents and messages."""
    base = public_documents()
    options = filter_options(base, request)
    filters = LibraryFilters(
        request.GET,
        base,
        choices={
            "type": options["type"],
            "language": options["language"],
            "year": [(str(year), str(year)) for year in options["year"]],
            "topic": [(topic["slug"], topic["name"]) for topic in options["topic"]],
        },
    )
    documents = _listed(filters.qs)
    # the whole library, unfiltered: its first page is a compiled read
    first_page = _first_page if not filters and per_page == PER_PAGE else None
    page_obj = paginate_in_one_query(request, documents, per_page=per_page, first_page=first_page)
    with_versions(page_obj.object_list)
    language = translation.get_language()
    carriers = pages_carrying(page_obj.object_list, request)
    rows = []
    for document in page_obj.object_list:
        shown = document.version_for(language)
        carrier = carriers.get(document.pk)
        rows.append(
            {
                "document": document,
                "shown": shown,
                "languages": [
                    (version.language, settings.LANGUAGE_NATIVE_NAMES.get(version.language, version.language))
                    for version in document.versions()
                ],
                "topics": [options["topics_by_id"][pk] for pk in document.topic_ids if pk in options["topics_by_id"]],
                # "Read online": the page that carries the document (a statement), else the text of the
                # visitor's language version, else the original's
                "read_url": carrier.url if carrier else text_url(shown) or text_url(document),
            }
        )
    return {
        "filters": filters,
        "filter_query": filters.querystring(),
        "options": options,
        "page_obj": page_obj,
        "rows": rows,
    }

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from . import media, outage, sitemaps, views

urlpatterns = [
    path("", views.language_redirect, name="language_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    # wagtail-footnotes' editor asks for its chooser at this fixed address; only staff in the admin see it.
    path(
        "footnotes/footnotes_modal/",
        require_admin_access(TemplateView.as_view(template_name="wagtail_footnotes/admin/footnotes_modal.html")),
        name="footnotes-modal",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", outage.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap_xml, name="sitemap_xml"),
]

# Of the uploads, only image renditions are files anyone may fetch by their address (a proxy may serve
# the same folder itself, see docs/deploy.md), from MEDIA_ROOT or from the bucket (wimn_site.media). Documents
# go only through Wagtail's serve view above, which applies wimn_site.visibility; original images are never
# served, pages show renditions.
urlpatterns += [
    # Wagtail keeps renditions flat in their folder: a name with a slash or backslash is no rendition.
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/images/(?P<path>[^/\\]+)$", media.rendition),
]

urlpatterns += i18n_patterns(
    path("", include("statements.urls")),
    path("", include("events.urls")),
    path("", include("campaigns.urls")),
    path("", include("wimn_site.public_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "wimn_site.views.page_not_found"
handler500 = "wimn_site.views.server_error"
handler400 = "wimn_site.views.bad_request"
handler403 = "wimn_site.views.permission_denied"

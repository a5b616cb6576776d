"""The site's frame (wimn_site.frame): menu, footer and settings kept per site and language, rebuilt on forget()."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import soup
from wimn_site import frame
from wimn_site.factories import ContentPageFactory
from wimn_site.models import ContentPage, SiteSettings


def counting(cache, calls):
    """`cache`, each method call recorded in `calls` as (name, args)."""

    class Counting:
        def __getattr__(self, name):
            method = getattr(cache, name)
            return lambda *args, **kwargs: calls.append((name, args)) or method(*args, **kwargs)

    return Counting()


def menu(response):
    nav = soup(response).find("nav", class_="site-nav")
    return [(a.get_text(strip=True), a["href"]) for a in nav.find_all("a")]


def test_the_frame_is_built_once_and_then_read_from_the_cache(client, about):
    """The second request reads neither the site settings nor the home page's children."""
    client.get("/es/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/es/about/")
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wimn_site_sitesettings" not in tables
    assert "django_content_type" not in tables  # the children's types, read with them
    assert menu(response) == [("Quiénes somos", "/es/about/")]
    assert soup(response).find("footer").find("a", href="mailto:wimninfo@womeninmigration.org")


def test_each_language_has_its_own_frame(client, about):
    assert menu(client.get("/es/")) == [("Quiénes somos", "/es/about/")]
    assert menu(client.get("/en/")) == [("About us", "/en/about/")]
    assert menu(client.get("/es/")) == [("Quiénes somos", "/es/about/")]


def test_a_change_shows_once_the_frame_is_forgotten(client, about, home):
    """What the frame shows is kept until `forget()` (which the cache invalidation rules call on every change)."""
    client.get("/es/")
    ContentPage.objects.filter(pk=about.pk).update(title_es="Sobre la red")
    settings = SiteSettings.for_site(home.get_site())
    settings.contact_email = "prensa@example.org"
    settings.twitter_handle = "wimn"
    settings.save()
    assert menu(client.get("/es/")) == [("Quiénes somos", "/es/about/")]
    frame.forget()
    response = client.get("/es/")
    assert menu(response) == [("Sobre la red", "/es/about/")]
    assert soup(response).find("footer").find("a", href="mailto:prensa@example.org")
    assert soup(response).find("meta", attrs={"name": "twitter:site"})["content"] == "@wimn"


def test_a_stale_frame_never_routes_to_the_wrong_page(client, about, home, django_capture_on_commit_callbacks):
    """The sections are kept with the frame (`routing_pages`); a section published since is served, one
    unpublished since is a 404 once the change is committed (the invalidation rules forget the frame), and a
    changed slug is followed."""
    client.get("/en/about/")
    fresh = ContentPageFactory(parent=home, title="Join", slug="join", show_in_menus=True)
    assert client.get("/en/join/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        about.unpublish()
    assert client.get("/en/about/").status_code == 404
    fresh.slug = "join-us"
    with django_capture_on_commit_callbacks(execute=True):
        fresh.save_revision().publish()
    moved = client.get("/en/join/")  # never the kept copy under its old slug: Wagtail's redirect to the new one
    assert (moved.status_code, moved["Location"]) == (301, "/en/join-us/")
    assert client.get("/en/join-us/").status_code == 200


def test_breadcrumbs_link_the_ancestors_in_the_visitors_language(client, about):
    ContentPageFactory(parent=about, slug="team", title="Team", title_es="Equipo")
    trail = soup(client.get("/es/about/team/")).find("nav", attrs={"aria-label": "Ruta de navegación"})
    assert [(a.get_text(strip=True), a["href"]) for a in trail.find_all("a")] == [
        ("Inicio", "/es/"),
        ("Quiénes somos", "/es/about/"),
    ]


def with_site_middleware(settings):
    """SiteMiddleware is in the settings, right after CommonMiddleware (which refuses unknown hosts first)."""
    middleware = list(settings.MIDDLEWARE)
    assert middleware.index("wimn_site.frame.SiteMiddleware") == (
        middleware.index("django.middleware.common.CommonMiddleware") + 1
    )


def test_the_site_middleware_spares_wagtail_its_site_query(client, about, settings):
    """With SiteMiddleware, a page finds its Site in the cache."""
    with_site_middleware(settings)
    client.get("/es/about/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/es/about/")
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert response.status_code == 200
    assert "wagtailcore_site" not in sql
    assert menu(response) == [("Quiénes somos", "/es/about/")]


def test_the_site_middleware_keeps_the_home_page_fresh(client, home, settings, django_capture_on_commit_callbacks):
    """The home page is kept with the frame (`routing_pages`), not read by each route: a published change shows
    on the next request, and a kept copy changed by one request is not what the next one gets."""
    with_site_middleware(settings)
    assert soup(client.get("/es/")).h1.get_text(strip=True) == "Red de Mujeres en la Migración"
    home.title_es = "Red Mujeres y Migración"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/es/")
    assert soup(response).h1.get_text(strip=True) == "Red Mujeres y Migración"
    assert any('FROM "wimn_site_homepage"' in query["sql"] for query in queries.captured_queries)  # rebuilt once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/es/")
    assert soup(response).h1.get_text(strip=True) == "Red Mujeres y Migración"
    assert not any('FROM "wimn_site_homepage"' in query["sql"] for query in queries.captured_queries)


def test_each_request_routes_through_its_own_copy_of_the_kept_pages(rf, home, about):
    """`routing_page` unpickles a fresh instance per call: what one request sets on its page never reaches
    another's."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    request = rf.get("/en/about/")
    request._wimn_routing_pages = frame.routing_pages(site)
    first = frame.routing_page(request, about.pk)
    first.title = "Changed by one request"
    second = frame.routing_page(request, about.pk)
    assert first is not second
    assert second.title == "About us"
    assert type(frame.routing_page(request, home.pk)) is type(home)
    assert frame.routing_page(request, 10**9) is None


def test_publishing_or_saving_settings_refreshes_the_frame(client, about, home, django_capture_on_commit_callbacks):
    """The invalidation rules forget the frame: a retitled section and new settings show on the next request."""
    client.get("/es/")
    about.title_es = "Sobre la red"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert menu(client.get("/es/")) == [("Sobre la red", "/es/about/")]
    settings = SiteSettings.for_site(home.get_site())
    settings.contact_email = "prensa@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    assert soup(client.get("/es/about/")).find("footer").find("a", href="mailto:prensa@example.org")


def test_links_read_as_rows_give_the_pages_own_titles_and_urls(rf, about, home):
    """`page_links` and `page_rows` build a page's URL from the frame's home page and read its title in the active
    language (English when untranslated) without loading the page: the same as the page itself answers."""
    from django.utils import translation

    from wagtail.models import Page

    from wimn_site.related import page_columns, page_links, page_rows

    team = ContentPageFactory(parent=about, slug="team", title="Team", title_es="Equipo")
    untranslated = ContentPageFactory(parent=about, slug="board", title="Board")
    private = ContentPageFactory(parent=home, slug="staff", title="Staff")
    private.view_restrictions.create(restriction_type="login")
    request = rf.get("/es/about/")
    for language in ("es", "en"):
        with translation.override(language):
            expected = {
                page.pk: (str(page.title), page.get_url(request))
                for page in Page.objects.filter(pk__in=[about.pk, team.pk, untranslated.pk])
            }
            links = page_links([about.pk, team.pk, untranslated.pk, private.pk], request)
            assert {pk: (link.title, link.url) for pk, link in links.items()} == expected
            pages = Page.objects.filter(pk__in=expected).order_by("pk")
            rows = page_rows(pages.values(*page_columns("slug")), request)
            assert {row.pk: (row.title, row.url) for row in rows} == expected
            assert [row.slug for row in rows] == ["about", "team", "board"]
    assert links[team.pk].url == "/en/about/team/"
    assert frame.url_of(team.url_path, request) == "/en/about/team/"  # from the frame, not the page


def test_a_request_reads_only_the_version_once_the_process_holds_the_frame(client, about, settings, monkeypatch):
    """The Site, the sites' root paths and the frame kept for the current version are held by the process: a request
    asks the shared cache for the version alone; after `forget()` the next request reads and builds them again."""
    from wagtail.models import sites as wagtail_sites

    from wimn_site import kept as kept_module

    with_site_middleware(settings)
    ContentPageFactory(parent=about, slug="team", title="Team")  # its breadcrumbs build its ancestors' URLs
    client.get("/es/about/team/")
    asked = []
    monkeypatch.setattr(kept_module, "cache", counting(kept_module.cache, asked))
    # the sites' root paths page URLs are built from
    monkeypatch.setattr(wagtail_sites, "cache", counting(wagtail_sites.cache, asked))
    response = client.get("/es/about/team/")
    assert response.status_code == 200
    assert asked == [("get", (frame.VERSION_KEY,))]
    frame.forget()
    ContentPage.objects.filter(pk=about.pk).update(title_es="Sobre la red")
    asked.clear()
    assert menu(client.get("/es/about/")) == [("Sobre la red", "/es/about/")]
    assert ("get", (frame.VERSION_KEY,)) in asked and len(asked) > 1


def test_a_section_made_private_is_guarded_once_the_change_commits(client, about, django_capture_on_commit_callbacks):
    """Public pages are served without a restriction query (the frame keeps the restricted pages' paths); a
    restriction saved (the invalidation rules run on commit) guards the page and those below it at once."""
    from wagtail.models import PageViewRestriction

    team = ContentPageFactory(parent=about, slug="team", title="Team")
    client.get("/en/about/team/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/about/team/").status_code == 200
    assert "wagtailcore_pageviewrestriction" not in " ".join(query["sql"] for query in queries.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert client.get("/en/about/team/").status_code == 302  # to the sign-in page
    assert client.get("/en/about/").status_code == 302
    assert team.get_view_restrictions().count() == 1


def test_a_kept_value_is_rebuilt_once_after_its_timeout_then_held_again(monkeypatch):
    """A value is rebuilt TIMEOUT seconds after it was built, wherever it is held; the rebuilt value is then held
    by the process again (not read from the shared cache on every call)."""
    from wimn_site import kept as kept_module

    now = [1_000_000.0]
    monkeypatch.setattr(kept_module.time, "time", lambda: now[0])
    kept_module.forget()
    builds, reads = [], []
    real = kept_module.cache
    monkeypatch.setattr(kept_module, "cache", counting(real, reads))
    with kept_module.request_version(real.get(kept_module.VERSION_KEY)):
        make = lambda: builds.append(now[0]) or len(builds)  # noqa: E731
        assert kept_module.kept("wimn:test:value", make) == 1
        reads.clear()
        now[0] += kept_module.TIMEOUT - 1
        assert kept_module.kept("wimn:test:value", make) == 1
        assert reads == []  # held by the process
        now[0] += 2
        assert kept_module.kept("wimn:test:value", make) == 2  # past its timeout: built again
        reads.clear()
        now[0] += 60
        assert kept_module.kept("wimn:test:value", make) == 2
        assert reads == []  # and held again
    assert len(builds) == 2


def test_a_kept_routing_page_that_no_longer_unpickles_is_read_from_the_database(client, about, monkeypatch):
    """Copies kept by code since changed (a page type renamed or removed) are a shortcut only: the route reads
    the page itself."""
    client.get("/en/about/")
    monkeypatch.setattr(frame, "routing_pages", lambda site, request=None: {about.pk: b"not a pickle"})
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == "About us"


def test_a_migration_forgets_what_is_kept(client, about):
    """New code comes with `migrate`: the frame and the routing pages, pickled by the code that built them, are
    rebuilt on the next request."""
    from django.core.management.sql import emit_post_migrate_signal

    from wimn_site import kept as kept_module

    client.get("/en/about/")
    before = kept_module.cache.get(kept_module.VERSION_KEY)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert kept_module.cache.get(kept_module.VERSION_KEY) != before


def test_a_kept_routing_copy_is_never_saved(rf, about):
    """A kept copy says it has children whatever the tree holds: saving it would write that over the row."""
    import pytest

    from wagtail.models import Site

    request = rf.get("/en/about/")
    request._wimn_routing_pages = frame.routing_pages(Site.objects.get(is_default_site=True))
    copy = frame.routing_page(request, about.pk)
    with pytest.raises(RuntimeError, match="kept for routing"):
        copy.save()
    about.refresh_from_db()
    about.save()  # the page read from the database saves as before


def test_a_value_built_by_a_server_whose_clock_runs_ahead_is_used(monkeypatch):
    """App servers' clocks may differ by a few seconds: a value another one built 'in the future' is current,
    not rebuilt on every call until this clock catches up."""
    import time

    from wimn_site import kept as kept_module

    kept_module.forget()
    version = kept_module.cache.get(kept_module.VERSION_KEY)
    kept_module.cache.set("wimn:test:ahead", (version, "built elsewhere", time.time() + 5), kept_module.TIMEOUT)
    monkeypatch.setattr(kept_module, "_process_copies", {})
    with kept_module.request_version(version):
        assert kept_module.kept("wimn:test:ahead", lambda: "built here") == "built elsewhere"

vcl 4.1;
# Varnish in front of the WIMN site (docs/deploy.md, "A caching proxy"). The app decides what may be
# kept: only responses it marks "Cache-Control: public, ... s-maxage=N" are cached, for N seconds, and
# publishing purges them through wagtail.contrib.frontend_cache (PURGE requests from the app servers).
#
# Start it with two listening addresses: the public one, and one named "purge" that only the app servers
# can reach (PURGE is refused everywhere else, so a request passed on by nginx can never purge):
#   varnishd -a :6081 -a purge=127.0.0.1:6091 -f /etc/varnish/wimn.vcl -s malloc,256m
#
# The backend below is the app on this machine; tests and two-server setups write their own backends
# (tests/proxy.py keeps everything after the "# --- rules" line).

import std;
import directors;

backend app1 { .host = "127.0.0.1"; .port = "8000"; }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}

# --- rules (shared by every setup) -------------------------------------------------------------------

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    # The app reads the visitor's address from the last X-Forwarded-For entry (WIMN_PROXY_HOPS=1);
    # Varnish appends client.ip to whatever the visitor sent.

    if (req.method == "PURGE" || req.method == "BAN") {
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.url == "/.well-known/wimn-purge-all") {
            # a change shown on many pages (a snippet, a document, the settings, a move): the whole host
            ban("req.http.host == " + req.http.host);
            return (synth(200, "Banned"));
        }
        return (purge);
    }
    # One spelling of the host: case, a trailing dot or a port make no separate copy (the app accepts
    # them all as the Site's address), so a purge reaches every copy of a page.
    set req.http.host = regsub(std.tolower(req.http.host), "\.?(:[0-9]+)?$", "");
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "%" || req.http.Authorization) {
        return (pass);  # an encoded path has other spellings a purge would miss; credentials are personal
    }
    # Staff and the admin, previews, documents (their access is checked per request), the root's
    # language redirect, search with a query and every other query string: always from the app.
    if (req.url ~ "^/(admin|django-admin|documents|healthz)(/|$)" || req.url ~ "^/[a-z]{2}/_util/"
        || req.url == "/" || req.url ~ "\?") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);  # a signed-in editor, or a visitor with a private page's password or a message
    }
    # An anonymous visitor: what they get is what everybody gets. Only the CSRF cookie goes on to the app
    # (a form page, never cached, then keeps the token a form in another tab was made with).
    set req.http.Cookie = regsuball(req.http.Cookie, "(^|;\s*)(?!csrftoken=)[^;]*", "");
    set req.http.Cookie = regsub(req.http.Cookie, "^[;\s]+", "");
    if (req.http.Cookie == "") {
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    return (lookup);
}

sub vcl_backend_response {
    set beresp.grace = 6h;  # keep serving a page for six hours after its time while the app is down
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # the app or its database is down (a 503 page): keep the stale copy visitors are being served
        return (abandon);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public" || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.status != 200) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

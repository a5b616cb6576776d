vcl 4.1;
# Varnish in front of the WIMN site (docs/deploy.md, "A caching proxy"). The app decides what may be
# kept: only responses it marks "Cache-Control: public, ... s-maxage=N" are cached, for N seconds, and
# publishing purges them through wagtail.contrib.frontend_cache (PURGE requests from the app servers).
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

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.url == "/.well-known/wimn-purge-all") {
            # a change shown on many pages (a snippet, a document, the settings, a move): the whole host
            ban("req.http.host == " + req.http.host);
            return (synth(200, "Banned"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
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
    unset req.http.Cookie;  # an anonymous visitor: what they get is what everybody gets
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    return (lookup);
}

sub vcl_backend_response {
    set beresp.grace = 6h;  # keep serving a page for six hours after its time while the app is down
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

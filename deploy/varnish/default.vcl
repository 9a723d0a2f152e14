#
# Varnish in front of the Wagtail application (gunicorn), behind the TLS terminator.
#
# - Caches what the application marks `Cache-Control: public` (anonymous public HTML, the RSS
#   feed, the sitemap: home.caching), per hostname, for its s-maxage (300 s by default).
# - Never caches: the admin and previews (/admin/), documents, search results (/cari/),
#   anything but GET/HEAD, requests with the Django session cookie (`sessionid`: logged-in
#   editors, page passwords), responses that set a cookie (e.g. `csrftoken`) or are private.
# - Wagtail purges changed pages with PURGE (wagtail.contrib.frontend_cache's HTTPBackend,
#   FRONTEND_CACHE_URL), accepted only from the `purge` ACL.
# - Never serves the media URL of a document or an audio/braille version (404).
# - Every response says `X-Cache: HIT` (served from the cache) or `MISS` (fetched or passed).
#
# See deploy/README.md. Check a change with `varnishd -C -f deploy/varnish/default.vcl`.
#
vcl 4.1;

import std;

# The application server. tests/test_proxy_cache.py and bench/bench_load.py rewrite this port.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the application servers. Add their addresses when they are not local.
acl purge {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Documents and audio/braille versions are served only by their views (/documents/…,
    # /alternatif/…), which check privacy; never by their media URL (home/media.py).
    if (std.tolower(req.url) ~ "^/+media/+(documents|accessibility)(/|%2f)") {
        return (synth(404, "Not Found"));
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purge) {
            return (synth(405, "PURGE not allowed from this address"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Plain HTTP in an HTTPS deployment only gets the application's redirect to HTTPS.
    if (req.http.X-Forwarded-Proto && req.http.X-Forwarded-Proto != "https") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|\?|$)" || req.url ~ "^/documents/" || req.url ~ "/cari/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Other cookies (a csrftoken left by the admin login, analytics) change nothing on a
    # public page; without them every visitor shares one copy (the pages `Vary: Cookie`).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    # Per hostname, whatever port the visitor used: Wagtail purges `Host: <site hostname>`.
    hash_data(req.url);
    hash_data(regsub(std.tolower(req.http.host), ":[0-9]+$", ""));
    return (lookup);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-cache|no-store)") {
        # Remember for a while that this URL is not cacheable (hit-for-miss).
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Keep an expired copy a little while to serve it during the refetch.
    set beresp.grace = 30s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

"""The visitor's real address, as every throttle and rate limit counts it.

Behind a proxy (nginx, Varnish, a CDN) `REMOTE_ADDR` is the proxy's own address, so counting by it
would let one person lock every staff member out, or close the forms for everyone. Each proxy appends
the address it received the request from to `X-Forwarded-For`; the visitor is therefore the entry
`WIMN_PROXY_HOPS` places from the right. The header is read only when the request really came from
one of `WIMN_TRUSTED_PROXIES`: anyone else can write any `X-Forwarded-For` they like.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue
    return tuple(networks)


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def is_trusted_proxy(address):
    found = _address(address or "")
    networks = _networks(tuple(getattr(settings, "WIMN_TRUSTED_PROXIES", ())))
    return found is not None and any(found in network for network in networks)


def client_ip(request):
    """The address the request came from, through at most `WIMN_PROXY_HOPS` trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = int(getattr(settings, "WIMN_PROXY_HOPS", 0) or 0)
    if hops > 0 and is_trusted_proxy(remote):
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= hops:
            found = _address(forwarded[-hops])
            if found is not None:
                return str(found)
    found = _address(remote)
    return str(found) if found is not None else "0.0.0.0"  # noqa: S104 - an unknown sender, never a bind address

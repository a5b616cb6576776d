"""The visitor's real address, as every throttle and rate limit counts it.

Behind a proxy (nginx, Varnish, a CDN) `REMOTE_ADDR` is the proxy's own address, so counting by it
would let one person lock every staff member out, or close the forms for everyone. Each proxy appends
the address it received the request from to `X-Forwarded-For`; the visitor is therefore the entry
`WIMN_PROXY_HOPS` places from the right. The header is read only when the request really came from
one of `WIMN_TRUSTED_PROXIES`: anyone else can write any `X-Forwarded-For` they like.

An IPv6 visitor is counted as their /64: one home connection or server holds billions of addresses in it,
so counting each would let one person guess forever by changing address.
"""

import ipaddress
import logging
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)


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


def _counted(address):
    """The address as counted: IPv4 as it is, IPv6 as the first address of its /64."""
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


_warned = set()


def _warn_untrusted(remote):
    """X-Forwarded-For from an address not in WIMN_TRUSTED_PROXIES: a proxy on another machine that nobody
    listed (then every visitor would count as that proxy), or someone writing the header. Said once each."""
    if remote not in _warned and len(_warned) < 16:
        _warned.add(remote)
        logger.warning(
            "X-Forwarded-For came from %s, which is not in WIMN_TRUSTED_PROXIES, so it was ignored. If your proxy "
            "runs at that address, add it there, or every visitor is counted as the proxy.",
            remote,
        )


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
                return _counted(found)
    elif hops > 0 and request.META.get("HTTP_X_FORWARDED_FOR"):
        _warn_untrusted(remote)
    found = _address(remote)
    return _counted(found) if found is not None else "0.0.0.0"  # noqa: S104 - an unknown sender, never a bind address

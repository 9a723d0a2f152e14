"""Requests to addresses that users type (the CKAN / Satu Data portal): public hosts only.

An institution admin types the portal's base URL; without a check, the server would call any
address it can reach — itself (``127.0.0.1``), the cloud metadata service (``169.254.169.254``),
the database or Redis on the private network — and show what came back. :func:`check_url`
resolves the hostname first and refuses the URL unless **every** address it resolves to is
public. An operator names the exceptions in ``SOCIAL_OUTBOUND_ALLOWED_HOSTS`` (comma-separated
hostnames, addresses or networks such as ``10.20.0.0/16``; a portal on the province's
intranet, or the tests' loopback fakes).

Requests to such URLs follow no redirects (a redirect could point anywhere); the check runs
again before every request, so a name that later resolves elsewhere is refused then.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from social_publish import conf

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class RefusedURL(ValueError):
    """The URL may not be called; the message says why and how to fix it (translated)."""


def allowed_entries() -> tuple[set[str], list[Network]]:
    """Hostnames and networks of ``SOCIAL_OUTBOUND_ALLOWED_HOSTS``."""
    configured = conf.get("SOCIAL_OUTBOUND_ALLOWED_HOSTS")
    if isinstance(configured, str):
        configured = configured.split(",")
    names: set[str] = set()
    networks: list[Network] = []
    for entry in (str(e).strip().lower() for e in configured or ()):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry.rstrip("."))
    return names, networks


def resolve(host: str, port: int) -> list[Address]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def is_public(address: Address) -> bool:
    """Globally routable: not loopback, link-local, private, shared, reserved or multicast."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_url(url: str) -> None:
    """Refuse ``url`` unless it is http(s) to a public host or an allowed one.

    Raises:
        RefusedURL: with an Indonesian message naming the problem and the fix.
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if parts.scheme not in {"http", "https"} or not host:
        raise RefusedURL(_("The portal address must start with https:// and name a host."))
    names, networks = allowed_entries()
    if host in names:
        return
    try:
        addresses = resolve(host, parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError, ValueError) as exc:
        raise RefusedURL(
            _("The host %(host)s could not be found. Check the portal address.") % {"host": host}
        ) from exc
    for address in addresses:
        if is_public(address) or any(address in network for network in networks):
            continue
        raise RefusedURL(
            _(
                "The address %(host)s leads to a loopback, link-local or private network, "
                "which the server does not call. Enter the portal's public address; a portal "
                "on an internal network must first be allowed by the platform operator "
                "(SOCIAL_OUTBOUND_ALLOWED_HOSTS)."
            )
            % {"host": host}
        )

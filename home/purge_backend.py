"""Wagtail's HTTP purge backend with a timeout, giving up on a batch when the proxy is down.

Wagtail's ``HTTPBackend`` opens each PURGE with no timeout, one URL after another, in the
publishing request: a hung or unreachable proxy would hold the editor's "Terbitkan" for as long
as the operating system waits, once per URL. Here each PURGE waits at most ``TIMEOUT`` seconds
(default 2), and once the proxy cannot be reached the rest of the batch is not tried: one warning
says how many URLs were left, which the proxy then serves until ``PUBLIC_CACHE_S_MAXAGE``.
"""

from __future__ import annotations

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")

DEFAULT_TIMEOUT = 2.0


class ProxyUnreachable(Exception):
    """The caching proxy did not answer (refused, timed out)."""


class BoundedHTTPBackend(HTTPBackend):
    """``HTTPBackend`` whose PURGEs time out (``TIMEOUT``) and stop at the first unreachable one."""

    def __init__(self, params) -> None:
        self.timeout = float(params.pop("TIMEOUT", DEFAULT_TIMEOUT))
        super().__init__(params)

    def _send(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit(
                [self.cache_scheme, self.cache_netloc, parts.path, parts.query, parts.fragment]
            ),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 - configured LOCATION
        except HTTPError as error:
            logger.error("Couldn't purge '%s' from HTTP cache. HTTPError: %d", url, error.code)
        except (URLError, TimeoutError, ConnectionError) as error:
            raise ProxyUnreachable(getattr(error, "reason", error)) from error

    def purge(self, url: str) -> None:
        try:
            self._send(url)
        except ProxyUnreachable as error:
            logger.warning("Couldn't purge '%s': the caching proxy is unreachable (%s)", url, error)

    def purge_batch(self, urls) -> None:
        urls = list(urls)
        for done, url in enumerate(urls):
            try:
                self._send(url)
            except ProxyUnreachable as error:
                logger.warning(
                    "The caching proxy is unreachable (%s): %d of %d URLs not purged; "
                    "it serves them until their s-maxage runs out.",
                    error,
                    len(urls) - done,
                    len(urls),
                )
                return

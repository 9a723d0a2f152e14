"""Start every fake platform and print where it listens: ``python -m tests.fakes.run``.

Stops on Ctrl-C or SIGTERM. Prints the seeded credentials too, for manual runs against the app.
"""

from __future__ import annotations

import signal
import threading

from .ckan import FakeCkan
from .google import FakeGoogle
from .graph import FakeGraph
from .x import FakeX


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGTERM, _interrupt)
    graph, google, x, ckan = FakeGraph(), FakeGoogle(), FakeX(), FakeCkan()
    fakes = [graph, google, x, ckan]
    for fake in fakes:
        fake.start()
    try:
        print(
            f"graph   {graph.base_url}  app {graph.app_id}/{graph.app_secret}  "
            f"page {graph.page_id} token {graph.page_token}  ig {graph.ig_user_id}"
        )
        print(f"google  {google.base_url}  client {google.client_id}/{google.client_secret}")
        print(f"x       {x.base_url}  client {x.client_id}/{x.client_secret}")
        print(f"ckan    {ckan.base_url}  token {ckan.api_token}  org {ckan.org['name']}")
        print("Ctrl-C to stop.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        for fake in fakes:
            fake.stop()


if __name__ == "__main__":
    main()

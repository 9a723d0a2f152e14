"""Helpers for tests running real processes (a django-q2 ``qcluster``, ``runserver``) against
the test database.

The ``qcluster`` fixture is in :mod:`tests.fixtures.worker`.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import requests
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def database_url() -> str:
    """The test database as a ``DATABASE_URL`` a child process understands."""
    settings = connection.settings_dict
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or ""
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{settings['NAME']}"


def wait_until(condition: Callable[[], bool], timeout: float = 60, interval: float = 0.25) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def descendants(pid: int) -> list[int]:
    """Every living process below ``pid`` (Linux ``/proc``): the cluster's sentinel, workers…"""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def connected_to(port: int, pids: list[int]) -> list[int]:
    """Those of ``pids`` holding an established TCP (IPv4) connection to local ``port``."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[2].split(":")[1], 16) == port and fields[3] == "01":
            inodes.add(f"socket:[{fields[9]}]")
    holders = []
    for pid in pids:
        try:
            links = {os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()}
        except OSError:  # gone meanwhile
            continue
        if links & inodes:
            holders.append(pid)
    return holders


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its parent to reap it does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def broker_tasks() -> list[dict]:
    """The jobs waiting in the configured broker (the ORM broker, or Redis with REDIS_URL, whose
    list outlives a test), readable with the current key: django-q2's task dicts."""
    from django_q.brokers import get_broker
    from django_q.models import OrmQ
    from django_q.signing import BadSignature, SignedPackage

    broker = get_broker()
    if hasattr(broker.connection, "lrange"):
        payloads = broker.connection.lrange(broker.list_key, 0, -1)
    else:
        payloads = OrmQ.objects.filter(key=broker.list_key).values_list("payload", flat=True)
    tasks = []
    for payload in payloads:
        try:
            tasks.append(SignedPackage.loads(payload))
        except BadSignature:
            continue
    return tasks


def stop_cluster(process) -> None:
    """Stop a ``qcluster`` started in its own process group: SIGINT stops it at once (on
    SIGTERM django-q2 lingers until its timeout); SIGKILL if it is still there after 20 s."""
    import signal
    import subprocess

    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def started(name: str, args: list[str], cwd: Path, logs: Path) -> Iterator[subprocess.Popen]:
    """``manage.py`` with ``args`` run from ``cwd`` with this test's environment; stopped after.

    Its output goes to ``logs/<name>.log`` and is printed if the test fails.
    """
    cwd.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "PYTHONUNBUFFERED": "1",
    }
    log = (logs / f"{name}.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=cwd,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        stop_cluster(process)
        log.seek(0)
        print(f"--- {name} ---\n{log.read()[-3000:]}")
        log.close()


def web_server(name: str, cwd: Path, logs: Path, stack: ExitStack) -> str:
    """A ``runserver`` process on a free port; its base URL once it answers."""
    port = free_port()
    process = stack.enter_context(
        started(name, ["runserver", "--noreload", f"127.0.0.1:{port}"], cwd, logs)
    )
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        assert process.poll() is None, f"{name} exited with {process.returncode}"
        try:
            return requests.get(f"{base}/admin/login/", timeout=2).status_code == 200
        except requests.ConnectionError:
            return False

    assert wait_until(answers, timeout=120, interval=0.5), f"{name} never answered"
    return base

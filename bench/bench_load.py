"""Load an article uncached, through the Varnish cache, and as a static file from the same Varnish.

    .venv/bin/python bench/bench_load.py [--news 30] [--duration 10s] [--connections 16]

Builds a throw-away SQLite database with one institution, starts gunicorn with the production
settings (2 sync workers, persistent DB connections) and Varnish with deploy/varnish/default.vcl
on loopback, and runs ``wrk -t2 -c16 -d10s`` against:

1. the article straight from gunicorn (every request rendered);
2. the same article through Varnish (served from its cache);
3. the same HTML saved to a file and answered by the same Varnish with no backend at all
   (``std.fileread`` in ``vcl_synth``): the ceiling of what the proxy can do.

Prints req/s and p99 latency for each and the two ratios. Varnish's gzip handling is off here
(``http_gzip_support=off``) so that the three runs move the same uncompressed bytes. Needs
``wrk`` and ``varnishd`` (Debian packages ``wrk`` and ``varnish``). Everything started is stopped
at the end.

With ``--bakerydemo DIR`` (a checkout of wagtail/bakerydemo, or its bare git directory) the peer
runs too: bakerydemo's own production settings on its own virtualenv (made once in
``.bench/bakerydemo-venv`` from its ``requirements/base.txt``, gunicorn and whitenoise), its demo
data on a throw-away SQLite database, the same gunicorn workers; its blog post and our article
are loaded in interleaved rounds (``--rounds``, median printed) and the ratio is printed.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
HOST = "bench.localhost"
STATIC_URL = "/__bench_static__/article.html"


def find(binary: str) -> str | None:
    return shutil.which(binary, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, name: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{name} did not listen on port {port} within {seconds} s")


def environment(folder: Path) -> dict[str, str]:
    """Production settings on a throw-away database, plain HTTP on loopback."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "SOCIAL_TOKEN_KEYS": "ZGV2ZWxvcG1lbnQtb25seS1ub3QtYS1zZWNyZXQtISE=",
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def build(env: dict[str, str], news: int) -> str:
    """Migrate, collect static files and create one institution with ``news`` articles.

    Returns:
        The path of the article to load (the newest, with related news).
    """
    script = f"""
from datetime import date, timedelta
from home.models import NewsIndexPage, NewsPage
from home.provisioning import InstitutionSpec, provision_institution
site = provision_institution(InstitutionSpec("Kalurahan Bench", "{HOST}", "kalurahan")).site
index = NewsIndexPage.objects.child_of(site.root_page).get()
paragraph = "<p>" + "Warga bergotong royong membersihkan saluran irigasi desa. " * 12 + "</p>"
for number in range({news}):
    page = NewsPage(title=f"Kabar desa nomor {{number}}", slug=f"kabar-{{number}}",
                    lead="Ringkasan kegiatan warga.", body=[("paragraph", paragraph)] * 4,
                    date=date(2025, 1, 1) + timedelta(days=number))
    index.add_child(instance=page)
    page.save_revision().publish()
print(NewsPage.objects.get(slug=f"kabar-{news - 1}").get_url_parts()[2])
"""
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)
    done = subprocess.run(
        [*manage, "shell", "-c", script], env=env, cwd=ROOT, check=True, capture_output=True
    )
    return done.stdout.decode().strip().splitlines()[-1]


BAKERY_POST = "/blog/bread-circuses/"


def bakerydemo_tree(source: Path, folder: Path) -> Path:
    """A work tree of bakerydemo: ``source`` itself, or exported from a bare git directory."""
    if (source / "manage.py").exists():
        return source
    tree = folder / "bakerydemo"
    tree.mkdir()
    archive = subprocess.run(
        ["git", f"--git-dir={source}", "archive", "HEAD"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def peer_interpreter(tree: Path) -> str:
    """A Python that bakerydemo supports: its ``.python-version``, else the newest python3.1x."""
    pinned = tree / ".python-version"
    wanted = [f"python{pinned.read_text().strip()}"] if pinned.exists() else []
    for name in [*wanted, "python3.13", "python3.12"]:
        if found := shutil.which(name):
            return found
    raise SystemExit("bakerydemo needs Python 3.12 or newer (python3.12 / python3.13 on PATH)")


def start_bakerydemo(source: Path, folder: Path, workers: int) -> tuple[subprocess.Popen, int]:
    """bakerydemo on its production settings and demo data under gunicorn; (process, port)."""
    tree = bakerydemo_tree(source, folder)
    venv = ROOT / ".bench" / "bakerydemo-venv"  # kept between runs (gitignored)
    python = venv / "bin" / "python"
    if not python.exists():
        # cwd: a pyenv shim picks the version from the tree's .python-version
        subprocess.run([peer_interpreter(tree), "-m", "venv", str(venv)], check=True, cwd=tree)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-r",
             str(tree / "requirements" / "base.txt"), "gunicorn", "whitenoise"],
            check=True,
        )  # fmt: skip
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789",
        "DATABASE_URL": f"sqlite:///{folder / 'bakery.sqlite3'}",
        "SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "MEDIA_ROOT": str(folder / "bakery-media"),
    }
    for command in (["migrate", "--noinput", "-v0"], ["load_initial_data"],
                    ["collectstatic", "--noinput", "-v0"]):  # fmt: skip
        subprocess.run(
            [str(python), "manage.py", *command], env=env, cwd=tree, check=True,
            capture_output=True,
        )  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [str(venv / "bin" / "gunicorn"), "bakerydemo.wsgi", "--workers", str(workers),
         "--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=env, cwd=tree,
    )  # fmt: skip
    wait_for_port(port, process, "bakerydemo gunicorn")
    status = get(port, BAKERY_POST)[0]
    if status != 200:
        raise SystemExit(f"bakerydemo answered {status} for {BAKERY_POST}")
    return process, port


def median_run(wrk: str, port: int, path: str, args, rounds: list) -> tuple[float, str]:
    """Record one wrk run in ``rounds``; return the median (req/s, p99) of the runs so far."""
    rounds.append(run_wrk(wrk, port, path, args))
    ordered = sorted(rounds)
    return ordered[len(ordered) // 2]


def bench_vcl(backend_port: int, static_file: Path) -> str:
    """The shipped VCL, pointed at gunicorn, plus a synthetic answer for the static copy."""
    static = f"""
sub vcl_recv {{
    if (req.url == "{STATIC_URL}") {{
        return (synth(200, "OK"));
    }}
}}

sub vcl_synth {{
    if (req.url == "{STATIC_URL}" && resp.status == 200) {{
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.body = std.fileread("{static_file}");
        return (deliver);
    }}
}}
"""
    text = VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";')
    # Subroutines defined twice run in order: the static answer comes before the shipped rules.
    return text.replace("import std;\n", "import std;\n" + static, 1)


def get(port: int, path: str) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.getheader("X-Cache", ""), response.read()
    finally:
        connection.close()


def run_wrk(wrk: str, port: int, path: str, args) -> tuple[float, str]:
    """(requests per second, p99 latency as wrk prints it)."""
    for _ in range(20):  # warm up: caches, connections, templates
        get(port, path)
    output = subprocess.run(
        [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}", "--latency",
         "-H", f"Host: {HOST}", f"http://127.0.0.1:{port}{path}"],
        check=True, capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"^\s*99%\s+(\S+)", output, re.MULTILINE).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise SystemExit(f"{errors.group(1)} failed responses on {path}:\n{output}")
    return rate, p99


def backend_requests(varnishstat: str | None, workdir: Path) -> int | None:
    """How many requests Varnish has sent to gunicorn so far (None without varnishstat)."""
    if varnishstat is None:
        return None
    output = subprocess.run(
        [varnishstat, "-n", str(workdir), "-1", "-f", "MAIN.backend_req"],
        capture_output=True, text=True, timeout=30,
    ).stdout  # fmt: skip
    match = re.search(r"MAIN\.backend_req\s+(\d+)", output)
    return int(match.group(1)) if match else None


def stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=30)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--bakerydemo", type=Path, help="bakerydemo checkout or git directory")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds with the peer")
    args = parser.parse_args()

    tools = {"wrk": find("wrk"), "varnishd": find("varnishd")}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    missing = [name for name, path in tools.items() if path is None]
    if missing or not gunicorn.exists():
        packages = {"wrk": "wrk", "varnishd": "varnish"}
        names = " ".join(packages[name] for name in missing)
        raise SystemExit(
            f"missing: {' '.join(missing) or ''}{' gunicorn' if not gunicorn.exists() else ''}"
            f" — install with: apt-get install -y {names}"
        )

    folder = Path(tempfile.mkdtemp(prefix="bench-load-"))
    os.chmod(folder, 0o755)  # varnishd's unprivileged users read the VCL and the static file
    gunicorn_process = varnish_process = bakery_process = None
    try:
        env = environment(folder)
        article = build(env, args.news)
        app_port, proxy_port = free_port(), free_port()
        gunicorn_process = subprocess.Popen(
            [str(gunicorn), "cms.wsgi", "--workers", str(args.workers), "--worker-class", "sync",
             "--bind", f"127.0.0.1:{app_port}", "--log-level", "warning"],
            env=env, cwd=ROOT,
        )  # fmt: skip
        wait_for_port(app_port, gunicorn_process, "gunicorn")
        status, _, html = get(app_port, article)
        if status != 200:
            raise SystemExit(f"gunicorn answered {status} for {article}")
        static_file = folder / "article.html"
        static_file.write_bytes(html)
        static_file.chmod(0o644)
        vcl = folder / "bench.vcl"
        vcl.write_text(bench_vcl(app_port, static_file))
        vcl.chmod(0o644)
        varnish_process = subprocess.Popen(
            [tools["varnishd"], "-F", "-n", str(folder / "varnish"), "-a",
             f"127.0.0.1:{proxy_port}", "-f", str(vcl), "-s", "malloc,64m", "-T", "none",
             "-p", "http_gzip_support=off"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(proxy_port, varnish_process, "varnishd")
        get(proxy_port, article)
        if get(proxy_port, article)[1] != "HIT":
            raise SystemExit("Varnish does not serve the article from its cache")

        print(
            f"article {article} ({len(html) / 1024:.1f} KiB), wrk -t{args.threads} "
            f"-c{args.connections} -d{args.duration}, gunicorn {args.workers} sync workers"
        )
        if args.bakerydemo:
            bakery_process, bakery_port = start_bakerydemo(args.bakerydemo, folder, args.workers)
            ours: list = []
            peer: list = []
            for _ in range(args.rounds):  # interleaved, so both see the same machine load
                uncached = median_run(tools["wrk"], app_port, article, args, ours)
                bakery = median_run(tools["wrk"], bakery_port, BAKERY_POST, args, peer)
            stop(bakery_process)
            print(
                f"bakerydemo {BAKERY_POST}: {bakery[0]:.0f} req/s, p99 {bakery[1]} "
                f"(median of {args.rounds}: {', '.join(f'{r:.0f}' for r, _ in peer)})"
            )
            print(
                f"our article uncached: {uncached[0]:.0f} req/s, p99 {uncached[1]} "
                f"(median of {args.rounds}: {', '.join(f'{r:.0f}' for r, _ in ours)})"
            )
            print(f"uncached article / bakerydemo blog post: {uncached[0] / bakery[0]:.2f}x")
            results = {"uncached (gunicorn)": uncached}
        else:
            results = {"uncached (gunicorn)": run_wrk(tools["wrk"], app_port, article, args)}
        varnishstat = find("varnishstat")
        before = backend_requests(varnishstat, folder / "varnish")
        results["proxy cache (Varnish)"] = run_wrk(tools["wrk"], proxy_port, article, args)
        after = backend_requests(varnishstat, folder / "varnish")
        results["static file (Varnish)"] = run_wrk(tools["wrk"], proxy_port, STATIC_URL, args)
        for name, (rate, p99) in results.items():
            print(f"{name:22s} {rate:10.0f} req/s   p99 {p99}")
        uncached, cached, static = (rate for rate, _ in results.values())
        print(f"proxy cache / uncached: {cached / uncached:.1f}x")
        print(f"proxy cache / static file: {cached / static:.2f}")
        if before is not None and after is not None:
            print(f"requests Varnish sent to gunicorn during the cached run: {after - before}")
    finally:
        stop(varnish_process)
        stop(gunicorn_process)
        stop(bakery_process)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

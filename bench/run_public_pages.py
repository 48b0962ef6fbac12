"""Benchmark: public pages at 50 concurrent clients against a trivial view in the same server.

DESIGN.md's target: "Public pages and the opportunity finder at 50 concurrent clients: p95 latency no
more than 3 times that of a trivial view in the same server, and no errors." The trivial view is
GET /health/ (no database, no template).

This script prepares a database with the seed data, collects static files, starts gunicorn on the
loopback interface with production settings (DEBUG off), sends a bounded number of requests to each
address from 50 client threads, stops the server and writes bench/RESULTS.md. It is a measurement,
not a test: it exits 0 whatever the ratios are, and 1 only when it could not run.

    python bench/run_public_pages.py [--requests 1000] [--clients 50] [--workers N] [--port 8113]

DATABASE_URL chooses the database (PostgreSQL for a production-like run); without it, a SQLite file
under var/bench/ is created afresh.
"""

import argparse
import http.client
import math
import os
import platform
import secrets
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from results import write_section  # bench/results.py: the script's folder is on sys.path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VAR = ROOT / "var" / "bench"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "# Benchmark: public pages at 50 concurrent clients"
HOST = "127.0.0.1"
BASELINE = "/health/"
PAGES = [
    "/",
    "/hubs/",
    "/hubs/hertfordshire/",
    "/map/",
    "/api/hub-areas/",
    "/downloads/hub-areas-and-funding.csv",
    "/opportunities/",
    "/opportunities/?postcode=AL1&age=9",
    "/opportunities/calendar/",
]
TARGET_RATIO = 3.0
REQUEST_TIMEOUT_SECONDS = 30
PHASE_TIME_LIMIT_SECONDS = 120
WARM_UP_REQUESTS_PER_PATH = 20


@dataclass
class Phase:
    """Every request sent to one address, with its latency in seconds, and what went wrong."""

    path: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall_seconds: float = 0.0
    stopped_by_time_limit: bool = False

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def percentile(self, fraction: float) -> float:
        """Nearest-rank percentile of the successful requests' latencies."""
        ordered = sorted(self.latencies)
        if not ordered:
            return math.nan
        return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def run(command: list[str], env: dict[str, str]) -> None:
    print("$", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own fixed commands


def server_environment(database_url: str) -> dict[str, str]:
    """Production settings, as a deployment would have them, except plain HTTP on the loopback."""
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": HOST,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "tutti.settings",
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def prepare(env: dict[str, str], *, fresh_sqlite: Path | None) -> None:
    if fresh_sqlite is not None and fresh_sqlite.exists():
        fresh_sqlite.unlink()
    manage = [sys.executable, "manage.py"]
    run([*manage, "migrate", "--no-input", "--verbosity", "0"], env)
    if (ROOT / "tutti" / "network" / "management" / "commands" / "load_network_seed.py").exists():
        run([*manage, "load_network_seed"], env)
    run([*manage, "collectstatic", "--no-input", "--verbosity", "0"], env)


def get(port: int, path: str) -> tuple[int, int]:
    """One request on a new connection (gunicorn's sync workers close each one): status and body size."""
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_SECONDS)
    try:
        connection.request("GET", path, headers={"Host": HOST, "Accept-Encoding": "identity"})
        response = connection.getresponse()
        body = response.read()
        return response.status, len(body)
    finally:
        connection.close()


def wait_until_serving(port: int, server: subprocess.Popen[bytes], *, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode} before serving")
        try:
            if get(port, BASELINE)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {BASELINE} on port {port} within {seconds:.0f} seconds")


def measure(port: int, path: str, *, requests: int, clients: int) -> Phase:
    """`requests` GETs of `path` from `clients` threads at once, each sending its next as soon as one returns."""
    phase = Phase(path)
    tickets = iter(range(requests))
    lock = threading.Lock()
    deadline = time.monotonic() + PHASE_TIME_LIMIT_SECONDS

    def client() -> None:
        while True:
            with lock:
                if next(tickets, None) is None:
                    return
                if time.monotonic() > deadline:
                    phase.stopped_by_time_limit = True
                    return
            started = time.perf_counter()
            try:
                status, _size = get(port, path)
                error = None if status == 200 else f"HTTP {status}"
            except OSError as exc:
                error = f"{type(exc).__name__}: {exc}"
            elapsed = time.perf_counter() - started
            with lock:
                if error is None:
                    phase.latencies.append(elapsed)
                else:
                    phase.errors.append(error)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    phase.wall_seconds = time.perf_counter() - started
    return phase


def database_description(env: dict[str, str]) -> str:
    code = "from django.db import connection; connection.ensure_connection(); print(connection.vendor, end=' '); " + (
        "print('.'.join(map(str, connection.get_database_version())))"
    )
    completed = subprocess.run(  # noqa: S603 - our own fixed command
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return completed.stdout.strip()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def report(
    *,
    phases: list[Phase],
    baseline: Phase,
    database: str,
    workers: int,
    clients: int,
    requests: int,
    command: str,
    load_before: str,
) -> str:
    baseline_p95 = baseline.percentile(0.95)
    rows = []
    verdicts = []
    for phase in phases:
        p95 = phase.percentile(0.95)
        is_baseline = phase.path == BASELINE
        ratio = p95 / baseline_p95 if baseline_p95 > 0 else math.nan
        meets = ratio <= TARGET_RATIO and not phase.errors and not phase.stopped_by_time_limit
        verdict = "baseline" if is_baseline else ("meets" if meets else "**misses**")
        if not is_baseline:
            verdicts.append(meets)
        rows.append(
            f"| `{phase.path}` | {phase.requests} | {len(phase.errors)} | {milliseconds(phase.percentile(0.5))} "
            f"| {milliseconds(p95)} | {ratio:.2f} | {phase.requests / phase.wall_seconds:.0f} | {verdict} |"
        )
    errors = sorted({error for phase in phases for error in phase.errors})
    stopped = [phase.path for phase in phases if phase.stopped_by_time_limit]
    met = sum(verdicts)
    lines = [
        HEADING,
        "",
        'Target (DESIGN.md): "p95 latency no more than 3 times that of a trivial view in the same server, and no '
        'errors". The trivial view is `GET /health/`. Written by `bench/run_public_pages.py`; see bench/README.md.',
        "",
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Command: `{command}`",
        f"- Machine: {os.cpu_count()} CPU cores ({cpu_model()}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        f"- Load average (1, 5, 15 min) before the run: {load_before}; other work on the machine slows every "
        "address, the baseline's included",
        f"- Database: {database}",
        f"- Server: gunicorn, {workers} sync workers, DEBUG off, on {HOST}; the clients run on the same machine",
        f"- Load: {clients} concurrent clients, {requests} requests per address (after {WARM_UP_REQUESTS_PER_PATH} "
        f"warm-up requests each), a new connection per request",
        f"- Baseline: p95 of `{BASELINE}` over both of its runs (before and after the pages): "
        f"{milliseconds(baseline_p95)} ms",
        "",
        "| Address | Requests | Errors | p50 (ms) | p95 (ms) | p95 / p95(health) | Requests/s "
        "| Target (<= 3, no errors) |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
        *rows,
        "",
        f"**{met} of {len(verdicts)} pages meet the target.**",
    ]
    if errors:
        lines += ["", "Errors seen: " + "; ".join(errors[:10])]
    if stopped:
        lines += ["", "Stopped by the time limit before all requests were sent: " + ", ".join(stopped)]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=1000, help="requests per address (default 1000)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8113")))
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the Markdown results")
    args = parser.parse_args()

    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    sqlite_file = BENCH_VAR / "bench.sqlite3"
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{sqlite_file}"
    env = server_environment(database_url)
    if not (ROOT / "var" / "build" / "static" / "tutti" / "tutti.css").exists():
        print("The stylesheet is not built: run `npm run build:css` (or `make setup`) first.", file=sys.stderr)
        return 1
    prepare(env, fresh_sqlite=None if os.environ.get("DATABASE_URL") else sqlite_file)
    database = database_description(env)
    load_before = ", ".join(f"{load:.2f}" for load in os.getloadavg())

    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    server_command = [
        gunicorn,
        "tutti.wsgi:application",
        "--bind",
        f"{HOST}:{args.port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        "sync",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
    ]
    print("$", " ".join(server_command), flush=True)
    server = subprocess.Popen(server_command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603
    try:
        wait_until_serving(args.port, server)
        for path in [BASELINE, *PAGES]:
            for _ in range(WARM_UP_REQUESTS_PER_PATH):
                status, _size = get(args.port, path)
                if status != 200:
                    raise RuntimeError(f"{path} answered HTTP {status} while warming up")
        phases = []
        for path in [BASELINE, *PAGES, BASELINE]:
            phase = measure(args.port, path, requests=args.requests, clients=args.clients)
            phases.append(phase)
            print(
                f"{path:45} {phase.requests:6} requests {len(phase.errors):4} errors  "
                f"p50 {milliseconds(phase.percentile(0.5)):>8} ms  p95 {milliseconds(phase.percentile(0.95)):>8} ms",
                flush=True,
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    baseline = Phase(BASELINE)
    for phase in phases:
        if phase.path == BASELINE:
            baseline.latencies += phase.latencies
            baseline.errors += phase.errors
    command = "python bench/run_public_pages.py " + " ".join(
        f"--{name} {value}" for name, value in [("requests", args.requests), ("clients", args.clients)]
    )
    text = report(
        phases=phases,
        baseline=baseline,
        database=database,
        workers=args.workers,
        clients=args.clients,
        requests=args.requests,
        command=command + f" --workers {args.workers}",
        load_before=load_before,
    )
    write_section(args.results, HEADING, text)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

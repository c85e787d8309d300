#!/usr/bin/env python3
"""specforge benchmark suite: every scenario of bench/README.md, one results table (bench/results.md).

Called by bench/run.sh after it has built specforge once; Python 3 standard library only. Every figure is the
median of several runs (--quick: fewer and shorter runs), and every scenario compares two things measured in the
same run, reporting their ratio, because these machines are noisy. Whole processes are timed with
/usr/bin/time -v (wall, peak RSS); in-process figures come from JMH (bench/jmh) or from specforge's own report.

Everything it writes goes under bench/.work (scratch, emptied at start) and bench/.cache (downloads), and the
report to bench/results.md. Servers it starts listen on 127.0.0.1 only and are stopped at the end.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / ".work"
CACHE = BENCH / ".cache"
JAR = ROOT / "target" / "specforge.jar"
TEST_CP = f"{ROOT}/target/test-classes:{ROOT}/target/classes:{ROOT}/target/lib/*"
OCTOKIT = "@octokit/openapi@23.0.2"       # GitHub's REST API description, pinned so runs compare
OAG_VERSION = "7.25.0"                    # openapi-generator-cli from Maven Central
PETSTORE = ROOT / "src" / "test" / "resources" / "specs" / "petstore.yaml"


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def median(values):
    return statistics.median(values) if values else float("nan")


def fmt(value, digits=2):
    if value is None or (isinstance(value, float) and value != value):
        return "n/a"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


# --------------------------------------------------------------------------------------------------- processes

class Timed:
    """One whole process run under /usr/bin/time -v: exit code, wall seconds, peak RSS in MB, output."""

    def __init__(self, cmd, cwd=ROOT, timeout=900):
        tfile = WORK / "time.txt"
        started = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", str(tfile)] + [str(c) for c in cmd], cwd=cwd,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
        self.rc = p.returncode
        self.stdout = p.stdout
        self.stderr = p.stderr
        text = tfile.read_text()
        m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
        parts = [float(x) for x in m.group(1).split(":")] if m else []
        self.wall = sum(v * 60 ** i for i, v in enumerate(reversed(parts))) if parts else time.monotonic() - started
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        self.rss_mb = int(m.group(1)) / 1024 if m else float("nan")

    def check(self, what):
        if self.rc != 0:
            raise RuntimeError(f"{what} failed (exit {self.rc}):\n{self.stdout[-2000:]}\n{self.stderr[-4000:]}")
        return self


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(url, timeout=2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except OSError:
        return -1, b""


def props(d):
    return [f"-D{k}={v}" for k, v in d.items()]


def report_of(out_dir, spec):
    """The run report specforge wrote for spec (a Path) into out_dir."""
    base = spec.name.rsplit(".", 1)[0]
    path = out_dir / f"{base}.report.json"
    if not path.exists():
        raise RuntimeError(f"no report at {path}; failures: {list((out_dir / 'failed').glob('*'))}")
    return json.loads(path.read_text())


def cli_generate(spec, name, settings=None, jvm=(), stack=None):
    """specforge's one-shot CLI on one spec, with its own fresh cache folder unless settings name one.

    Returns (Timed, report)."""
    out = WORK / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    settings = {"specforge.cache.dir": out / "cache", **(settings or {})}
    cmd = ["java", *jvm, *props(settings), "-jar", JAR, "generate", spec, "-o", out]
    if stack:
        cmd += ["--stack", stack]
    run = Timed(cmd).check(f"specforge generate {spec.name}")
    return run, report_of(out, spec)


class Daemon:
    """specforge as a daemon (java -jar target/specforge.jar) on a free loopback port, with its folders under
    bench/.work/<name>."""

    def __init__(self, name, settings=None, jvm=()):
        self.dir = WORK / name
        shutil.rmtree(self.dir, ignore_errors=True)
        self.inbox = self.dir / "inbox"
        self.outbox = self.dir / "outbox"
        self.inbox.mkdir(parents=True)
        self.outbox.mkdir(parents=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        settings = {
            "camel.server.host": "127.0.0.1",
            "camel.server.port": self.port,
            "specforge.inbox.dir": self.inbox,
            "specforge.outbox.dir": self.outbox,
            "specforge.deadletter.dir": self.outbox / "failed",
            "specforge.work.dir": self.outbox / ".work",
            "specforge.cache.dir": self.dir / "cache",
            "specforge.progress.log-interval-ms": 0,
            **(settings or {}),
        }
        self.log = open(self.dir / "daemon.log", "w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(["java", *jvm, *props(settings), "-jar", str(JAR)], cwd=ROOT,
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def wait_healthy(self, timeout=60):
        """Seconds from process start to the first /observe/health answer 200 with status UP."""
        deadline = self.started + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"daemon exited with {self.proc.returncode}; see {self.dir / 'daemon.log'}")
            status, body = http_get(self.url + "/observe/health", timeout=1)
            if status == 200 and b"UP" in body:
                return time.monotonic() - self.started
            time.sleep(0.01)
        raise RuntimeError(f"daemon not healthy after {timeout} s; see {self.dir / 'daemon.log'}")

    def drop(self, name, content, timeout=600):
        """Writes a spec into the inbox as a hidden file and renames it into place (what a careful producer
        does), then waits for its zip. Returns (seconds from the rename to the zip, report)."""
        hidden = self.inbox / f".{name}.tmp"
        hidden.write_bytes(content)
        start = time.monotonic()
        os.replace(hidden, self.inbox / name)
        base = name.rsplit(".", 1)[0]
        zip_path = self.outbox / f"{base}.zip"
        report = self.outbox / f"{base}.report.json"
        while time.monotonic() - start < timeout:
            if zip_path.exists() and report.exists():
                return time.monotonic() - start, json.loads(report.read_text())
            if list((self.outbox / "failed").glob(f"{base}*.error.json")):
                raise RuntimeError(f"{name} was dead-lettered; see {self.outbox / 'failed'}")
            time.sleep(0.005)
        raise RuntimeError(f"no zip for {name} after {timeout} s")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class FakeLlm:
    """The tests' fake LLM server (OpenAI and Anthropic wire formats) as a process of its own."""

    def __init__(self, latency_ms, rpm=0):
        self.proc = subprocess.Popen(["java", "-Xmx1g", "-cp", TEST_CP, "dev.specforge.support.FakeLlmServer",
                                      "--latency-ms", str(latency_ms), "--rpm", str(rpm)],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().split()
        if not line or line[0] != "listening":
            raise RuntimeError(f"fake LLM server did not start: {line}")
        self.openai = line[1]
        self.base = line[2]

    def stats(self):
        status, body = http_get(self.base + "/stats")
        if status != 200:
            raise RuntimeError(f"fake LLM /stats answered {status}")
        return json.loads(body)

    def stop(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ------------------------------------------------------------------------------------------------ inputs

def synthetic_spec(path, entities, fields=6, described=True, refs=False, change=None, tag=None):
    """A native spec with `entities` entities of `fields` string/number fields each (camel-service makes 5 files
    per entity plus 7 per project). Without descriptions the LLM is asked for entity docs; with refs each entity
    refers to the next, so a context `depth` hops deep reaches the whole spec. `change` = (entity, field) gives
    that one field another maxLength: one entity changed. `tag` goes into the project description, which every
    file's template model holds: the same spec, but no cached file or result can answer it."""
    description = f", description: {tag}" if tag else ""
    lines = ["specforge: 1", f"project: {{name: {path.stem}, group: com.acme.bench, version: 0.1.0{description}}}",
             "stack: camel-service", "entities:"]
    kinds = ["{type: string, maxLength: %d}", "{type: integer, minimum: 0, maximum: %d}",
             "{type: string, format: email, maxLength: %d}", "{type: decimal, minimum: 0, maximum: %d}",
             "{type: string, minLength: 1, maxLength: %d}", "{type: date}"]
    for e in range(entities):
        lines.append(f"  - name: Item{e}")
        if described:
            lines.append(f"    description: Benchmark entity number {e}")
        lines.append("    fields:")
        lines.append("      - {name: id, type: long, required: true}")
        for f in range(fields):
            bound = 100 + e + f + (1000 if change == (e, f) else 0)
            spec = kinds[f % len(kinds)]
            lines.append(f"      - {{name: attr{f}, " + (spec % bound if "%d" in spec else spec)[1:])
        if refs and entities > 1:
            lines.append(f"      - {{name: next, type: ref, target: Item{(e + 1) % entities}}}")
    path.write_text("\n".join(lines) + "\n")
    return path


def octokit_spec():
    """GitHub's REST API description from the npm package, fetched once into bench/.cache."""
    target = CACHE / "api.github.com.json"
    if not target.exists():
        log(f"fetching {OCTOKIT} with npm pack")
        CACHE.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(["npm", "pack", OCTOKIT, "--pack-destination", str(CACHE), "--silent"],
                             cwd=CACHE, stdout=subprocess.PIPE, text=True, check=True).stdout.strip().splitlines()
        tgz = CACHE / out[-1]
        with tarfile.open(tgz) as t:
            member = t.extractfile("package/generated/api.github.com.json")
            target.write_bytes(member.read())
        tgz.unlink()
    return target


def oag_jar():
    """openapi-generator-cli's jar from Maven Central, through the local Maven repository."""
    subprocess.run(["mvn", "-B", "-q", "dependency:get", f"-Dartifact=org.openapitools:openapi-generator-cli:{OAG_VERSION}",
                    "-Dtransitive=false"], check=True, stdout=subprocess.DEVNULL)
    repo = os.environ.get("MAVEN_REPO", str(Path.home() / ".m2" / "repository"))
    jar = Path(repo) / "org/openapitools/openapi-generator-cli" / OAG_VERSION / f"openapi-generator-cli-{OAG_VERSION}.jar"
    if not jar.exists():
        raise RuntimeError(f"{jar} not found after dependency:get (set MAVEN_REPO to your local repository)")
    return jar


def jmh(benchmark, params, quick):
    """Runs one JMH benchmark class from bench/jmh; returns {param-tuple: (score, error)} in the benchmark's unit."""
    out = WORK / f"jmh-{benchmark}.json"
    cp = (BENCH / "jmh" / "target" / "cp.txt").read_text().strip()
    iters = ["-wi", "1", "-i", "2"] if quick else ["-wi", "2", "-i", "5"]
    cmd = ["java", "-cp", f"{BENCH}/jmh/target/classes:{cp}", "org.openjdk.jmh.Main", benchmark, "-f", "1",
           *iters, "-w", "1s", "-r", "1s", "-rf", "json", "-rff", str(out)]
    for k, v in params.items():
        cmd += ["-p", f"{k}={v}"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    results = {}
    for r in json.loads(out.read_text()):
        m = r["primaryMetric"]
        # JMH writes "NaN" (a string) as the error of a run too short to have one
        results[tuple(sorted(r.get("params", {}).items()))] = (float(m["score"]), float(m["scoreError"]))
    return results


# ------------------------------------------------------------------------------------------------ scenarios

class Results:
    def __init__(self):
        self.sections = []
        self.targets = []

    def section(self, title, intro, header, rows, notes=()):
        self.sections.append((title, intro, header, rows, list(notes)))

    def target(self, scenario, what, target, value, met):
        self.targets.append((scenario, what, target, value, "met" if met else "**missed**"))


def warm_drops(spec, drops):
    """Drops the spec into one daemon `drops` times; returns (drop -> zip seconds, generate seconds) of every
    drop after the first, which warms the JIT."""
    log("1. warm daemon: the same spec dropped into the inbox, JIT warmed by earlier drops")
    warm, warm_gen = [], []
    daemon = Daemon("daemon-big")
    try:
        daemon.wait_healthy()
        content = spec.read_bytes()
        for i in range(drops):
            # Another title gives another project description: a new spec for the result store and the file
            # cache, so each drop is generated in full (same schemas and paths as the one above).
            variant = content.replace(b'"title": "GitHub\'s official OpenAPI spec + Octokit extension"',
                                      f'"title": "GitHub REST API, bench drop {i}"'.encode(), 1)
            if variant == content:
                raise RuntimeError("the GitHub spec's title changed: update the bench's variant")
            seconds, report = daemon.drop(f"github-{i}.json", variant)
            sources = {f["source"] for f in report["files"]}
            if "cache" in sources:
                raise RuntimeError(f"drop {i} was served from a cache ({sources}); the warm figure would lie")
            log(f"1. drop {i}: {seconds:.2f} s drop->zip, generated in {report['durationMs']} ms")
            if i > 0:
                warm.append(seconds)
                warm_gen.append(report["durationMs"] / 1000)
    finally:
        daemon.stop()
    return warm, warm_gen


def scenario_big_spec(res, quick):
    rounds = 1 if quick else 3
    spec = octokit_spec()
    jar = oag_jar()
    size_mb = spec.stat().st_size / 1e6
    sf, oag, sf_files, oag_files, sf_gen = [], [], [], [], []
    for i in range(rounds):
        log(f"1. round {i + 1}/{rounds}: OpenAPI Generator spring")
        out = WORK / "oag"
        shutil.rmtree(out, ignore_errors=True)
        run = Timed(["java", "-jar", jar, "generate", "-g", "spring", "-i", spec, "-o", out,
                     "--skip-validate-spec"]).check("openapi-generator-cli")
        oag.append(run)
        oag_files.append(sum(1 for p in out.rglob("*") if p.is_file()))
        log(f"1. round {i + 1}/{rounds}: specforge generate (one-shot CLI, cold caches)")
        run, report = cli_generate(spec, "sf-big")
        sf.append(run)
        sf_files.append(report["counts"]["files"])
        sf_gen.append(report["durationMs"] / 1000)
    # --quick leaves out the -Xmx512m run, the warm daemon (four 13 MB drops take a minute) and the parse alone
    small = small_report = None
    warm, warm_gen = [], []
    score = err = float("nan")
    if not quick:
        log("1. specforge generate with -Xmx512m (one run: what the default heap costs in RSS)")
        small, small_report = cli_generate(spec, "sf-big-512m", jvm=["-Xmx512m"])
        warm, warm_gen = warm_drops(spec, drops=4)
        log("1. parse alone (JMH)")
        (score, err), = jmh("SpecParseBenchmark", {"spec": spec}, quick).values()
    sf_wall, oag_wall = median([r.wall for r in sf]), median([r.wall for r in oag])
    sf_rss, oag_rss = median([r.rss_mb for r in sf]), median([r.rss_mb for r in oag])
    oag_per_file = 1000 * oag_wall / median(oag_files)
    sf_per_file = 1000 * sf_wall / median(sf_files)
    rows = [
        ["OpenAPI Generator 7.25.0 `-g spring`", fmt(oag_wall), fmt(oag_rss, 0), fmt(int(median(oag_files))),
         fmt(oag_per_file), "-"],
        ["specforge `generate` (one-shot CLI)", fmt(sf_wall), fmt(sf_rss, 0), fmt(int(median(sf_files))),
         fmt(sf_per_file), fmt(median(sf_gen))],
        ["ratio OAG / specforge", fmt(oag_wall / sf_wall), fmt(oag_rss / sf_rss), "", fmt(oag_per_file / sf_per_file),
         ""],

        ["specforge warm daemon, drop -> zip", fmt(median(warm)), "", fmt(int(median(sf_files))),
         fmt(1000 * median(warm) / median(sf_files)), fmt(median(warm_gen))],
        ["parse alone to the project model (JMH single shot)", f"{fmt(score / 1000)} ± {fmt(err / 1000)}", "", "",
         "", ""],
    ]
    if small:
        rows.insert(3, ["specforge `generate` under `-Xmx512m` (1 run)", fmt(small.wall), fmt(small.rss_mb, 0),
                        fmt(small_report["counts"]["files"]), fmt(1000 * small.wall / small_report["counts"]["files"]),
                        fmt(small_report["durationMs"] / 1000)])
    res.section("1. Big real spec vs OpenAPI Generator",
                f"GitHub's REST API description ({OCTOKIT}, {size_mb:.1f} MB). {rounds} interleaved round(s); "
                "each specforge run starts with empty caches. Wall and peak RSS by /usr/bin/time -v, JVM start "
                "included; 'generate s' is specforge's own report (spec received to zip written).",
                ["run", "wall s", "peak RSS MB", "files written", "wall ms per file", "generate s"], rows,
                ["OAG runs with `--skip-validate-spec`: its validator accepts this spec (checked once by hand), so "
                 "skipping it only saves OAG time, and the comparison favours OAG.",
                 "The warm daemon figure is the median of drops after the first, each with another `info.title` so "
                 "that neither the result store nor the file cache can answer it (checked: no file's source is "
                 "`cache`). Drop -> zip includes the inbox's read lock (`readLockMinAge=1000`: a file must be a "
                 "second old) and poll delay (500 ms)."])
    res.target(1, "one-shot CLI vs OAG spring, wall", ">= 5x faster", f"{oag_wall / sf_wall:.2f}x",
               oag_wall / sf_wall >= 5)
    res.target(1, "peak RSS vs OAG, default heaps", "<= 1/3 of OAG's", f"{sf_rss / oag_rss:.2f} of OAG's",
               sf_rss <= oag_rss / 3)
    if small:
        res.target(1, "peak RSS vs OAG, specforge under -Xmx512m", "<= 1/3 of OAG's",
                   f"{small.rss_mb / oag_rss:.2f} of OAG's", small.rss_mb <= oag_rss / 3)
    if warm:
        res.target(1, "warm daemon, drop -> zip", "<= 1.5 s",
                   f"{median(warm):.2f} s (generation {median(warm_gen):.2f} s)", median(warm) <= 1.5)


def scenario_parallel(res, quick):
    entities = 120 if quick else 600
    drops = 2 if quick else 4
    daemons = {"1": Daemon("par-1", {"specforge.render.threads": 1}), "default": Daemon("par-default")}
    times = {k: [] for k in daemons}
    files, threads = 0, "?"
    try:
        for d in daemons.values():
            d.wait_healthy()
        for i in range(drops + 1):
            for label, d in daemons.items():
                # one JVM per setting, warmed by the first drop; a new tag each time, so each drop is rendered
                spec = synthetic_spec(WORK / f"render-heavy-{label}.yaml", entities, fields=12, tag=f"drop {i}")
                seconds, report = d.drop(f"render-heavy-{i}.yaml", spec.read_bytes())
                log(f"2. render threads {label}, drop {i}: generated in {report['durationMs']} ms")
                if "cache" in {f["source"] for f in report["files"]}:
                    raise RuntimeError("a file came from the file cache; the speed-up would lie")
                if i > 0:
                    times[label].append(report["durationMs"] / 1000)
                files = report["counts"]["files"]
                if label == "default":
                    threads = report["renderThreads"]
    finally:
        for d in daemons.values():
            d.stop()
    speedup = median(times["1"]) / median(times["default"])
    res.section("2. Parallel speed-up",
                f"A synthetic native spec of {files:,} camel-service files (render and Java validation heavy), "
                f"dropped into two warm daemons side by side, one per setting; {drops} interleaved drops each after "
                "one warm-up drop, each with a new project description so no cache answers it.",
                ["render threads", "generate s (report)"],
                [["1", fmt(median(times["1"]))], [f"default ({threads})", fmt(median(times["default"]))],
                 ["speed-up", fmt(speedup)]])
    res.target(2, "render threads 1 vs default, generate time", ">= 1.8x on 2 cores", f"{speedup:.2f}x",
               speedup >= 1.8)


def scenario_zip(res, quick):
    rounds = 1 if quick else 3
    rows, gen = [], {}
    for label, entities in (("1k", 199), ("10k", 1999)):
        spec = synthetic_spec(WORK / f"files-{label}.yaml", entities, fields=3)
        times, walls, rss, files = [], [], [], 0
        for i in range(rounds):
            log(f"3. {label} files, round {i + 1}/{rounds}, -Xmx256m")
            run, report = cli_generate(spec, f"zip-{label}", jvm=["-Xmx256m"])
            times.append(report["durationMs"] / 1000)
            walls.append(run.wall)
            rss.append(run.rss_mb)
            files = report["counts"]["files"]
        gen[label] = median(times)
        rows.append([f"{files:,} files, -Xmx256m", fmt(median(times)), fmt(median(walls)), fmt(median(rss), 0)])
    rows.append(["ratio 10k / 1k (generate)", fmt(gen["10k"] / gen["1k"]), "", ""])
    if not quick:                          # --quick leaves out the JMH run
        log("3. zip assembly alone (JMH)")
        z = {dict(k)["files"]: v for k, v in jmh("ZipAssemblyBenchmark", {}, quick).items()}
        for n in ("1000", "10000"):
            rows.append([f"zip assembly alone, {int(n):,} files (JMH, ms)", f"{fmt(z[n][0])} ± {fmt(z[n][1])}", "",
                         ""])
        rows.append(["ratio 10k / 1k (zip assembly alone)", fmt(z["10000"][0] / z["1000"][0]), "", ""])
    res.section("3. Zip scaling and memory",
                "Synthetic native specs of 199 and 1,999 entities (5 files each plus 7), one-shot CLI under "
                "`-Xmx256m`, empty caches; and the ZipAssembler alone in JMH on 1,000 and 10,000 files of about "
                "1.5 KB.",
                ["run", "generate s (report)", "wall s", "peak RSS MB"], rows)
    res.target(3, "10k files vs 1k files, generate time", "<= 10x", f"{gen['10k'] / gen['1k']:.2f}x",
               gen["10k"] / gen["1k"] <= 10)
    res.target(3, "10k files under -Xmx256m", "passes", "passed", True)


def rpm_bound(calls, rpm, latency_s):
    """Lower bound on wall time under a token bucket of capacity rpm refilled at rpm per minute, in s."""
    return max(0, calls - rpm) * 60 / rpm + latency_s


def scenario_llm(res, quick):
    latency = 300
    rpm = 60
    entities = 30 if quick else 150
    concurrency = 16 if quick else 4        # --quick: more calls in flight, so the naive run ends sooner
    spec = synthetic_spec(WORK / "llm-bound.yaml", entities, fields=6, described=False, refs=True)
    changed = WORK / "changed" / "llm-bound.yaml"
    changed.parent.mkdir(parents=True, exist_ok=True)
    synthetic_spec(changed, entities, fields=6, described=False, refs=True, change=(entities // 2, 0))
    rows = []

    def run(label, fake, spec_path, out_name, settings, server_rpm):
        before = fake.stats()
        llm = {"specforge.llm.provider": "openai", "specforge.llm.base-url": fake.openai,
               "specforge.llm.api-key": "bench-not-a-key", "specforge.llm.max-concurrency": concurrency, **settings}
        timed, report = cli_generate(spec_path, out_name, llm)
        after = fake.stats()
        l = report["llm"]
        seen429 = after["rateLimited"] - before["rateLimited"]
        wall = l["durationMs"] / 1000
        bound = rpm_bound(l["requests"], server_rpm, latency / 1000) if server_rpm else latency / 1000
        in_flight = -(-l["requests"] // concurrency) * latency / 1000
        share = 100 * l["cachedInputTokens"] / l["inputTokens"] if l["inputTokens"] else 0
        rows.append([label, fmt(l["items"]), fmt(l["requests"]), fmt(l["inputTokens"]), fmt(l["outputTokens"]),
                     fmt(l["cachedInputTokens"]), f"{share:.1f}%", f"{l['costUsd']:.4f}", fmt(wall), str(server_rpm or "none"),
                     fmt(bound), fmt(wall / bound), fmt(in_flight), str(seen429)])
        log(f"4. {label}: {l['requests']} calls, {wall:.1f} s enrichment, {seen429} x 429")
        return l, wall, bound, seen429

    log(f"4. naive: batch size 1, whole-spec context, empty caches ({entities} entities)")
    fake = FakeLlm(latency)
    try:
        naive, _, _, _ = run("naive", fake, spec, "llm-naive",
                             {"specforge.llm.batch-size": 1, "specforge.llm.context-depth": entities,
                              "specforge.llm.requests-per-minute": 100000}, 0)
    finally:
        fake.stop()
    fake = FakeLlm(latency, rpm)
    cache = WORK / "llm-optimised-cache"
    shutil.rmtree(cache, ignore_errors=True)
    try:
        log("4. optimised: defaults (batch 20, context depth 1), limiter at the server's rpm")
        opt, opt_wall, opt_bound, opt429 = run("optimised", fake, spec, "llm-opt",
                                               {"specforge.cache.dir": cache,
                                                "specforge.llm.requests-per-minute": rpm}, rpm)
        log("4. optimised again after one entity changed (same caches)")
        again, _, _, again429 = run("one entity changed", fake, changed, "llm-changed",
                                    {"specforge.cache.dir": cache, "specforge.llm.requests-per-minute": rpm}, rpm)
    finally:
        fake.stop()
    naive_bound_at_rpm = rpm_bound(naive["requests"], rpm, latency / 1000)
    res.section("4. LLM-bound run",
                f"The tests' fake LLM server as a process (OpenAI wire format, {latency} ms latency per call), a "
                f"synthetic spec of {entities} undescribed entities with 6 fields and a reference each. "
                "'wall s' is the enrichment stage from specforge's report; the rpm bound is "
                f"max(0, calls - rpm) x 60 / rpm + latency; the concurrency bound is ceil(calls / {concurrency}) x "
                f"latency ({concurrency} calls in flight, `specforge.llm.max-concurrency`), the least time when the "
                "rate limit does not bind. Cost at specforge's default price list (gpt-4o-mini). The fake server caches "
                "as OpenAI documents: the longest prefix of schema, system and user text seen before, from 1,024 "
                "tokens on, in 128-token steps; the answer schema comes first, so only calls with the same schema "
                "share a cached prefix. The synthetic entities all have the same shape, so their sample-data "
                "schemas repeat too; a real spec's per-entity schemas would not.",
                ["run", "items", "calls", "input tokens", "output tokens", "cached tokens", "cached share", "cost USD", "wall s",
                 "server rpm", "rpm bound s", "wall / bound", "concurrency bound s", "429s"], rows,
                [f"The naive run has no server limit: at {rpm} rpm its {naive['requests']:,} calls would take at "
                 f"least {naive_bound_at_rpm / 60:.0f} min. It runs at max-concurrency {concurrency} like the "
                 f"others, so its wall is bound by latency x calls / {concurrency} instead.",
                 "The changed run changes one bound of one field of one entity: its field item and the samples of "
                 "the entity and of the entity that refers to it are asked again (descriptions do not read bounds); "
                 "everything else comes from the answer cache."])
    res.target(4, "optimised calls vs naive", "<= 10%", f"{100 * opt['requests'] / naive['requests']:.1f}%",
               opt["requests"] <= 0.10 * naive["requests"])
    res.target(4, "optimised wall vs rpm bound", "<= 1.1x", f"{opt_wall / opt_bound:.2f}x", opt_wall <= 1.1 * opt_bound)
    res.target(4, "429s seen", "0", str(opt429 + again429), opt429 + again429 == 0)
    opt_share = opt["cachedInputTokens"] / opt["inputTokens"] if opt["inputTokens"] else 0
    res.target(4, "optimised input tokens read from the prompt cache", ">= 50%", f"{100 * opt_share:.1f}%",
               opt_share >= 0.5)
    res.target(4, "changed-entity run's calls vs first run's", "<= 5%",
               f"{100 * again['requests'] / opt['requests']:.1f}%", again["requests"] <= 0.05 * opt["requests"])


def wrk(url, lua, connections, seconds):
    threads = min(2, connections)
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(lua),
                          url], stdout=subprocess.PIPE, text=True, check=True).stdout

    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {"p50": ms("50%"), "p99": ms("99%"), "rps": rps, "non2xx": int(bad.group(1)) if bad else 0,
            "errors": errors.group(1) if errors else ""}


def scenario_http(res, quick):
    seconds = 2 if quick else 15
    body = PETSTORE.read_text()
    scripts = {}
    for mode in ("identical", "distinct"):
        lua = WORK / f"wrk-{mode}.lua"
        vary = ('request = function()\n  n = n + 1\n'
                '  return wrk.format(nil, nil, nil, body .. "\\n# request " .. id .. "-" .. n .. "\\n")\nend\n'
                if mode == "distinct" else "")
        lua.write_text(
            "local threads = 0\n"
            "function setup(thread)\n  threads = threads + 1\n  thread:set('id', threads)\nend\n"
            f"body = {json.dumps(body)}\nn = 0\n"
            "wrk.method = 'POST'\nwrk.body = body\nwrk.headers['Content-Type'] = 'application/yaml'\n" + vary)
        scripts[mode] = lua
    daemon = Daemon("daemon-http", {"specforge.jobs.max-queued": 16})
    rows = []
    results = {}
    try:
        daemon.wait_healthy()
        url = daemon.url + "/api/generate"
        log("5. warming up the daemon")
        wrk(url, scripts["distinct"], 2, 3 if quick else 10)
        for mode in ("identical", "distinct"):
            for c in (1, 8):
                log(f"5. {mode} specs, {c} concurrent client(s), {seconds} s")
                r = wrk(url, scripts[mode], c, seconds)
                results[(mode, c)] = r
                rows.append([mode, str(c), fmt(r["p50"]), fmt(r["p99"]), fmt(r["rps"], 1), str(r["non2xx"]),
                             r["errors"] or "0"])
    finally:
        daemon.stop()
    res.section("5. HTTP throughput",
                f"`POST /api/generate` with the petstore spec ({PETSTORE.stat().st_size:,} bytes) -> zip, from wrk "
                f"(a separate process, {seconds} s per row, after a warm-up). 'identical': the same bytes each "
                "time, answered from the result store (Idempotent Consumer). 'distinct': each request adds a "
                "comment line, so it is parsed, planned and assembled again (rendered files come from the file "
                "cache).",
                ["spec", "clients", "p50 ms", "p99 ms", "requests/s", "non-2xx", "socket errors"], rows)
    for mode in ("identical", "distinct"):
        p50 = results[(mode, 1)]["p50"]
        rps = results[(mode, 8)]["rps"]
        res.target(5, f"warm p50, {mode} specs", "<= 10 ms", f"{p50:.2f} ms", p50 <= 10)
        res.target(5, f"requests/s at 8 concurrent, {mode} specs", ">= 200", f"{rps:.0f}", rps >= 200)


def scenario_startup(res, quick):
    archive = ROOT / "target" / "specforge.jsa"
    if not archive.exists():
        raise RuntimeError(f"{archive} is missing: mvn package writes it (unless -Dspecforge.appcds.skip=true)")
    variants = {"no archive": [], "AppCDS archive (the README's start command)": [f"-XX:SharedArchiveFile={archive}"]}
    times = {k: [] for k in variants}
    for i in range(2 if quick else 5):
        for label, jvm in variants.items():
            daemon = Daemon("daemon-start", jvm=jvm)
            try:
                times[label].append(daemon.wait_healthy())
            finally:
                daemon.stop()
            log(f"6. start {i + 1}, {label}: {times[label][-1]:.2f} s to health UP")
    rows = [[label, str(len(t)), fmt(median(t)), fmt(min(t)), fmt(max(t))] for label, t in times.items()]
    plain, cds = times.values()
    rows.append(["ratio no archive / archive", "", fmt(median(plain) / median(cds)), "", ""])
    res.section("6. Startup", "JVM start (process spawned) to the first `GET /observe/health` answering 200 UP, "
                "polled every 10 ms; the daemon with default settings and empty folders, without and with the "
                "AppCDS archive that `mvn package` writes (`target/specforge.jsa`, README: Performance), "
                "interleaved.",
                ["JVM", "starts", "median s", "min s", "max s"], rows)
    for label, t in times.items():
        res.target(6, f"JVM start to health UP, {label}", "<= 2.0 s", f"{median(t):.2f} s", median(t) <= 2.0)


SCENARIOS = {"1": scenario_big_spec, "2": scenario_parallel, "3": scenario_zip, "4": scenario_llm,
             "5": scenario_http, "6": scenario_startup}


# ------------------------------------------------------------------------------------------------ report

def machine():
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    java = subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    return (f"{os.cpu_count()} cores ({cpu}), {int(mem) / 1024 / 1024:.1f} GiB memory, "
            f"{' / '.join(l.strip() for l in java[:2])}, {platform.system()} {platform.release()}")


def write_report(res, quick, started, failures):
    lines = ["# specforge benchmark results", "",
             f"Generated by `bench/run.sh{' --quick' if quick else ''}` on "
             f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} (UTC{time.strftime('%z')}), "
             f"in {(time.monotonic() - started) / 60:.1f} min. Commit `{git_head()}`.", "",
             f"Machine: {machine()}.", "",
             "Each figure is the median of the runs named in its section. How each scenario is run, and why: "
             "[bench/README.md](README.md).", ""]
    if quick:
        lines += ["**A --quick run**: one round each, smaller inputs (scenario 4 has fewer calls than the rpm limit, "
                  "so its bound is one call's latency), no warm daemon, no -Xmx512m run and no JMH. It is a quick "
                  "look; judge the targets on a full run.", ""]
    lines += ["## Targets", "",
             "| scenario | figure | target | measured | |", "|---|---|---|---|---|"]
    for t in res.targets:
        lines.append("| " + " | ".join(str(x) for x in t) + " |")
    for f in failures:
        lines.append(f"| {f[0]} | scenario failed: {f[1]} | | | **failed** |")
    for title, intro, header, rows, notes in res.sections:
        lines += ["", f"## {title}", "", intro, "", "| " + " | ".join(header) + " |",
                  "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        if notes:
            lines.append("")
            lines += [f"- {n}" for n in notes]
    figures = BENCH / "figures.md"
    if figures.exists():
        lines += ["", figures.read_text().rstrip()]
    tried = BENCH / "tried.md"
    if tried.exists():
        lines += ["", tried.read_text().rstrip()]
    (BENCH / "results.md").write_text("\n".join(lines) + "\n")


def git_head():
    r = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           stdout=subprocess.PIPE, text=True).stdout.strip()
    return r.stdout.strip() + (" + uncommitted changes" if dirty else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer, shorter runs (under 3 minutes)")
    ap.add_argument("--only", default="1,2,3,4,5,6", help="comma-separated scenario numbers (default: all)")
    args = ap.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    started = time.monotonic()
    res, failures = Results(), []
    for number in args.only.split(","):
        number = number.strip()
        try:
            SCENARIOS[number](res, args.quick)
        except Exception as e:            # one failed scenario is reported; the others still run
            log(f"scenario {number} failed: {e}")
            failures.append((number, str(e).splitlines()[0][:200]))
    write_report(res, args.quick, started, failures)
    log(f"wrote {BENCH / 'results.md'} in {(time.monotonic() - started) / 60:.1f} min")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

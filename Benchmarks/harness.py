"""Whole-process benchmark harness: alternating runs, median wall time and peak memory per command.

Each run is a fresh process started with subprocess; os.wait4 gives that process's own rusage, so the
peak resident set size (ru_maxrss, KiB on Linux) is the process's, not the harness's.
"""
import os
import statistics
import subprocess
import threading
import time


def run_once(argv, env=None, stdin_data=None):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if stdin_data is not None:
        proc.stdin.write(stdin_data)
    proc.stdin.close()
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss, out


def peak_anonymous(argv, env=None, stdin_data=None, interval=0.0005):
    """Runs once and returns the largest RssAnon (KiB) seen in /proc/PID/status, sampled every `interval` s.

    RssAnon counts the pages the process itself owns (heap, stacks, written data), not code mapped from files;
    the kernel keeps no high-water mark for it, so it is sampled (in runs that are not timed).
    """
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak = [0]

    def sample():
        path = f"/proc/{proc.pid}/status"
        while proc.poll() is None:
            try:
                with open(path) as status:
                    for line in status:
                        if line.startswith("RssAnon:"):
                            peak[0] = max(peak[0], int(line.split()[1]))
            except OSError:
                break
            time.sleep(interval)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = proc.communicate(stdin_data)
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    return peak[0]


def compare(candidates, runs=7, warmup=1):
    """candidates: dict name -> (argv, env, stdin). Alternates runs; returns name -> (median wall s, median KiB)."""
    results = {name: ([], []) for name in candidates}
    for _ in range(warmup):
        for argv, env, stdin in candidates.values():
            run_once(argv, env, stdin)
    for _ in range(runs):
        for name, (argv, env, stdin) in candidates.items():
            wall, rss, _ = run_once(argv, env, stdin)
            results[name][0].append(wall)
            results[name][1].append(rss)
    return {name: (statistics.median(walls), statistics.median(rss)) for name, (walls, rss) in results.items()}

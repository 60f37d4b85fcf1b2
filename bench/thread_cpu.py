#!/usr/bin/env python3
"""Runs a command and reports its CPU (user+sys of the process tree, from wait4), wall, and the CPU
of each thread of the (last exec'd) process by thread name, sampled from /proc/PID/task/*/stat every
50 ms (the last 50 ms of a thread can be missed). The JVM's main thread is the busiest thread named
"java"; its CPU is the wall-time proxy on a loaded machine (session 8, issue 20).
Usage: bench/thread_cpu.py CMD ARGS...   (prints one line: wall cpu main_cpu rss_mb load1 threads)"""
import os
import sys
import time

tick = os.sysconf("SC_CLK_TCK")


def sample(pid, seen):
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return
    for t in tids:
        try:
            with open(f"/proc/{pid}/task/{t}/stat") as f:
                s = f.read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        rest = s[s.rindex(")") + 2:].split()
        cpu = (int(rest[11]) + int(rest[12])) / tick
        seen[t] = (name, cpu)


def main():
    load = open("/proc/loadavg").read().split()[0]
    t0 = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.execvp(sys.argv[1], sys.argv[1:])
    seen = {}
    while True:
        r = os.wait4(pid, os.WNOHANG)
        if r[0] == pid:
            _, status, ru = r
            break
        sample(pid, seen)
        time.sleep(0.05)
    wall = time.monotonic() - t0
    cpu = ru.ru_utime + ru.ru_stime
    by_name = {}
    for name, c in seen.values():
        by_name.setdefault(name, []).append(c)
    main_cpu = max(by_name.get("java", [0.0]))
    threads = ",".join(f"{n}={sum(v):.2f}" for n, v in sorted(by_name.items(), key=lambda kv: -sum(kv[1])) if sum(v) >= 0.05)
    print(f"{wall:.2f} {cpu:.2f} {main_cpu:.2f} {ru.ru_maxrss / 1024:.0f} {load} {threads}")
    sys.exit(os.waitstatus_to_exitcode(status))


main()

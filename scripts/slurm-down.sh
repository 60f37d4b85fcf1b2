#!/usr/bin/env bash
# Stops the single-node Slurm cluster started by scripts/slurm-up.sh: slurmd, slurmctld and munged,
# each by the pid in its pid file (nothing else is killed). Safe to run when nothing is up.
set -euo pipefail
run_dir="${SLURM_RUN_DIR:-/run/oncoconcord-slurm}"
for d in slurmd slurmctld munged; do
  f="$run_dir/$d.pid"
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    echo "slurm-down: stopped $d (pid $pid)" >&2
  fi
  rm -f "$f"
done

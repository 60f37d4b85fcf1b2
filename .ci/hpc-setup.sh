#!/usr/bin/env bash
# CI set-up for the container and HPC integration tests (src/test/java/org/oncoconcord/hpc):
# podman with the settings this host needs, a local base image and the oncoconcord image
# (containers/build-local.sh), and a one-node Slurm cluster (scripts/slurm-up.sh). Idempotent;
# on a fresh machine about 3-6 minutes (apt installs and debootstrap), then seconds.
# The cluster keeps running for the tests; stop it with scripts/slurm-down.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
start=$(date +%s)
if [ "$(id -u)" != 0 ]; then
  echo "hpc-setup: not root: skipping podman and Slurm set-up (their tests will be skipped)" >&2
  exit 0
fi
"$root/scripts/slurm-up.sh"
"$root/containers/build-local.sh" all
echo "hpc-setup: ready in $(( $(date +%s) - start )) s" >&2

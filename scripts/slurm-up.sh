#!/usr/bin/env bash
# Brings up a single-node Slurm cluster on this machine (Debian slurm-wlm + munge, as root,
# without systemd): installs the packages if missing, writes /etc/slurm/slurm.conf for one node
# from `slurmd -C`, creates the munge key and starts munged, slurmctld and slurmd with pid files
# in $SLURM_RUN_DIR (default /run/oncoconcord-slurm). scripts/slurm-down.sh stops them by pid.
# Idempotent: daemons already running (live pid file) are left alone.
# Partition: `local` (the default), node `localhost`. Finished jobs stay visible to
# `scontrol show job` for an hour (MinJobAge), so tests can check what each job got.
set -euo pipefail
run_dir="${SLURM_RUN_DIR:-/run/oncoconcord-slurm}"
conf=/etc/slurm/slurm.conf
log() { echo "slurm-up: $*" >&2; }

[ "$(id -u)" = 0 ] || { log "must run as root (it starts the Slurm and munge daemons)"; exit 1; }

missing=()
for p in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null || true
  # the packages' postinst scripts try to start services: there is no systemd, that is fine
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
mkdir -p "$run_dir" /var/lib/slurm/slurmctld /var/lib/slurm/slurmd /var/log/slurm /etc/slurm /run/munge
chown munge:munge /run/munge

# munge
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile /etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
fi
chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
if ! alive "$run_dir/munged.pid"; then
  runuser -u munge -- /usr/sbin/munged --force
  for _ in $(seq 50); do [ -f /run/munge/munged.pid ] && break; sleep 0.1; done
  cp /run/munge/munged.pid "$run_dir/munged.pid"
  log "munged started (pid $(cat "$run_dir/munged.pid"))"
fi

# slurm.conf for this one node: its cpus/sockets/cores/threads from slurmd -C, memory less 1 GB
node="$(/usr/sbin/slurmd -C | head -n1)"
field() { echo "$node" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
real_mem=$(( $(field RealMemory) - 1024 ))
[ "$real_mem" -gt 512 ] || real_mem=$(field RealMemory)
cat > "$conf.tmp" <<CONF
# written by scripts/slurm-up.sh: a single-node cluster for the oncoconcord tests
ClusterName=local
SlurmctldHost=localhost
AuthType=auth/munge
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
ReturnToService=2
MinJobAge=3600
SchedulerType=sched/backfill
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmdSpoolDir=/var/lib/slurm/slurmd
SlurmctldPidFile=$run_dir/slurmctld.pid
SlurmdPidFile=$run_dir/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(field CPUs) Boards=$(field Boards) SocketsPerBoard=$(field SocketsPerBoard) CoresPerSocket=$(field CoresPerSocket) ThreadsPerCore=$(field ThreadsPerCore) RealMemory=$real_mem State=UNKNOWN
PartitionName=local Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
if ! cmp -s "$conf.tmp" "$conf"; then
  mv "$conf.tmp" "$conf"
  log "wrote $conf ($(field CPUs) cpus, $real_mem MB)"
  # a running cluster must reread it
  if alive "$run_dir/slurmctld.pid"; then /usr/bin/scontrol reconfigure || true; fi
else
  rm -f "$conf.tmp"
fi

if ! alive "$run_dir/slurmctld.pid"; then
  /usr/sbin/slurmctld
  log "slurmctld started"
fi
if ! alive "$run_dir/slurmd.pid"; then
  /usr/sbin/slurmd -N localhost
  log "slurmd started"
fi

# wait until the node takes jobs
for _ in $(seq 60); do
  state="$(sinfo -h -n localhost -o '%t' 2>/dev/null || true)"
  case "$state" in idle*|mix*|alloc*) break ;; esac
  sleep 0.5
done
case "$state" in
  idle*|mix*|alloc*) log "up: $(sinfo -h -o '%P %D %t %c cpus %m MB' | head -n1)" ;;
  *) log "node state '$state' after 30 s; see /var/log/slurm/"; exit 1 ;;
esac

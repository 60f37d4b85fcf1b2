#!/usr/bin/env python3
"""Per-thread CPU of one `oncoconcord normalize` run of bench/normalize_annotate.sh's input.

Usage: bench/thread_cpu.py WORKDIR MODE  (MODE: plain, annotate = --annotate in two threads,
inline = --annotate in one thread). Samples /proc/PID/task/*/stat every 0.1 s and prints the CPU
seconds (user+sys) by thread kind: main (the normalizing thread), annotate (the annotating and
writing thread), C2/C1 (JIT compilers), GC, other; with the wall time and the load average.
"""
import collections, glob, os, subprocess, sys, time

work, mode = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
extra = ['--annotate', '--gtf', work + '/genes.gtf'] if mode != 'plain' else []
env = dict(os.environ)
opts = env.get('ONCOCONCORD_JAVA_OPTS', '-Xmx2g -XX:+UseSerialGC')
if mode == 'inline':
    opts += ' -Doncoconcord.annotate.inline=true'
env['ONCOCONCORD_JAVA_OPTS'] = opts
load0 = open('/proc/loadavg').read().split()[0]
t0 = time.time()
p = subprocess.Popen([root + '/bin/oncoconcord', 'normalize', '--quiet', '--no-standardize', '-f', work + '/ref.fa',
                      '-m', '-any', '-c', 'e', *extra, '-o', work + '/thr.' + mode + '.vcf',
                      work + '/mutect2.1000000.vcf.gz'], env=env)
tick = os.sysconf('SC_CLK_TCK')
last = {}


def java_dirs():
    out = []
    for d in glob.glob('/proc/[0-9]*'):
        try:
            if d == '/proc/%d' % p.pid or open(d + '/stat').read().split()[3] == str(p.pid):
                if 'java' in open(d + '/comm').read():
                    out.append(d)
        except OSError:
            pass
    return out


while p.poll() is None:
    for d in java_dirs():
        for t in glob.glob(d + '/task/*'):
            try:
                s = open(t + '/stat').read()
                name = s[s.index('(') + 1:s.rindex(')')]
                f = s[s.rindex(')') + 2:].split()
                last[t] = (name, (int(f[11]) + int(f[12])) / tick)
            except (OSError, ValueError):
                pass
    time.sleep(0.1)
wall = time.time() - t0
agg = collections.Counter()
for name, c in last.values():
    k = ('C2' if name.startswith('C2 Compiler') else 'C1' if name.startswith('C1 Compiler') else 'main' if name == 'java'
         else 'annotate' if name.startswith('normalize-annot') else 'GC' if 'GC' in name or 'VM Thread' in name else 'other')
    agg[k] += c
print(mode, 'rc', p.returncode, 'wall %.2f' % wall, ' '.join(f'{k} {v:.2f}' for k, v in sorted(agg.items())),
      'total %.2f' % sum(agg.values()), 'load %s-%s' % (load0, open('/proc/loadavg').read().split()[0]))

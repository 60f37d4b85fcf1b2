# MultiQC image of the pipeline's MULTIQC step: Debian's multiqc on the same base as the
# oncoconcord image (BASE_IMAGE: a public Debian, or the locally made one of make-base-image.sh).
#   podman build -f containers/multiqc.Dockerfile -t localhost/oncoconcord-multiqc:0.1.0 .
ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim
FROM ${BASE_IMAGE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="oncoconcord-multiqc" \
      org.opencontainers.image.description="MultiQC (Debian package) for the oncoconcord pipeline's MULTIQC step" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="GPL-3.0-or-later" \
      org.oncoconcord.build="multiqc"
# bash and ps for Nextflow's task wrapper; multiqc from Debian (1.14 in bookworm).
# Debian's python3-scipy depends on python3-pythran, which pulls a C++ toolchain, Boost and BLAS
# headers (about 600 MB) that only matter when compiling Python extensions; SciPy and SymPy (200 MB)
# are never imported by MultiQC 1.14. They are purged with --force-depends after the install
# (nothing in the image is ever compiled, and no apt runs later), with the Python packages' own test
# suites, and MultiQC is then run on a small custom-content table to prove the image still works
# (1.46 GB before, 0.88 GB without the toolchain).
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends bash procps multiqc \
 && dpkg-query -W -f='${Package}\n' \
      | grep -E '^(g\+\+|gcc|cpp)(-[0-9]+)?$|^lib(boost.*-dev|openblas.*-dev|python3.*-dev|stdc\+\+-[0-9]+-dev|gcc-[0-9]+-dev|c6-dev|asan[0-9]+|tsan[0-9]+|lsan[0-9]+|ubsan[0-9]+|hwasan[0-9]+|itm[0-9]+|cc1-[0-9]+|isl[0-9]+|mpc[0-9]+|mpfr[0-9]+|xsimd-dev|blas-dev|lapack-dev|expat1-dev|crypt-dev|nsl-dev|tirpc-dev|ctf.*|gprofng[0-9]+|binutils|sframe[0-9]+|jansson[0-9]+)$|^(binutils.*|linux-libc-dev|python3-pythran|python3-scipy|python3-sympy|python3-mpmath|unicode-data|python3-all-dev|python3-dev|python3[.0-9]*-dev|rpcsvc-proto|zlib1g-dev)$' \
      | xargs -r dpkg --purge --force-depends >/dev/null 2>&1 \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /usr/share/doc/* /usr/share/info/* \
 && find /usr/share/man -type f -delete \
 && find /usr/lib/python3/dist-packages -depth -type d -name tests -prune -exec rm -rf {} + \
 && multiqc --version \
 && mkdir -p /tmp/mqc && printf 'Sample\trecords\nS1\t10\n' > /tmp/mqc/demo_mqc.tsv \
 && cd /tmp/mqc && multiqc -q . -o out && test -s out/multiqc_report.html && cd / && rm -rf /tmp/mqc
ENV LANG=C.UTF-8 LC_ALL=C.UTF-8
CMD ["multiqc", "--help"]

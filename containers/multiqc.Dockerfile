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
# bash and ps for Nextflow's task wrapper; multiqc from Debian (1.14 in bookworm)
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends bash procps multiqc \
 && rm -rf /var/lib/apt/lists/* \
 && multiqc --version
ENV LANG=C.UTF-8 LC_ALL=C.UTF-8
CMD ["multiqc", "--help"]

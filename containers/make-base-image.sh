#!/usr/bin/env bash
# Makes a Debian bookworm base image without any container registry: debootstrap a minimal root
# file system from the host's Debian mirror and import it into podman. It carries what the
# oncoconcord image and Nextflow need at run time (bash, ps, awk, fonts for PNG plots).
# Usage: containers/make-base-image.sh [IMAGE]   (default localhost/oncoconcord-base:bookworm)
# Idempotent: does nothing when the image exists with the same package list (REBUILD_BASE=1 remakes it).
set -euo pipefail
image="${1:-localhost/oncoconcord-base:bookworm}"
suite="${BASE_SUITE:-bookworm}"
# procps: ps for Nextflow; the rest: the libraries the JRE's headless java.desktop links (PNG plots)
packages="procps,fontconfig,fonts-dejavu-core,libfreetype6,libharfbuzz0b,liblcms2-2,libjpeg62-turbo,ca-certificates"

if podman image exists "$image" && [ "${REBUILD_BASE:-0}" != 1 ] \
   && [ "$(podman image inspect --format '{{index .Config.Labels "org.oncoconcord.base.packages"}}' "$image")" = "$packages" ]; then
  echo "make-base-image: $image exists" >&2
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "make-base-image: debootstrap needs root" >&2
  exit 1
fi
command -v debootstrap >/dev/null || apt-get install -y -q -o DPkg::Lock::Timeout=900 debootstrap

# the host's own Debian mirror (the only archive reachable on locked-down machines)
mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror="$( (grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null || true) | awk '{print $2}' | grep -v security | head -n1)"
fi
if [ -z "$mirror" ]; then
  mirror="$( (grep -h '^deb ' /etc/apt/sources.list 2>/dev/null || true) | awk '{print $2}' | grep -v security | head -n1)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

rootfs="$(mktemp -d /tmp/oncoconcord-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
echo "make-base-image: debootstrap $suite from $mirror" >&2
debootstrap --variant=minbase --include="$packages" "$suite" "$rootfs" "$mirror" >/dev/null
# keep the image small: no apt lists, caches, docs or man pages
# (the man folders stay: openjdk's postinst fails without /usr/share/man/man1)
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb \
       "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/info/*
find "$rootfs"/usr/share/man -type f -delete
tar -C "$rootfs" -c . | podman import \
  --change 'CMD ["/bin/bash"]' \
  --change "LABEL org.oncoconcord.base.packages=$packages" \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  - "$image" >/dev/null
echo "make-base-image: made $image" >&2

#!/usr/bin/env bash
# Builds the oncoconcord image with podman on a machine without any reachable container registry
# (the CI machines): installs podman, writes the containers.conf settings these hosts need, makes a
# local Debian base image (make-base-image.sh), builds the jar and a jlink JRE on the host and
# builds containers/Dockerfile --target prebuilt on that base.
# Every step is idempotent; a second run takes a few seconds.
#
# Usage: containers/build-local.sh [all|install|conf|base|image|multiqc]   (default all)
# Result: localhost/oncoconcord:<project version> (and :latest), and the MULTIQC step's image
# localhost/oncoconcord-multiqc:<project version> (Debian's multiqc on the same base;
# containers/multiqc.Dockerfile, built only when missing or when that file changed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base_image="${ONCOCONCORD_BASE_IMAGE:-localhost/oncoconcord-base:bookworm}"
version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -n1)"
# ONCOCONCORD_IMAGE: another tag (the tests use one per jar, so concurrent checkouts do not clash)
image="${ONCOCONCORD_IMAGE:-localhost/oncoconcord:$version}"
tags=(-t "$image")
[ -n "${ONCOCONCORD_IMAGE:-}" ] || tags+=(-t localhost/oncoconcord:latest)
log() { echo "build-local: $*" >&2; }

apt_install() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then log "missing Debian packages: ${missing[*]} (run as root or install them)"; exit 1; fi
  log "apt-get install ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=900 update -q >/dev/null || true
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

step_install() {
  apt_install podman buildah runc fuse-overlayfs uidmap slirp4netns debootstrap catatonit
}

step_conf() {
  local src="$root/containers/containers.conf" dest
  if [ "$(id -u)" = 0 ]; then dest=/etc/containers/containers.conf; else dest="$HOME/.config/containers/containers.conf"; fi
  mkdir -p "$(dirname "$dest")"
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then return 0; fi
  if [ -f "$dest" ] && ! grep -q 'Podman settings for hosts like the CI machines' "$dest"; then
    cp "$dest" "$dest.orig"; log "kept the previous $dest as $dest.orig"
  fi
  cp "$src" "$dest"
  log "wrote $dest"
}

step_base() {
  "$root/containers/make-base-image.sh" "$base_image"
}

step_image() {
  cd "$root"
  # the jar: rebuilt when any source is newer than it
  if [ ! -f target/oncoconcord.jar ] || [ -n "$(find pom.xml src -newer target/oncoconcord.jar -print -quit)" ]; then
    log "mvn package"
    mvn -q -B -DskipTests package
  fi
  # the JRE: the same jlink command as the Dockerfile's build stage, run with the host's JDK
  # (Debian bookworm, the same libc as the base image)
  local modules; modules="$(paste -sd, containers/jre-modules.txt)"
  if [ ! -x target/jre/bin/java ] || [ "$(cat target/jre/.modules 2>/dev/null)" != "$modules" ] || [ containers/build-local.sh -nt target/jre/.modules ]; then
    log "jlink $modules"
    rm -rf target/jre
    jlink --add-modules "$modules" --strip-java-debug-attributes --no-man-pages --no-header-files --compress=2 --output target/jre
    echo "$modules" > target/jre/.modules
  fi
  log "podman build $image"
  podman build -q --pull=never -f containers/Dockerfile \
    --target prebuilt --build-arg BASE_IMAGE="$base_image" --build-arg VERSION="$version" \
    "${tags[@]}" . >/dev/null
  # drop the untagged images earlier builds of this Dockerfile left behind (nothing else)
  podman image prune -f --filter label=org.oncoconcord.build >/dev/null || true
  podman run --rm "$image" oncoconcord --version >&2
}

step_multiqc() {
  cd "$root"
  local mqc_image="${ONCOCONCORD_MULTIQC_IMAGE:-localhost/oncoconcord-multiqc:$version}"
  local stamp; stamp="$(sha256sum containers/multiqc.Dockerfile | cut -c1-12)"
  if [ "$(podman image inspect --format '{{ index .Labels "org.oncoconcord.dockerfile" }}' "$mqc_image" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  log "podman build $mqc_image (apt-get install multiqc from the base's Debian mirror)"
  podman build -q --pull=never --network host -f containers/multiqc.Dockerfile \
    --build-arg BASE_IMAGE="$base_image" --build-arg VERSION="$version" --label org.oncoconcord.dockerfile="$stamp" \
    -t "$mqc_image" containers >/dev/null
  podman run --rm "$mqc_image" multiqc --version >&2
}

case "${1:-all}" in
  all) step_install; step_conf; step_base; step_image; step_multiqc ;;
  install|conf|base|image|multiqc) "step_$1" ;;
  *) echo "usage: $0 [all|install|conf|base|image|multiqc]" >&2; exit 2 ;;
esac

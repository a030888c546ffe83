#!/usr/bin/env bash
# Makes local stand-ins for Microsoft's aspnet and sdk base images from this machine's .NET, for machines that reach no
# container registry: a debootstrapped Debian (minbase) with the runtime's native dependencies, imported with
# `docker import`, plus the host's /usr/share/dotnet. An image already built for the host's .NET versions is reused.
# Prints two lines for the caller: BASE_IMAGE=<tag> and SDK_IMAGE=<tag>. Needs root, debootstrap and a running dockerd.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet_root="${DOTNET_ROOT:-/usr/share/dotnet}"
log() { echo "local-base: $*" >&2; }

newest() { ls -1 "$1" | sort -V | tail -n 1; }
runtime_version="$(newest "$dotnet_root/shared/Microsoft.NETCore.App")"
aspnet_version="$(newest "$dotnet_root/shared/Microsoft.AspNetCore.App")"
sdk_version="$(newest "$dotnet_root/sdk")"
deps_image=provisioning-base/bookworm-deps:local
aspnet_image="provisioning-base/aspnet:$aspnet_version-local"
sdk_image="provisioning-base/sdk:$sdk_version-local"

have_image() { docker image inspect "$1" > /dev/null 2>&1; }

work=""
trap '[[ -z "$work" ]] || rm -rf "$work"' EXIT
work="$(mktemp -d /tmp/provisioning-base.XXXXXX)"

make_deps_image() {
    # InvariantGlobalization is on (Directory.Build.props), so no libicu: the runtime needs libc, libgcc, libstdc++,
    # OpenSSL, zlib, the CA certificates (outbound HTTPS) and the time zone database.
    log "debootstrapping Debian bookworm (minbase) into $work/rootfs"
    debootstrap --variant=minbase --include=libssl3,zlib1g,libstdc++6,libgcc-s1,ca-certificates,tzdata \
        bookworm "$work/rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" > "$work/debootstrap.log" 2>&1 \
        || { tail -n 20 "$work/debootstrap.log" >&2; log "debootstrap failed"; return 1; }
    # What only installing packages needs: the downloaded .debs, the package lists, documentation and translations.
    rm -rf "$work"/rootfs/var/cache/apt/* "$work"/rootfs/var/lib/apt/lists/* "$work"/rootfs/usr/share/doc/* \
        "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/info/* "$work"/rootfs/usr/share/locale/* \
        "$work"/rootfs/var/log/*
    tar -C "$work/rootfs" --numeric-owner -c . | docker import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["bash"]' \
        - "$deps_image" > /dev/null
    rm -rf "$work/rootfs"
}

# Stages the given parts of the host's .NET as the build context's dotnet/ (hard links where the file system allows),
# and the CA certificates this machine added to its trust store as its ca-certificates/, and builds.
build_from_dotnet() {
    local image="$1" dockerfile="$2"
    shift 2
    local context="$work/${image//[\/:]/_}"
    mkdir -p "$context/dotnet" "$context/ca-certificates"
    for part in "$@"; do
        mkdir -p "$context/dotnet/$(dirname "$part")"
        cp -al "$dotnet_root/$part" "$context/dotnet/$part" 2>/dev/null || cp -a "$dotnet_root/$part" "$context/dotnet/$part"
    done
    cp /usr/local/share/ca-certificates/*.crt "$context/ca-certificates/" 2>/dev/null || true
    log "building $image"
    DOCKER_BUILDKIT=0 docker build -q --network host --build-arg "DEPS_IMAGE=$deps_image" \
        -f "$here/$dockerfile" -t "$image" "$context" > /dev/null
    rm -rf "$context"
}

if ! have_image "$aspnet_image" || ! have_image "$sdk_image"; then
    have_image "$deps_image" || make_deps_image
fi
have_image "$aspnet_image" || build_from_dotnet "$aspnet_image" aspnet.Dockerfile dotnet LICENSE.txt ThirdPartyNotices.txt \
    host "shared/Microsoft.NETCore.App/$runtime_version" "shared/Microsoft.AspNetCore.App/$aspnet_version"
have_image "$sdk_image" || build_from_dotnet "$sdk_image" sdk.Dockerfile $(ls -1 "$dotnet_root")
echo "BASE_IMAGE=$aspnet_image"
echo "SDK_IMAGE=$sdk_image"

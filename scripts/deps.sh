#!/usr/bin/env bash
# Installs the Debian 12 packages newsgraph needs to build and test, if missing.
# Runs as root (or with sudo available); does nothing when all are present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev rapidjson-dev catch2 libicu-dev libpugixml-dev libcli11-dev libstemmer-dev
  libmimalloc-dev
  iso-codes
  # tests: networkx cross-checks and the interop checker's own needs
  python3 python3-networkx python3-igraph libxml2-utils
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "newsgraph: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

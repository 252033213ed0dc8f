#!/usr/bin/env bash
# The main job: extract the seed article into a Gephi-ready graph.
# Builds first when needed; prints where the graph is and what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
mkdir -p out
./build/newsgraph extract examples/inde-asie-centrale.txt -o out/inde-asie-centrale.graphml
./build/newsgraph extract examples/inde-asie-centrale.txt -o out/inde-asie-centrale.gexf --quiet
echo "also wrote out/inde-asie-centrale.gexf (Gephi desktop, with a timeline)"

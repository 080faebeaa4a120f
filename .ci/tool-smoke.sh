#!/usr/bin/env bash
# Packs the fmnist tool, installs it into a temporary tool path and trains a tiny generated dataset with it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/pack-tool.sh "$(mktemp -d)"

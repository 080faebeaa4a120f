#!/usr/bin/env bash
# Trains the shipped baseline for one epoch on Debian's Fashion-MNIST files and checks dev accuracy > 0.5.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
dotnet run --project src/FashionMnist.Cli -c Release -- run experiments/baseline.yaml \
  --set training.epochs=1 --set output.dir="$out" --set training.threads=2
metrics=$(ls "$out"/*/metrics.csv)
cat "$metrics"
awk -F, 'NR == 2 { if ($5 > 0.5) { print "dev accuracy " $5 " > 0.5"; ok = 1 } else print "dev accuracy " $5 " is not above 0.5" }
         END { exit ok ? 0 : 1 }' "$metrics"

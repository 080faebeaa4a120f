#!/usr/bin/env bash
# Packs the fmnist tool, checks that its TorchSharp native library carries the weakened GLIBCXX_3.4.32
# requirement, installs it into a temporary tool path and trains a tiny generated dataset with it.
# Usage: scripts/pack-tool.sh [WORK_DIR]   (default: a new temporary directory)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
packages="$work/packages"
tools="$work/tools"
mkdir -p "$packages" "$tools"

dotnet pack src/FashionMnist.Cli -c Release -o "$packages" --nologo -v quiet
ls -l "$packages"

# The platform package must contain one platform's natives only, with the loader fix applied.
package=$(ls "$packages"/FashionMnist.Tool.linux-x64.*.nupkg)
unzip -q -o "$package" -d "$work/unpacked"
library=$(find "$work/unpacked" -name libLibTorchSharp.so)
if readelf -V "$library" | grep -q "GLIBCXX_3.4.32 *Flags: none"; then
  echo "error: $library still requires GLIBCXX_3.4.32" >&2
  exit 1
fi
other_platforms=$(find "$work/unpacked" \( -name '*.dll' -path '*win*' -o -name '*.dylib' \) | wc -l)
if [ "$other_platforms" -ne 0 ]; then
  echo "error: the linux-x64 package carries $other_platforms native files of other platforms" >&2
  exit 1
fi

dotnet tool install --tool-path "$tools" --add-source "$packages" FashionMnist.Tool
"$tools/fmnist" --help

# A tiny learnable dataset in the Kaggle CSV layout: class k is a bright band at row 2k+4, over dark noise.
data="$work/data"
mkdir -p "$data"
for split in train:400 test:100; do
  name=${split%%:*}
  rows=${split##*:}
  awk -v rows="$rows" -v seed="${#name}" 'BEGIN {
    srand(seed)
    header = "label"; for (p = 1; p <= 784; p++) header = header ",pixel" p; print header
    for (r = 0; r < rows; r++) {
      label = r % 10; line = label
      for (p = 0; p < 784; p++) { y = int(p / 28); v = (y == 2 * label + 4) ? 200 + int(rand() * 55) : int(rand() * 40); line = line "," v }
      print line
    }
  }' > "$data/fashion-mnist_$name.csv"
done

cat > "$work/tiny.yaml" <<YAML
data:
  format: csv
  dir: $data
  dev_fraction: 0.2
  scale: unit
model:
  name: mlp
  hidden_layers: 1
  hidden_units: 32
optimizer:
  name: adam
  lr: 0.01
training:
  epochs: 2
  batch_size: 32
  threads: 1
output:
  dir: $work/runs
YAML

"$tools/fmnist" run "$work/tiny.yaml"
final=$(ls "$work"/runs/*/final.json)
grep -q '"status": "FINISHED"' "$final"
echo "tool run finished: $final"

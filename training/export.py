"""Export a trained cross-encoder to ONNX, quantise it to int8, and check the int8 model against fp32.

    python -m training.export training/runs/pilot/final compare/assets/nli

Writes OUT/model.onnx (int8, what compare loads), and prints the agreement of int8 with the torch model
on held pairs. The graph takes `input_ids`, `attention_mask`, `token_type_ids` (int64, batch x tokens)
and returns `logits` (float32, batch x 3: entailment, neutral, contradiction).

Quantisation: onnxruntime's quantize_dynamic, per-channel int8 weights for MatMul and the embedding
Gather (the vocabulary matrix is half the model's weights: left fp32 the file would be ~60 MB).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

import numpy as np
import torch
from transformers import BertForSequenceClassification

from training.data import held_pairs
from training.train import DEFAULT_NLI, collate, encode, pair_tokenizer

MAX_TOKENS = 128
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def export_fp32(model: BertForSequenceClassification, out: Path) -> None:
    tokenizer = pair_tokenizer(MAX_TOKENS)
    sample = held_pairs(DEFAULT_NLI, "snli.test.jsonl", limit=4)
    inputs = collate(encode(tokenizer, sample), list(range(len(sample))))
    args = (inputs["input_ids"], inputs["attention_mask"], inputs["token_type_ids"])

    class Logits(torch.nn.Module):
        def __init__(self, inner: BertForSequenceClassification) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=ids, attention_mask=mask, token_type_ids=types).logits

    with torch.no_grad():
        torch.onnx.export(
            Logits(model).eval(), args, str(out),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["logits"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in INPUTS} | {"logits": {0: "batch"}},
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )  # fmt: skip


def onnx_logits(path: Path, batch: dict[str, torch.Tensor]) -> np.ndarray:
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = {name: tensor.numpy() for name, tensor in batch.items()}
    return session.run(["logits"], feed)[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--check", type=int, default=1000, help="held pairs compared fp32 vs int8")
    args = parser.parse_args(argv)
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = BertForSequenceClassification.from_pretrained(str(args.model_dir)).eval()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    final = args.out_dir / "model.onnx"
    with tempfile.TemporaryDirectory() as scratch:
        fp32 = Path(scratch) / "fp32.onnx"
        export_fp32(model, fp32)
        quantize_dynamic(
            str(fp32), str(final), weight_type=QuantType.QInt8, per_channel=True,
            op_types_to_quantize=["MatMul", "Gather"],
        )  # fmt: skip
        tokenizer = pair_tokenizer(MAX_TOKENS)
        pairs = held_pairs(DEFAULT_NLI, "snli.test.jsonl", limit=args.check)
        encoded = encode(tokenizer, pairs)
        same = right_torch = right_int8 = right_fp32 = 0
        worst = 0.0
        for begin in range(0, len(pairs), 32):
            rows = list(range(begin, min(begin + 32, len(pairs))))
            batch = collate(encoded, rows)
            with torch.no_grad():
                reference = model(**batch).logits.softmax(-1).numpy()
            got32 = torch.tensor(onnx_logits(fp32, batch)).softmax(-1).numpy()
            got8 = torch.tensor(onnx_logits(final, batch)).softmax(-1).numpy()
            if np.abs(got32 - reference).max() > 1e-3:
                print("export: the fp32 ONNX graph does not reproduce the torch model", file=sys.stderr)
                return 1
            worst = max(worst, float(np.abs(got8 - reference).max()))
            labels = [pairs[i].label for i in rows]
            same += int((got8.argmax(-1) == reference.argmax(-1)).sum())
            right_torch += int((reference.argmax(-1) == labels).sum())
            right_fp32 += int((got32.argmax(-1) == labels).sum())
            right_int8 += int((got8.argmax(-1) == labels).sum())
    n = len(pairs)
    digest = hashlib.sha256(final.read_bytes()).hexdigest()
    print(f"export: {final} ({final.stat().st_size / 1e6:.1f} MB) sha256 {digest}")
    print(
        f"check on snli.test[:{n}]: int8 label = torch label {same / n:.3f}; "
        f"accuracy torch {right_torch / n:.3f}, onnx fp32 {right_fp32 / n:.3f}, int8 {right_int8 / n:.3f}; "
        f"max |p int8 - p torch| {worst:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

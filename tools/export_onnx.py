"""Export sentence-transformers/all-mpnet-base-v2 to ONNX, quantise it to int8 and check the result.

Called by tools/build_mpnet_onnx.sh inside its throwaway build venv (torch, transformers, onnx,
onnxruntime); it is not part of the `compare` package and compare never imports it.

    python tools/export_onnx.py export   SRC_DIR FP32_ONNX    # torch -> ONNX fp32, checked against torch
    python tools/export_onnx.py quantize FP32_ONNX INT8_ONNX  # 8-bit MatMul weights (MatMulNBits)
    python tools/export_onnx.py verify   FP32_ONNX INT8_ONNX TOKENIZER_JSON [--min-cosine 0.99]

Quantisation: onnxruntime's MatMulNBits, 8-bit weights with one scale and zero point per block of 64
inputs of each output column, run as int8 with the activations quantised per token and block too
(accuracy_level 4). Embeddings, LayerNorm and the attention products stay fp32. Vectors stay within
cosine ~0.999 of fp32, and a sentence's vector does not depend on the other sentences in its batch.

Not quantize_dynamic (per-channel int8 weights, activations quantised per *tensor* at run time), the
obvious recipe: MPNet's activations have outlier channels (the FFN down-projection's above all), so its
vectors were only at cosine 0.86-0.92 to fp32 here, and, because the activation scale is taken over the
whole padded batch, the same sentence got a different vector (cosine 0.78-0.92) alone and in a batch.

The exported graph takes `input_ids` and `attention_mask` (int64, batch x tokens) and returns
`sentence_embedding` (float32, batch x 768): the transformer's last hidden state mean-pooled over the
attention mask, then L2-normalised. That is exactly the model's own sentence-transformers pipeline
(modules.json: Transformer -> Pooling(mean) -> Normalize), and compare.align.embed.OnnxEmbedder uses a
`sentence_embedding` output as it is (it only normalises again, which changes nothing).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float32]

SENTENCES = [
    "The central bank raised interest rates by a quarter point on Wednesday.",
    "Officials said at least 12 people were killed when the bridge collapsed.",
    "Rates went up 0.25 percentage points, the bank announced.",
    "The minister denied the report, calling it 'completely false'.",
    "Heavy rain is expected across the north of the country over the weekend, with flood warnings "
    "in place for several river valleys and schools in three districts told to stay closed.",
    "Shares fell.",
]
MAX_TOKENS = 384  # the model's max_seq_length (sentence_bert_config.json)
BLOCK_SIZE = 64  # 32..256 all kept cosine >= 0.99 to fp32 on 1,500 STS/MSRP sentences; 64 was closest


def export(src: Path, out: Path) -> None:
    """Export the transformer plus mean pooling and L2 normalisation to one fp32 ONNX graph."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    pooling = json.loads((src / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    if not pooling.get("pooling_mode_mean_tokens") or any(
        pooling.get(k)
        for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens")
    ):
        sys.exit(f"export: {src} does not use plain mean pooling: {pooling}")

    class MeanPooled(torch.nn.Module):  # type: ignore[misc]
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    torch.manual_seed(0)
    wrapped = MeanPooled(AutoModel.from_pretrained(str(src), dtype=torch.float32)).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(src))
    batch = tokenizer(SENTENCES, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    args = (batch["input_ids"], batch["attention_mask"])
    out.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        reference = wrapped(*args).numpy()
        torch.onnx.export(
            wrapped, args, str(out),
            input_names=["input_ids", "attention_mask"],
            output_names=["sentence_embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                          "attention_mask": {0: "batch", 1: "tokens"},
                          "sentence_embedding": {0: "batch"}},
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )  # fmt: skip
    got = _run(out, batch["input_ids"].numpy(), batch["attention_mask"].numpy())
    diff = float(np.abs(got - reference).max())
    print(f"export: {out} ({out.stat().st_size / 1e6:.0f} MB); max |onnx fp32 - torch| = {diff:.2e}")
    if diff > 1e-4:
        sys.exit("export: the ONNX graph does not reproduce the torch model")


def quantize(fp32: Path, int8: Path) -> None:
    """Quantise the MatMul weights to 8 bits, blockwise (MatMulNBits, int8 compute)."""
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer

    logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)
    quantizer = MatMulNBitsQuantizer(
        str(fp32), bits=8, block_size=BLOCK_SIZE, is_symmetric=False, accuracy_level=4
    )
    quantizer.process()
    quantizer.model.save_model_to_file(str(int8), use_external_data_format=False)
    print(f"quantize: {int8} ({int8.stat().st_size / 1e6:.0f} MB); "
          f"MatMulNBits bits=8 block_size={BLOCK_SIZE} asymmetric accuracy_level=4")  # fmt: skip


def _run(model: Path, ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]) -> Floats:
    import onnxruntime

    session = onnxruntime.InferenceSession(str(model), providers=["CPUExecutionProvider"])
    out = session.run(["sentence_embedding"], {"input_ids": ids, "attention_mask": mask})[0]
    return np.asarray(out, dtype=np.float32)


def _batch(tokenizer: Any, texts: list[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Token ids and attention mask, padded to the longest text (as compare.align.embed does)."""
    encodings = tokenizer.encode_batch(texts)
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = encoding.ids
        mask[row, : len(encoding.ids)] = encoding.attention_mask
    return ids, mask


def _cosines(a: Floats, b: Floats) -> Floats:
    out: Floats = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    return out


def verify(fp32: Path, int8: Path, tokenizer_json: Path, min_cosine: float) -> None:
    """Embed SENTENCES with both models (tokenised as compare does) and check the int8 vectors.

    Requires cosine(int8, fp32) >= min_cosine for each sentence, the same int8 vector for a sentence
    alone and in a padded batch (cosine >= 0.999), and the paraphrase pair to be the closest pair.
    """
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_json))
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.no_padding()
    ids, mask = _batch(tokenizer, SENTENCES)
    a, b = _run(fp32, ids, mask), _run(int8, ids, mask)
    cosines = _cosines(a, b)
    print("verify: cosine(int8, fp32) per sentence: " + " ".join(f"{c:.4f}" for c in cosines))
    print(f"verify: min cosine {cosines.min():.4f} (required >= {min_cosine})")
    alone = np.concatenate([_run(int8, *_batch(tokenizer, [s])) for s in SENTENCES])
    invariance = _cosines(alone, b)
    print(f"verify: int8 cosine(alone, in a padded batch) min {invariance.min():.5f} (required >= 0.999)")
    # a sanity check on meaning, not just agreement: the paraphrase pair must be the closest pair
    sims = b @ b.T
    np.fill_diagonal(sims, -1.0)
    print(f"verify: int8 cosine(rate rise, paraphrase) = {sims[0, 2]:.3f}; best other pair for it = "
          f"{max(sims[0, 1], sims[0, 3], sims[0, 4], sims[0, 5]):.3f}")  # fmt: skip
    if cosines.min() < min_cosine or invariance.min() < 0.999 or int(sims[0].argmax()) != 2:
        sys.exit("verify: FAILED")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("export")
    p.add_argument("src", type=Path)
    p.add_argument("out", type=Path)
    p = sub.add_parser("quantize")
    p.add_argument("fp32", type=Path)
    p.add_argument("int8", type=Path)
    p = sub.add_parser("verify")
    p.add_argument("fp32", type=Path)
    p.add_argument("int8", type=Path)
    p.add_argument("tokenizer", type=Path)
    p.add_argument("--min-cosine", type=float, default=0.99)
    args = parser.parse_args(argv)
    if args.step == "export":
        export(args.src, args.out)
    elif args.step == "quantize":
        quantize(args.fp32, args.int8)
    else:
        verify(args.fp32, args.int8, args.tokenizer, args.min_cosine)


if __name__ == "__main__":
    main()

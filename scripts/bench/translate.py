#!/usr/bin/env python3
"""mtalign translate end to end vs raw CTranslate2 translate_batch vs Hugging Face
transformers generate, side by side in one process, on the same OPUS-MT-shaped model.

The model: Marian, 6+6 layers, d_model 512, 8 heads, FFN 2048, random weights (seeded),
a SentencePiece vocabulary trained on the dev data; converted to CTranslate2 int8 with
`mtalign model convert`. Every engine produces exactly --tokens target tokens per sentence
(minimum = maximum decoding length), so all do the same work. Needs the bench extra
(transformers, torch); on this machine `pip install torch==2.13.0` takes the file on disk.

    .venv/bin/python scripts/bench/translate.py [--sentences 256] [--batch 32] [--tokens 40]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "korean-english-news"


def build_hf_model(directory: Path, vocab_size: int):
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel

    lines = [line for name in ("korean-english-park.dev.ko", "korean-english-park.dev.en")
             for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        character_coverage=1.0,
        minloglevel=2,
        unk_id=1,
        eos_id=0,
        bos_id=-1,
        pad_id=-1,
    )
    directory.mkdir(parents=True)
    for name in ("source.spm", "target.spm"):
        (directory / name).write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_file=str(directory / "source.spm"))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    vocab["<pad>"] = len(vocab)
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        max_position_embeddings=512,
        pad_token_id=vocab["<pad>"],
        eos_token_id=vocab["</s>"],
        decoder_start_token_id=vocab["<pad>"],
        share_encoder_decoder_embeddings=True,
    )
    torch.manual_seed(0)
    hf_model = MarianMTModel(config).eval()
    hf_model.save_pretrained(directory)
    (directory / "tokenizer_config.json").write_text(
        json.dumps({"source_lang": "ko", "target_lang": "en"})
    )
    return hf_model, processor, vocab


def interleaved_medians(functions: dict, repeats: dict) -> dict:
    """Median seconds of each function, the runs interleaved so that machine noise hits all
    alike.
    """
    times = {name: [] for name in functions}
    for round_ in range(max(repeats.values())):
        for name, function in functions.items():
            if round_ < repeats[name]:
                began = time.perf_counter()
                function()
                times[name].append(time.perf_counter() - began)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=256)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=40)
    parser.add_argument("--vocab", type=int, default=8000)
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs of each CTranslate2 engine (medians)"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                        help="cuda: CTranslate2 float16 against transformers fp16 on the GPU")
    args = parser.parse_args()
    import ctranslate2
    import torch

    from mtalign.translate.batch import translate_files
    from mtalign.translate.convert import convert_model
    from mtalign.translate.engine import Engine

    torch.set_num_threads(args.threads)
    sentences = (
        (DATA / "korean-english-park.dev.ko")
        .read_text(encoding="utf-8")
        .splitlines()[: args.sentences]
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        hf_dir, ct2_dir = Path(tmp) / "hf", Path(tmp) / "ct2"
        hf_model, processor, vocab = build_hf_model(hf_dir, args.vocab)
        gpu = args.device == "cuda"
        compute = "float16" if gpu else "int8"
        convert_model(str(hf_dir), str(ct2_dir), compute)
        if gpu:
            hf_model = hf_model.half().to("cuda")
        document = Path(tmp) / "doc.ko.txt"
        document.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
        tokens = [processor.encode(s, out_type=str) + ["</s>"] for s in sentences]
        mean_tokens = sum(map(len, tokens)) / len(tokens)
        translator = ctranslate2.Translator(str(ct2_dir), device=args.device, compute_type=compute,
                                            intra_threads=args.threads)
        for beam in (1, 4):
            def raw():
                translator.translate_batch(
                    tokens,
                    max_batch_size=args.batch,
                    beam_size=beam,
                    min_decoding_length=args.tokens,
                    max_decoding_length=args.tokens,
                )

            engine = Engine(
                str(ct2_dir),
                device=args.device,
                compute_type=compute,
                threads=args.threads,
                beam=beam,
                batch_tokens=int(mean_tokens * args.batch),
                max_length=args.tokens,
                min_length=args.tokens,
            )
            out_dirs = iter(range(1000))

            def end_to_end():
                translate_files(
                    [str(document)], engine, str(Path(tmp) / f"out{next(out_dirs)}"), progress=False
                )

            def hf():
                with torch.inference_mode():
                    for start in range(0, len(sentences), args.batch):
                        ids = [
                            [vocab.get(piece, vocab["<unk>"]) for piece in seq]
                            for seq in tokens[start : start + args.batch]
                        ]
                        width = max(map(len, ids))
                        input_ids = torch.tensor(
                            [seq + [vocab["<pad>"]] * (width - len(seq)) for seq in ids],
                            device=hf_model.device,
                        )
                        mask = (input_ids != vocab["<pad>"]).long()
                        hf_model.generate(
                            input_ids=input_ids,
                            attention_mask=mask,
                            num_beams=beam,
                            do_sample=False,
                            min_new_tokens=args.tokens,
                            max_new_tokens=args.tokens,
                        )

            functions = {f"raw CTranslate2 translate_batch ({compute})": raw,
                         f"mtalign translate end to end ({compute})": end_to_end,
                         f"transformers generate ({'fp16' if gpu else 'fp32'})": hf}
            repeats = {
                name: (args.repeat if "transformers" not in name else 1) for name in functions
            }
            for name, seconds in interleaved_medians(functions, repeats).items():
                rows.append(
                    (beam, name, len(sentences) / seconds, len(sentences) * args.tokens / seconds)
                )
    print(
        f"{len(sentences)} sentences, batch {args.batch}, {args.tokens} target tokens each, "
        f"{args.threads} threads, vocabulary {args.vocab}, device {args.device}"
    )
    print("| beam | engine | sentences/s | target tokens/s |")
    print("| --- | --- | --- | --- |")
    for beam, name, speed, token_speed in rows:
        print(f"| {beam} | {name} | {speed:.1f} | {token_speed:.0f} |")
    for beam in (1, 4):
        raw, ours, hf = (speed for b, _, speed, _ in rows if b == beam)
        print(f"beam {beam}: mtalign overhead over raw {100 * (raw / ours - 1):.1f}%; "
              f"mtalign / transformers {ours / hf:.2f}x; raw / transformers {raw / hf:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A tiny CTranslate2 Transformer with deterministic random weights, built without torch,
with a SentencePiece model trained on the repository's parallel samples."""

import io
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DIM, FFN = 16, 32


def _shape(name: str, vocab: int):
    if name.endswith(("gamma", "beta")):
        return (DIM,)
    if "embeddings" in name or "projection" in name:
        return (vocab, DIM)
    if "self_attention/linear_0" in name:
        return (3 * DIM, DIM)  # fused query, key, value
    if "/attention/linear_1" in name:
        return (2 * DIM, DIM)  # fused key, value of the encoder output
    if "ffn/linear_0" in name:
        return (FFN, DIM)
    if "ffn/linear_1" in name:
        return (DIM, FFN)
    return (DIM, DIM)


def _set(spec, name: str, value) -> None:
    node = spec
    *path, leaf = name.split("/")
    for part in path:
        base, _, index = part.rpartition("_")
        if index.isdigit() and isinstance(getattr(node, base, None), list):
            node = getattr(node, base)[int(index)]
        else:
            node = getattr(node, part)
    setattr(node, leaf, value)


def build(directory: Path, language_codes=()) -> Path:
    """Write a tiny CTranslate2 model into directory: Marian-shaped (source.spm, target.spm), or
    NLLB-shaped (sentencepiece.bpe.model, language codes such as kor_Hang in the vocabulary)."""
    import sentencepiece as spm
    from ctranslate2 import specs

    parallel = REPO / "corpora" / "parallel"
    lines = [
        line
        for path in sorted(parallel.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=800,
        character_coverage=1.0,
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        minloglevel=2,
    )
    directory.mkdir(parents=True, exist_ok=True)
    names = ("sentencepiece.bpe.model",) if language_codes else ("source.spm", "target.spm")
    for name in names:
        (directory / name).write_bytes(model.getvalue())
    processor = spm.SentencePieceProcessor(model_file=str(directory / names[0]))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocabulary = ["<unk>", "<s>", "</s>", *(p for p in pieces if p not in ("<unk>", "<s>", "</s>")),
                  *language_codes]
    spec = specs.TransformerSpec.from_config(num_layers=(1, 1), num_heads=2)
    rng = np.random.default_rng(0)
    for name, value in spec.variables().items():
        if value is None:
            shape = _shape(name, len(vocabulary))
            if name.endswith("gamma"):
                value = np.ones(shape, np.float32)
            elif name.endswith("beta"):
                value = np.zeros(shape, np.float32)
            else:
                value = (rng.standard_normal(shape) * 0.1).astype(np.float32)
            _set(spec, name, value)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.save(str(directory))
    return directory

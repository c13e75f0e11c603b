"""Loading a CTranslate2 model with its SentencePiece files, and translating sentence lists.

Model families are told apart by their vocabulary: NLLB-200 (language codes such as
kor_Hang), M2M-100 (__ko__) or Marian/OPUS-MT (neither). An unpacked Argos Translate package
(metadata.json, model/, sentencepiece.model) is a Marian-like model with one SentencePiece
model for both sides. Sentences are sorted by length and sent in token-budgeted batches;
results come back in input order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

from mtalign.errors import UserError

HOW_TO_GET_A_MODEL = (
    "get a model with `mtalign model get ko-en` (or en-ko; needs network access), or convert a "
    "downloaded checkpoint with `mtalign model convert`"
)
MODEL_METADATA = "mtalign-model.json"  # written by the model store (models.py)
LANGUAGE_CODES = {
    "nllb": {"ko": "kor_Hang", "en": "eng_Latn"},
    "m2m": {"ko": "__ko__", "en": "__en__"},
}
SPM_NAMES = {"marian": ("source.spm", "target.spm"), "nllb": ("sentencepiece.bpe.model",) * 2,
             "m2m": ("sentencepiece.bpe.model",) * 2}
MAX_INPUT_TOKENS = 512


@dataclass
class ModelFiles:
    directory: str
    family: str
    source_spm: str
    target_spm: str
    compute_type: str = "auto"  # the quantization chosen when the model was installed


def _vocabulary(directory: Path) -> List[str]:
    for name in ("shared_vocabulary.json", "source_vocabulary.json"):
        if (directory / name).exists():
            return json.loads((directory / name).read_text(encoding="utf-8"))
    for name in ("shared_vocabulary.txt", "source_vocabulary.txt"):
        if (directory / name).exists():
            return (directory / name).read_text(encoding="utf-8").split("\n")
    return []


def _family(directory: Path) -> str:
    vocabulary = set(_vocabulary(directory))
    return "nllb" if "kor_Hang" in vocabulary else "m2m" if "__ko__" in vocabulary else "marian"


def read_model_metadata(directory: Path) -> dict:
    """What the model store recorded when it installed the model ({} for any other folder)."""
    metadata = directory / MODEL_METADATA
    if not metadata.is_file():
        return {}
    try:
        return json.loads(metadata.read_text(encoding="utf-8"))
    except ValueError as err:
        raise UserError(f"{metadata}: not valid JSON ({err}); reinstall the model") from None


def _installed_compute_type(directory: Path) -> str:
    return read_model_metadata(directory).get("quantization") or "auto"


def _argos_files(directory: Path) -> ModelFiles:
    spm_file = directory / "sentencepiece.model"
    if not spm_file.exists():
        raise UserError(f"{directory}: this Argos package has no sentencepiece.model (BPE packages "
                        "are not supported)")
    family = _family(directory / "model")
    return ModelFiles(str(directory / "model"), family, str(spm_file), str(spm_file),
                      _installed_compute_type(directory))


def inspect_model(path: str) -> ModelFiles:
    directory = Path(path)
    if not directory.is_dir():
        raise UserError(f"{path}: no such model folder. {HOW_TO_GET_A_MODEL}")
    if (directory / "metadata.json").is_file() and (directory / "model" / "model.bin").is_file():
        return _argos_files(directory)
    if not (directory / "model.bin").exists():
        raise UserError(f"{path}: not a CTranslate2 model (no model.bin). {HOW_TO_GET_A_MODEL}")
    family = _family(directory)
    source, target = (directory / name for name in SPM_NAMES[family])
    for spm_file in (source, target):
        if not spm_file.exists():
            raise UserError(f"{spm_file}: missing SentencePiece model for this {family} model "
                            "(copy it into the model folder when converting: --copy_files)")
    return ModelFiles(str(directory), family, str(source), str(target),
                      _installed_compute_type(directory))


def _check_device(device: str) -> None:
    import ctranslate2

    if device == "cuda" and ctranslate2.get_cuda_device_count() == 0:
        raise UserError(
            "--device cuda: no CUDA device is visible (driver missing, or no GPU). The ctranslate2 "
            "wheel also needs CUDA 12 cuBLAS (libcublas.so.12): pip install nvidia-cublas-cu12"
        )


def _load_spm(path: str):
    import sentencepiece as spm

    try:
        return spm.SentencePieceProcessor(model_file=path)
    except (OSError, RuntimeError) as err:
        raise UserError(
            f"{path}: not a valid SentencePiece model ({str(err).splitlines()[0]})"
        ) from None


class _Moses:
    """Moses tokenization around SentencePiece, for models trained on Moses-tokenized text."""

    def __init__(self, source_lang: str, target_lang: str) -> None:
        from sacremoses import MosesDetokenizer, MosesTokenizer

        self._tokenizer = MosesTokenizer(lang=source_lang)
        self._detokenizer = MosesDetokenizer(lang=target_lang)

    def tokenize(self, text: str) -> str:
        return self._tokenizer.tokenize(text, return_str=True, escape=False)

    def detokenize(self, text: str) -> str:
        return self._detokenizer.detokenize(text.split())


class Engine:
    """One loaded model; translate() keeps input order whatever the batching does."""

    def __init__(
        self,
        model_dir: str,
        source_lang: str = "ko",
        target_lang: str = "en",
        device: str = "cpu",
        compute_type: str = "auto",
        threads: int = 0,
        beam: int = 1,
        batch_tokens: int = 4096,
        max_length: int = 256,
        min_length: int = 0,
        moses: bool = False,
    ) -> None:
        import ctranslate2

        self.files = inspect_model(model_dir)
        _check_device(device)
        self.source_spm, self.target_spm = (
            _load_spm(self.files.source_spm),
            _load_spm(self.files.target_spm),
        )
        codes = LANGUAGE_CODES.get(self.files.family)
        self.source_code = codes[source_lang] if codes else None
        self.target_code = codes[target_lang] if codes else None
        self.beam, self.batch_tokens = beam, batch_tokens
        self.min_length, self.max_length = min_length, max_length
        self.moses = _Moses(source_lang, target_lang) if moses else None
        try:
            if compute_type == "auto":
                compute_type = self.files.compute_type
            self.translator = ctranslate2.Translator(
                self.files.directory,
                device=device,
                compute_type=compute_type,
                intra_threads=threads,
            )
        except (RuntimeError, ValueError) as err:
            message = str(err).splitlines()[0]
            if "cublas" in message.lower() or "cuda" in message.lower():
                raise UserError(
                    f"--device {device}: {message}. Install CUDA 12 cuBLAS "
                    "(libcublas.so.12): pip install nvidia-cublas-cu12"
                ) from None
            raise UserError(f"{model_dir}: cannot load the model ({message})") from None

    def tokens(self, sentence: str) -> List[str]:
        if self.moses:
            sentence = self.moses.tokenize(sentence)
        pieces = self.source_spm.encode(sentence, out_type=str)
        return [self.source_code, *pieces, "</s>"] if self.source_code else pieces

    def too_long(self, sentence: str) -> bool:
        return len(self.tokens(sentence)) > MAX_INPUT_TOKENS

    def translate(self, sentences: Sequence[str]) -> List[str]:
        """Translations of `sentences`, in their order."""
        if not sentences:
            return []
        tokens = [self.tokens(sentence) for sentence in sentences]
        order = sorted(range(len(tokens)), key=lambda index: len(tokens[index]))
        prefix = [[self.target_code] for _ in order] if self.target_code else None
        results = self.translator.translate_batch(
            [tokens[index] for index in order],
            target_prefix=prefix,
            beam_size=self.beam,
            max_batch_size=self.batch_tokens,
            batch_type="tokens",
            max_decoding_length=self.max_length,
            min_decoding_length=self.min_length,
        )
        out: List[Optional[str]] = [None] * len(tokens)
        for position, index in enumerate(order):
            pieces = [
                piece for piece in results[position].hypotheses[0] if piece != self.target_code
            ]
            text = self.target_spm.decode(pieces)
            out[index] = self.moses.detokenize(text) if self.moses else text
        return out

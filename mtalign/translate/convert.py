"""Converting a downloaded Hugging Face checkpoint (OPUS-MT, NLLB, M2M-100) to CTranslate2.

Wraps CTranslate2's own converter, which needs transformers and torch: the `convert`
extra (`pip install 'mtalign[convert]'`). The SentencePiece files the checkpoint ships are
copied beside the converted model, where `mtalign translate` looks for them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Optional

from mtalign.errors import UserError

TOKENIZER_FILES = (
    "source.spm",
    "target.spm",
    "sentencepiece.bpe.model",
    "tokenizer.json",
    "vocab.json",
)


def require_convert_extra() -> None:
    """A one-line error naming the extra when torch or transformers is not installed."""
    missing = [name for name in ("torch", "transformers") if importlib.util.find_spec(name) is None]
    if missing:
        raise UserError(f"model conversion needs {' and '.join(missing)}, which are not installed: "
                        "pip install 'mtalign[convert]' (the convert extra)")


def convert_model(
    hf_dir: str, out_dir: str, quantization: Optional[str] = "int8", force: bool = False
) -> str:
    source = Path(hf_dir)
    if not (source / "config.json").exists():
        raise UserError(f"{hf_dir}: not a Hugging Face model folder (no config.json)")
    if Path(out_dir).exists() and any(Path(out_dir).iterdir()) and not force:
        raise UserError(f"{out_dir}: exists and is not empty (use --force to overwrite)")
    require_convert_extra()
    from ctranslate2.converters import TransformersConverter

    copy_files = [name for name in TOKENIZER_FILES if (source / name).exists()]
    try:
        converter = TransformersConverter(str(source), copy_files=copy_files)
        return converter.convert(out_dir, quantization=quantization, force=force)
    except (ImportError, ModuleNotFoundError) as err:
        raise UserError(
            f"model conversion needs transformers and torch ({err}): pip install 'mtalign[convert]'"
        ) from None
    except (ValueError, NotImplementedError, OSError) as err:
        raise UserError(f"{hf_dir}: cannot convert ({str(err).splitlines()[0]})") from None

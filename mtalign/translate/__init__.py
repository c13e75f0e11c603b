"""Stage 5: batch translation with CTranslate2, translation memory first, resumable."""

from mtalign.translate.batch import translate_files
from mtalign.translate.convert import convert_model
from mtalign.translate.engine import HOW_TO_GET_A_MODEL, Engine, inspect_model

__all__ = ["HOW_TO_GET_A_MODEL", "Engine", "convert_model", "inspect_model", "translate_files"]

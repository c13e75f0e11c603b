"""Stage 5: batch translation with CTranslate2, translation memory first, resumable; the
model store and the sources models are downloaded from."""

from mtalign.translate.batch import translate_files, write_qa_report
from mtalign.translate.convert import convert_model
from mtalign.translate.engine import HOW_TO_GET_A_MODEL, Engine, inspect_model
from mtalign.translate.models import installed_models, model_languages, resolve_model
from mtalign.translate.sources import get_model, remote_models

__all__ = ["HOW_TO_GET_A_MODEL", "Engine", "convert_model", "get_model", "inspect_model",
           "installed_models", "model_languages", "remote_models", "resolve_model",
           "translate_files", "write_qa_report"]

"""The model store: installed models, installing one atomically, and finding one by name or pair.

The store is $MTALIGN_HOME/models (default ~/.local/share/mtalign/models). Each model is a
folder with an mtalign-model.json (source, version, licence, languages, quantization). A new
model is unpacked into a hidden staging folder inside the store, checked, and renamed into
place: a failed or interrupted install leaves nothing that looks installed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional, Tuple

from mtalign.errors import UserError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; concurrent installs are not guarded
    fcntl = None
from mtalign.translate.engine import MODEL_METADATA, inspect_model, read_model_metadata

PAIR = re.compile(r"^(ko|en)-(ko|en)$")
MULTILINGUAL = ("nllb", "m2m")


@dataclass
class InstalledModel:
    name: str
    path: str
    family: str
    languages: List[str]
    size: int
    quantization: str
    source: str
    version: str
    licence: str


def store_dir(root: Optional[str] = None) -> Path:
    """The store: root, else $MTALIGN_HOME/models, else ~/.local/share/mtalign/models."""
    if root:
        return Path(root)
    home = os.environ.get("MTALIGN_HOME")
    return (Path(home) if home else Path.home() / ".local" / "share" / "mtalign") / "models"


def downloads_dir(root: Optional[str] = None) -> Path:
    """Part files of interrupted downloads wait here to be resumed."""
    return store_dir(root) / ".downloads"


def _folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def installed_models(root: Optional[str] = None) -> List[InstalledModel]:
    store = store_dir(root)
    if not store.is_dir():
        return []
    models = []
    for path in sorted(store.iterdir()):
        if path.name.startswith(".") or not (path / MODEL_METADATA).is_file():
            continue
        meta = read_model_metadata(path)
        models.append(
            InstalledModel(
                path.name,
                str(path),
                meta.get("family", "?"),
                meta.get("languages", []),
                _folder_size(path),
                meta.get("quantization") or "as published",
                meta.get("source", "?"),
                meta.get("version", "?"),
                meta.get("licence", "?"),
            )
        )
    return models


def model_languages(model_dir: str) -> List[str]:
    """The pairs a model folder translates: both for NLLB/M2M, else those recorded at install."""
    if inspect_model(model_dir).family in MULTILINGUAL:
        return ["ko-en", "en-ko"]
    return read_model_metadata(Path(model_dir)).get("languages", [])


def get_command(source_lang: str, target_lang: str) -> str:
    return f"mtalign model get {source_lang}-{target_lang}"


def no_model_message(source_lang: str, target_lang: str, root: Optional[str] = None) -> str:
    installed = installed_models(root)
    listing = ", ".join(f"{m.name} ({' '.join(m.languages) or '?'})" for m in installed)
    have = f"installed: {listing}" if installed else f"no model is installed in {store_dir(root)}"
    return (
        "translate needs --model: a model folder, a .argosmodel file, or an installed model's name "
        f"or language pair; {have}. Get one (needs network access): "
        f"{get_command(source_lang, target_lang)}"
    )


def _installed_match(
    spec: str, source_lang: str, target_lang: str, root: Optional[str]
) -> Optional[str]:
    pair = PAIR.match(spec)
    if pair and spec != f"{source_lang}-{target_lang}":
        raise UserError(
            f"--model {spec} translates {pair[1]} to {pair[2]}: add --src {pair[1]} --tgt {pair[2]}"
        )
    for model in installed_models(root):
        if (spec in model.languages) if pair else spec == model.name:
            return model.path
    return None


def resolve_model(
    spec: Optional[str], source_lang: str, target_lang: str, root: Optional[str] = None
) -> str:
    """The model folder --model names: a folder, a .argosmodel file (installed first), an installed
    model's name, or a language pair such as ko-en; otherwise a message saying how to get one."""
    if not spec:
        raise UserError(no_model_message(source_lang, target_lang, root))
    path = Path(spec)
    if path.is_file() and path.suffix == ".argosmodel":
        origin = f"file:{path.resolve()}"
        known = [model.path for model in installed_models(root) if model.source == origin]
        if known:
            return known[0]
        with store_lock(root):
            return str(install_argos_archive(path, origin, root=root))
    if path.exists():
        return spec
    found = _installed_match(spec, source_lang, target_lang, root)
    if found:
        return found
    raise UserError(
        f"{spec}: no such model folder, and no installed model of that name or language pair. "
        + no_model_message(source_lang, target_lang, root)
    )


@contextlib.contextmanager
def store_lock(root: Optional[str] = None) -> Iterator[None]:
    """One install at a time per store: two would write the same part and staging files."""
    store = store_dir(root)
    store.mkdir(parents=True, exist_ok=True)
    with open(store / ".lock", "w") as handle:
        try:
            if fcntl:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(f"{store}: another mtalign command is installing a model into this "
                            "store; run this one when it has finished") from None
        yield


@contextlib.contextmanager
def staging(root: Optional[str] = None) -> Iterator[Path]:
    """A hidden folder in the store (same file system: the final rename is atomic), then removed."""
    store = store_dir(root)
    store.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".staging-", dir=store))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def install(staged: Path, name: str, metadata: dict, root: Optional[str] = None) -> Path:
    """Check the staged model, write its metadata, and rename it into the store as `name`."""
    files = inspect_model(str(staged))
    languages = (
        ["ko-en", "en-ko"] if files.family in MULTILINGUAL else metadata.get("languages", [])
    )
    record = {**metadata, "family": files.family, "languages": languages}
    (staged / MODEL_METADATA).write_text(
        json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    final = store_dir(root) / name
    old = final.with_name(f".old-{name}-{os.getpid()}")
    if final.exists():
        final.rename(old)
    staged.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return final


def _readme_licence(package: Path) -> str:
    readme = package / "README.md"
    lines = (
        readme.read_text(encoding="utf-8", errors="replace").splitlines()
        if readme.is_file()
        else []
    )
    mention = next((line.strip(" #*-") for line in lines if "licen" in line.lower()), "")
    return mention[:200] or "not stated (see README.md in the model folder)"


def _unpack_argos(archive: Path, into: Path) -> Tuple[Path, dict]:
    """Unpack an .argosmodel (a zip of one folder: metadata.json, model/, sentencepiece.model)."""
    try:
        with zipfile.ZipFile(archive) as package:
            damaged = package.testzip()
            names = package.namelist()
            tops = {name.split("/")[0] for name in names}
            if damaged:
                raise UserError(
                    f"{archive}: corrupt archive ({damaged} fails its CRC check); nothing installed"
                )
            if len(tops) != 1 or any(
                name.startswith("/") or ".." in name.split("/") for name in names
            ):
                raise UserError(
                    f"{archive}: not an Argos package (one top folder expected); nothing installed"
                )
            package.extractall(into)
    except (zipfile.BadZipFile, EOFError, zlib.error) as err:
        raise UserError(f"{archive}: corrupt archive ({err}); nothing installed") from None
    folder = into / tops.pop()
    if not (folder / "metadata.json").is_file():
        raise UserError(f"{archive}: not an Argos package (no metadata.json); nothing installed")
    return folder, json.loads((folder / "metadata.json").read_text(encoding="utf-8"))


def install_argos_archive(
    archive: Path, origin: str, quantization: Optional[str] = None, root: Optional[str] = None
) -> Path:
    """Install an .argosmodel (replacing the same language pair); returns its folder."""
    with staging(root) as folder:
        package, meta = _unpack_argos(archive, folder)
        pair = f"{meta.get('from_code')}-{meta.get('to_code')}"
        record = {
            "source": origin,
            "format": "argos",
            "version": meta.get("package_version", "?"),
            "licence": meta.get("license") or _readme_licence(package),
            "languages": [pair],
            "quantization": quantization,
        }
        return install(package, f"argos-{pair}", record, root)

"""Where models come from: the Argos Translate package index and the Hugging Face Hub.

Argos index: a JSON list of packages (package_version, from_code, to_code, links, code); a
package is an .argosmodel zip. Hub: /api/models/REPO gives the commit and licence,
/api/models/REPO/tree/COMMIT the files with size and, for LFS files, SHA-256;
/REPO/resolve/COMMIT/PATH the file itself. Repositories that hold a CTranslate2 model are
used as they are; others are Marian/NLLB/M2M checkpoints, converted with the convert extra.
Both addresses can be changed (MTALIGN_ARGOS_INDEX, MTALIGN_HF_ENDPOINT or HF_ENDPOINT).
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from mtalign.errors import UserError
from mtalign.translate.convert import convert_model, require_convert_extra
from mtalign.translate.download import download, get_json
from mtalign.translate.models import (
    downloads_dir,
    install,
    install_argos_archive,
    staging,
    store_lock,
)

ARGOS_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
HF_ENDPOINT = "https://huggingface.co"
HUB = "Hugging Face Hub"
CATALOGUE = Path(__file__).with_name("data") / "hub-models.tsv"
CHECKPOINT_FILES = {
    "config.json",
    "generation_config.json",
    "source.spm",
    "target.spm",
    "vocab.json",
    "sentencepiece.bpe.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
}
WEIGHTS = ("model.safetensors", "pytorch_model.bin")
SKIPPED = (".gitattributes", ".h5", ".msgpack", ".onnx", ".ot")
NAMED_PAIR = re.compile(r"(?<![a-z])(ko|en)-(ko|en)(?![a-z])")  # opus-mt-ko-en


@dataclass
class RemoteModel:
    spec: str  # what `mtalign model get` takes
    languages: List[str]
    kind: str
    licence: str
    version: str
    note: str = ""


def argos_index_url() -> str:
    return os.environ.get("MTALIGN_ARGOS_INDEX") or ARGOS_INDEX


def hf_endpoint() -> str:
    return (
        os.environ.get("MTALIGN_HF_ENDPOINT") or os.environ.get("HF_ENDPOINT") or HF_ENDPOINT
    ).rstrip("/")


def _argos_packages() -> List[dict]:
    url = argos_index_url()
    index = get_json(url, "Argos package index")
    if not isinstance(index, list):
        raise UserError(f"Argos package index ({url}): not a list of packages")
    return [
        package
        for package in index
        if isinstance(package, dict)
        and {package.get("from_code"), package.get("to_code")} == {"ko", "en"}
    ]


def _argos_remote() -> List[RemoteModel]:
    return [
        RemoteModel(f"argos:{p.get('code') or p['from_code'] + '-' + p['to_code']}",
                    [f"{p['from_code']}-{p['to_code']}"], "Argos package (CTranslate2)",
                    "see the package README", str(p.get("package_version", "?")))
        for p in _argos_packages()
    ]


def remote_models() -> Tuple[List[RemoteModel], List[str]]:
    """What can be fetched for ko<->en (the live Argos index, then the Hub catalogue), and the
    sources that could not be read."""
    problems: List[str] = []
    try:
        models = _argos_remote()
    except UserError as err:
        models, problems = [], [str(err)]
    with open(CATALOGUE, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            models.append(RemoteModel(row["spec"], row["languages"].split(), row["kind"],
                                      row["licence"], "latest", row["note"]))
    return models, problems


def _version_key(package: dict) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", str(package.get("package_version", "0"))))


def _download_first(links: List[str], dest: Path, source: str, progress: bool) -> Path:
    usable = [link for link in links if link.startswith(("http://", "https://"))]
    if not usable:
        raise UserError(f"{source}: the package lists no http(s) download link")
    for link in usable[:-1]:
        try:
            return download(link, dest, source, progress=progress)
        except UserError:
            continue  # a mirror is down: try the next link
    return download(usable[-1], dest, source, progress=progress)


def get_argos(name: str, quantization: Optional[str], root: Optional[str], progress: bool) -> Path:
    """Download and install the Argos package `name` (its code, e.g. translate-ko_en, or ko-en)."""
    packages = [
        p for p in _argos_packages() if name in (p.get("code"), f"{p['from_code']}-{p['to_code']}")
    ]
    if not packages:
        raise UserError(
            f"{name}: no such ko/en package in the Argos package index ({argos_index_url()}); "
            "`mtalign model list --remote` shows what there is"
        )
    package = max(packages, key=_version_key)
    code = package.get("code") or f"translate-{package['from_code']}_{package['to_code']}"
    version = str(package.get("package_version", "0"))
    source = f"Argos package {code} {version}"
    archive = _download_first(
        package.get("links", []),
        downloads_dir(root) / f"{code}-{version}.argosmodel",
        source,
        progress,
    )
    try:
        return install_argos_archive(archive, f"argos:{code}", quantization, root)
    finally:
        archive.unlink()  # installed, or refused: a corrupt archive must not be reused


def _hub_files(base: str, repo: str, revision: str) -> Dict[str, dict]:
    tree = get_json(f"{base}/api/models/{repo}/tree/{revision}?recursive=true", HUB)
    return {
        entry["path"]: entry
        for entry in tree
        if isinstance(entry, dict) and entry.get("type") == "file"
    }


def _wanted(files: Dict[str, dict]) -> List[str]:
    if "model.bin" in files:
        return [path for path in files if not path.endswith(SKIPPED) and "/" not in path]
    weights = next((name for name in WEIGHTS if name in files), None)
    if "config.json" not in files or weights is None:
        raise UserError(
            "neither a CTranslate2 model (model.bin) nor a Hugging Face checkpoint (config.json "
            "with model.safetensors or pytorch_model.bin)"
        )
    require_convert_extra()  # before downloading gigabytes that could not be used
    return [path for path in files if path in CHECKPOINT_FILES] + [weights]


def _download_repo(
    base: str, repo: str, revision: str, files: Dict[str, dict], folder: Path, progress: bool
) -> None:
    for path in _wanted(files):
        entry = files[path]
        lfs = entry.get("lfs") or {}
        url = f"{base}/{urllib.parse.quote(repo)}/resolve/{revision}/{urllib.parse.quote(path)}"
        download(
            url,
            folder / path,
            HUB,
            size=lfs.get("size", entry.get("size")),
            sha256=lfs.get("oid"),
            progress=progress,
        )


def _licence(info: dict) -> str:
    card = info.get("cardData") or {}
    tags = [
        tag[len("license:") :] for tag in info.get("tags", []) if str(tag).startswith("license:")
    ]
    return str(card.get("license") or (tags[0] if tags else "not stated"))


def get_hub(repo: str, quantization: Optional[str], root: Optional[str], progress: bool) -> Path:
    """Download a Hub repository at its current commit: a CTranslate2 model is installed as it is,
    a checkpoint is converted first (the convert extra)."""
    base = hf_endpoint()
    try:
        info = get_json(f"{base}/api/models/{repo}", HUB)
        revision = str(info.get("sha") or "main")
        files = _hub_files(base, repo, revision)
        folder = downloads_dir(root) / "hf" / repo.replace("/", "--") / revision
        _download_repo(base, repo, revision, files, folder, progress)
    except UserError as err:
        raise UserError(f"hf:{repo}: {err}") from None
    pair = NAMED_PAIR.search(repo.lower())
    record = {
        "source": f"hf:{repo}",
        "format": "ctranslate2",
        "version": revision,
        "licence": _licence(info),
        "languages": [f"{pair[1]}-{pair[2]}"] if pair else [],
        "quantization": quantization,
    }
    try:
        with staging(root) as staged:
            if "model.bin" in files:
                shutil.move(str(folder), str(staged / "model"))
            else:
                record.update(format="converted checkpoint", quantization=quantization or "int8")
                convert_model(str(folder), str(staged / "model"), record["quantization"])
            return install(staged / "model", "hf-" + repo.replace("/", "--"), record, root)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # complete downloads are not reused after this


def get_model(
    spec: str, quantization: Optional[str] = None, root: Optional[str] = None, progress: bool = True
) -> Path:
    """Install the model `spec` names (ko-en, en-ko, argos:CODE, hf:OWNER/REPO); its folder."""
    source, _, name = spec.partition(":") if ":" in spec else ("argos", "", spec)
    getter = {"argos": get_argos, "hf": get_hub}.get(source)
    if getter and (source != "hf" or name.count("/") == 1):
        with store_lock(root):
            return getter(name, quantization, root, progress)
    raise UserError(
        f"{spec}: not a model to get (use ko-en, en-ko, argos:CODE or hf:OWNER/REPO; "
        "`mtalign model list --remote` shows what there is)"
    )

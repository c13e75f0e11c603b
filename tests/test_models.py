"""Getting models: an Argos package index, .argosmodel packages and Hugging Face Hub file
endpoints served from 127.0.0.1 by the test; fresh, interrupted-and-resumed, bad-checksum,
corrupt and offline downloads; then translating with the installed model by language pair."""

import hashlib
import importlib.util
import io
import json
import re
import socket
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mtalign.cli import main
from mtalign.errors import UserError
from mtalign.translate import Engine
from mtalign.translate.download import download
from mtalign.translate.models import installed_models, resolve_model
from mtalign.translate.sources import remote_models
from tests.conftest import run_cli, run_main
from tests.tiny_model import build

README = "# Korean-English\n\nLicense: CC0 (test package)\n"
METADATA = {"package_version": "1.0", "argos_version": "1.0", "from_code": "ko",
            "from_name": "Korean", "to_code": "en", "to_name": "English"}  # Argos's metadata.json


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build(tmp_path_factory.mktemp("tiny") / "model")


def _argosmodel(model, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """An .argosmodel as Argos Translate lays it out: one folder with metadata.json, model/
    (the CTranslate2 model), sentencepiece.model and README.md."""
    top = "translate-ko_en-1_0"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr(f"{top}/metadata.json", json.dumps(METADATA))
        archive.writestr(f"{top}/README.md", README)
        archive.write(model / "source.spm", f"{top}/sentencepiece.model")
        for item in sorted(model.iterdir()):
            if not item.name.endswith(".spm"):
                archive.write(item, f"{top}/model/{item.name}")
    return buffer.getvalue()


def _corrupt(package: bytes) -> bytes:
    """The same archive with one byte of model.bin's stored data changed: its CRC fails."""
    info = zipfile.ZipFile(io.BytesIO(package)).getinfo("translate-ko_en-1_0/model/model.bin")
    local_header = 30 + len(info.filename.encode()) + len(info.extra)
    position = info.header_offset + local_header + info.compress_size // 2
    damaged = bytearray(package)
    damaged[position] ^= 0xFF
    return bytes(damaged)


class Served:
    """Files by URL path; `cut` paths are cut off halfway the first time they are sent."""

    def __init__(self):
        self.files, self.cut, self.ranges, self.requested = {}, set(), [], []
        self.range_support = True


def _handler(served):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            served.requested.append(self.path)
            body = served.files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            wanted = self.headers.get("Range") if served.range_support else None
            start = int(wanted.split("=")[1].split("-")[0]) if wanted else 0
            if wanted:
                served.ranges.append((self.path, wanted))
            self.send_response(206 if wanted else 200)
            if wanted:
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            self.send_header("Content-Length", str(len(body) - start))
            self.end_headers()
            if self.path in served.cut:
                served.cut.discard(self.path)
                body = body[: len(body) // 2]  # then the connection closes: an interrupted download
            self.wfile.write(body[start:])

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def server(monkeypatch, tmp_path):
    served = Served()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    monkeypatch.setenv("MTALIGN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MTALIGN_ARGOS_INDEX", f"{served.url}/index.json")
    monkeypatch.setenv("MTALIGN_HF_ENDPOINT", served.url)
    yield served
    httpd.shutdown()
    httpd.server_close()


def _serve_package(served, package: bytes) -> None:
    link = f"{served.url}/v1/translate-ko_en-1_0.argosmodel"
    entry = {**METADATA, "links": ["ipfs://QmNotFetched", link], "code": "translate-ko_en"}
    unrelated = {
        **entry,
        "from_code": "de",
        "to_code": "en",
        "code": "translate-de_en",
        "links": [],
    }
    served.files["/index.json"] = json.dumps([unrelated, entry]).encode()
    served.files["/v1/translate-ko_en-1_0.argosmodel"] = package


def _store_is_empty(tmp_path) -> bool:
    store = tmp_path / "home" / "models"
    kept = (".downloads", ".lock")  # part files to resume, and the store's lock file
    return not store.exists() or all(item.name in kept for item in store.iterdir())


def test_get_then_translate_by_language_pair(tiny, server, tmp_path, capsys):
    _serve_package(server, _argosmodel(tiny))
    result = run_main("model", "get", "ko-en")
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "home" / "models" / "argos-ko-en"
    assert result.stdout.strip() == str(folder)
    assert (
        "translate-ko_en-1.0.argosmodel" in result.stderr and "100%" in result.stderr
    )  # progress bar
    (model,) = installed_models()
    assert (model.languages, model.version, model.source) == (
        ["ko-en"],
        "1.0",
        "argos:translate-ko_en",
    )
    assert model.licence == "License: CC0 (test package)" and model.family == "marian"
    assert not list(
        (tmp_path / "home" / "models" / ".downloads").iterdir()
    )  # the archive is removed
    source = tmp_path / "in.ko.txt"
    source.write_text("평양에서 회담이 열렸다.\n서울은 맑았다.\n", encoding="utf-8")
    out = tmp_path / "out"
    translated = run_main(  # the tiny model never ends a sentence: cap it
        "translate", source, "--model", "ko-en", "--out", out, "--format", "json",
        "--max-length", 24,
    )
    assert translated.returncode in (0, 1), translated.stderr
    assert f"--model ko-en: {folder}" in translated.stderr  # says which model translates
    assert json.loads(translated.stdout)["from_model"] == 2
    assert len((out / source.name).read_text(encoding="utf-8").splitlines()) == 2
    assert main(["model", "list"]) == 0
    assert re.search(r"argos-ko-en +ko-en +marian +\d+\.\d MB +as published +argos:translate-ko_en",
                     capsys.readouterr().out)
    remote, problems = remote_models()
    assert not problems and {"argos:translate-ko_en", "hf:Helsinki-NLP/opus-mt-ko-en"} <= {
        m.spec for m in remote
    }


def test_interrupted_download_resumes_with_a_range_request(tiny, server, tmp_path):
    package = _argosmodel(tiny)
    _serve_package(server, package)
    server.cut.add("/v1/translate-ko_en-1_0.argosmodel")
    first = run_main("model", "get", "ko-en", "-q")
    assert (
        first.returncode == 2 and "interrupted" in first.stderr and "Traceback" not in first.stderr
    )
    assert len(first.stderr.strip().splitlines()) == 1
    (part,) = (tmp_path / "home" / "models" / ".downloads").glob("*.part")
    assert part.stat().st_size == len(package) // 2 and _store_is_empty(tmp_path)
    second = run_main("model", "get", "ko-en", "-q")
    assert second.returncode == 0, second.stderr
    assert server.ranges == [("/v1/translate-ko_en-1_0.argosmodel", f"bytes={len(package) // 2}-")]
    assert [model.name for model in installed_models()] == ["argos-ko-en"]


def test_a_server_without_range_support_sends_the_whole_file_again(server, tmp_path):
    server.range_support = False
    body = bytes(range(256)) * 64
    server.files["/file.bin"] = body
    dest = tmp_path / "file.bin"
    Path(f"{dest}.part").write_bytes(b"x" * 100)  # left by an interrupted run
    download(f"{server.url}/file.bin", dest, "test", size=len(body), progress=False)
    assert dest.read_bytes() == body and not Path(f"{dest}.part").exists()


def test_an_archive_reaching_outside_its_folder_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv("MTALIGN_HOME", str(tmp_path / "home"))
    package = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("translate-ko_en-1_0/metadata.json", json.dumps(METADATA))
        archive.writestr("translate-ko_en-1_0/../../escaped.txt", "outside")
    with pytest.raises(UserError, match="not an Argos package"):
        resolve_model(str(package), "ko", "en")
    assert not list(tmp_path.rglob("escaped.txt")) and not installed_models()


def test_one_install_at_a_time_per_store(tiny, server, tmp_path):
    fcntl = pytest.importorskip("fcntl")
    _serve_package(server, _argosmodel(tiny))
    store = tmp_path / "home" / "models"
    store.mkdir(parents=True)
    with open(store / ".lock", "w") as held:  # as a running `model get` holds it
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run_cli("model", "get", "ko-en", "-q")
    assert result.returncode == 2 and "another mtalign command is installing" in result.stderr
    assert not server.requested and not installed_models()


def test_corrupt_archive_is_refused_and_nothing_installed(tiny, server, tmp_path):
    _serve_package(server, _corrupt(_argosmodel(tiny, zipfile.ZIP_STORED)))
    result = run_main("model", "get", "ko-en", "-q")
    assert result.returncode == 2 and "corrupt archive" in result.stderr, result.stderr
    assert _store_is_empty(tmp_path) and not installed_models()
    assert not list((tmp_path / "home" / "models" / ".downloads").iterdir())  # not reused later


def _serve_hub_repo(served, model, sha256_of=lambda data: hashlib.sha256(data).hexdigest()):
    repo, commit = "test/tiny-ct2-ko-en", "0123abcd"
    served.files[f"/api/models/{repo}"] = json.dumps(
        {"id": repo, "sha": commit, "tags": ["ctranslate2", "license:apache-2.0"]}
    ).encode()
    tree = []
    for item in sorted(model.iterdir()):
        data = item.read_bytes()
        lfs = {"oid": sha256_of(data), "size": len(data), "pointerSize": 130}
        tree.append(
            {
                "type": "file",
                "oid": "gitblob",
                "size": len(data),
                "path": item.name,
                **({"lfs": lfs} if item.name == "model.bin" else {}),
            }
        )
        served.files[f"/{repo}/resolve/{commit}/{item.name}"] = data
    tree.append({"type": "file", "oid": "x", "size": 3, "path": ".gitattributes"})
    served.files[f"/api/models/{repo}/tree/{commit}?recursive=true"] = json.dumps(tree).encode()
    return repo


def test_hub_ctranslate2_repository_is_installed_as_it_is(tiny, server, tmp_path, capsys):
    repo = _serve_hub_repo(server, tiny)
    store = tmp_path / "elsewhere"
    result = run_main("model", "get", f"hf:{repo}", "--quantization", "int8", "--dir", store, "-q")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(store / "hf-test--tiny-ct2-ko-en")
    (model,) = installed_models(str(store))
    assert (model.languages, model.licence) == (["ko-en"], "apache-2.0")
    assert (model.version, model.quantization) == ("0123abcd", "int8")
    assert Engine(model.path).files.compute_type == "int8"  # the default compute type
    assert main(["model", "list", "--dir", str(store), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["source"] == f"hf:{repo}"


def test_bad_checksum_is_refused_and_nothing_installed(tiny, server, tmp_path):
    repo = _serve_hub_repo(server, tiny, sha256_of=lambda data: "0" * 64)
    result = run_main("model", "get", f"hf:{repo}", "-q")
    assert result.returncode == 2 and "SHA-256" in result.stderr and "model.bin" in result.stderr
    assert _store_is_empty(tmp_path) and not list((tmp_path / "home").rglob("model.bin*"))


def test_hub_checkpoint_without_torch_stops_before_downloading(server):
    if importlib.util.find_spec("torch"):
        pytest.skip("torch is installed")
    repo, commit = "Helsinki-NLP/opus-mt-ko-en", "feed"
    server.files[f"/api/models/{repo}"] = json.dumps({"sha": commit}).encode()
    names = ("config.json", "model.safetensors")
    tree = [{"type": "file", "path": name, "size": 9} for name in names]
    server.files[f"/api/models/{repo}/tree/{commit}?recursive=true"] = json.dumps(tree).encode()
    result = run_main("model", "get", f"hf:{repo}")
    assert result.returncode == 2 and "mtalign[convert]" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not any("/resolve/" in path for path in server.requested)


def test_offline_fails_fast_naming_the_source(monkeypatch, tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("MTALIGN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MTALIGN_ARGOS_INDEX", f"http://127.0.0.1:{port}/index.json")
    started = time.monotonic()
    result = run_main("model", "get", "ko-en")
    assert time.monotonic() - started < 30
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "Argos package index" in result.stderr and f"127.0.0.1:{port}" in result.stderr
    listing = run_main("model", "list", "--remote")  # the Hub catalogue, and a warning
    assert listing.returncode == 1 and "hf:facebook/nllb-200-distilled-600M" in listing.stdout
    assert "Argos package index" in listing.stderr


def test_argosmodel_file_as_model_and_unknown_names(tiny, monkeypatch, tmp_path):
    monkeypatch.setenv("MTALIGN_HOME", str(tmp_path / "home"))
    package = tmp_path / "translate-ko_en-1_0.argosmodel"
    package.write_bytes(_argosmodel(tiny))
    folder = resolve_model(str(package), "ko", "en")
    assert resolve_model(str(package), "ko", "en") == folder  # installed once, then reused
    assert resolve_model("argos-ko-en", "ko", "en") == folder
    with pytest.raises(UserError, match="installed: argos-ko-en .*mtalign model get en-ko"):
        resolve_model("en-ko", "en", "ko")
    with pytest.raises(UserError, match="--src en --tgt ko"):
        resolve_model("en-ko", "ko", "en")
    Path(folder, "mtalign-model.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="mtalign-model.json: not valid JSON"):
        installed_models()


def test_convert_without_torch_is_one_line_naming_the_extra(tmp_path):
    pytest.importorskip("ctranslate2")
    try:
        import torch  # noqa: F401

        pytest.skip("torch is installed")
    except ImportError:
        pass
    checkpoint = tmp_path / "hf"
    checkpoint.mkdir()
    (checkpoint / "config.json").write_text("{}", encoding="utf-8")
    result = run_main("model", "convert", checkpoint, tmp_path / "out")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "mtalign[convert]" in result.stderr and "Traceback" not in result.stderr

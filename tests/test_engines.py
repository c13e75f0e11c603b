"""The local and Ray Data engines give byte-identical outputs; Ray survives a killed worker and
runs across a two-node cluster; bad set-ups are one-line errors.

The Ray tests share one two-node cluster started on this machine (a head and a worker node with
one CPU each), so a two-worker pool necessarily spans both nodes.
"""

import os
import re
import signal
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from mtalign.align.jobs import read_jobs
from mtalign.cli import main
from mtalign.engines import EngineConfig
from mtalign.engines.jobs import GROUP_JOBS, JobOptions, manifest_path, run_align_jobs
from tests.conftest import REPO, SHARED_DATA, run_cli
from tests.tiny_model import build

TIMESTAMP = re.compile(rb'creationdate="\d{8}T\d{6}Z"')


def _documents(folder: Path, count: int) -> Path:
    """`count` small Korean/English document pairs cut from the dev data, and their jobs file."""
    ko = (SHARED_DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
    en = (SHARED_DATA / "korean-english-park.dev.en").read_text(encoding="utf-8").splitlines()
    folder.mkdir(parents=True, exist_ok=True)
    lines, start = [], 0
    for number in range(count):
        size = 2 + number % 3
        (folder / f"{number:03}.ko.txt").write_text(
            "\n".join(ko[start : start + size]) + "\n", encoding="utf-8"
        )
        (folder / f"{number:03}.en.txt").write_text(
            "\n".join(en[start : start + size]) + "\n", encoding="utf-8"
        )
        lines.append(
            f"{folder}/{number:03}.ko.txt\t{folder}/{number:03}.en.txt\tOUT/{number:03}.jsonl"
        )
        start += size
    jobs = folder / "jobs.tsv"
    jobs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return jobs


def _jobs_into(jobs: Path, out: Path) -> Path:
    copy = out.parent / f"{out.name}.jobs.tsv"
    copy.write_text(jobs.read_text(encoding="utf-8").replace("OUT/", f"{out}/"), encoding="utf-8")
    return copy


def _tree(folder: Path) -> dict:
    """Every output's bytes, TMX timestamps blanked. A worker killed while writing leaves its
    atomic write's hidden temporary file behind (never the output itself): not an output."""
    return {
        path.relative_to(folder).as_posix(): TIMESTAMP.sub(b"", path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not (path.name.startswith(".") and path.name.endswith(".tmp"))
    }


@pytest.fixture(scope="module")
def pairs(tmp_path_factory):
    """50 pairs aligned once with the local engine: the reference."""
    root = tmp_path_factory.mktemp("pairs")
    jobs = _documents(root / "docs", 50)
    local = root / "local"
    assert main(["align", "--jobs", str(_jobs_into(jobs, local)), "-q", "--presegmented"]) == 0
    return jobs, _tree(local)


@pytest.fixture(scope="module")
def cluster():
    ray = pytest.importorskip("ray")
    from ray.cluster_utils import Cluster

    cluster = Cluster(
        initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False}
    )
    cluster.add_node(num_cpus=1)
    ray.init(address=cluster.address, log_to_driver=False, logging_level="ERROR")
    yield cluster
    ray.shutdown()
    cluster.shutdown()


@pytest.mark.slow
def test_align_jobs_across_two_nodes_is_byte_identical(cluster, pairs, tmp_path):
    import ray

    assert sum(node["Alive"] for node in ray.nodes()) == 2
    jobs, reference = pairs
    out = tmp_path / "ray"
    code = main(
        [
            "align",
            "--jobs",
            str(_jobs_into(jobs, out)),
            "-q",
            "--presegmented",
            "--engine",
            "ray",
            "--ray-address",
            cluster.address,
            "--workers",
            "2",
        ]
    )
    assert code == 0
    assert _tree(out) == reference


def _descendants_named(fragment: str) -> list:
    """Processes below this one (the test's Ray cluster) whose command line holds `fragment`."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            parents[int(entry)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmdline)
    found = []
    for pid, (_, cmdline) in parents.items():
        ancestor = pid
        while ancestor in parents and ancestor != os.getpid():
            ancestor = parents[ancestor][0]
        if ancestor == os.getpid() and fragment in cmdline:
            found.append(pid)
    return found


@pytest.mark.slow
def test_killed_worker_is_retried_and_nothing_is_lost_or_doubled(cluster, pairs, tmp_path):
    jobs, reference = pairs
    out = tmp_path / "ray"
    jobs_file = _jobs_into(jobs, out)
    killed = []

    def kill_an_actor_mid_run():
        deadline = time.time() + 60
        while time.time() < deadline and not killed:
            done = len(list(out.glob("*.jsonl"))) if out.exists() else 0
            actors = _descendants_named("_ModelWorker")
            if 3 <= done < 40 and actors:
                os.kill(actors[0], signal.SIGKILL)
                killed.append(done)
            time.sleep(0.01)

    killer = threading.Thread(target=kill_an_actor_mid_run)
    killer.start()
    options = JobOptions("jsonl", presegmented=True)
    results = list(
        run_align_jobs(
            EngineConfig("ray", workers=2),
            str(jobs_file),
            read_jobs(str(jobs_file)),
            options,
            progress=False,
        )
    )
    killer.join()
    assert killed and killed[0] < 40, "no worker was killed mid-run"
    assert [outcome.index for _, outcome in results] == list(range(50))
    assert all(outcome.error is None for _, outcome in results)
    assert _tree(out) == reference


@pytest.mark.slow
def test_run_on_corpora_is_byte_identical(cluster, main_job, tmp_path):
    local, _ = main_job  # the session's local run over corpora/
    ray_out = tmp_path / "ray"
    assert (
        main(
            [
                "run",
                str(REPO / "corpora"),
                "--out",
                str(ray_out),
                "-q",
                "--engine",
                "ray",
                "--workers",
                "2",
            ]
        )
        == 0
    )
    assert _tree(ray_out) == _tree(local) and len(_tree(local)) == 7


@pytest.mark.slow
def test_translate_is_byte_identical(cluster, tmp_path):
    model = build(tmp_path / "model")
    lines = (
        (SHARED_DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()[:300]
    )
    source = tmp_path / "news.ko.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = {}
    for engine in ("local", "ray"):
        extra = ["--engine", "ray", "--workers", "2"] if engine == "ray" else []
        main(
            [
                "translate",
                str(source),
                "--model",
                str(model),
                "--out",
                str(tmp_path / engine),
                "-q",
                "--format",
                "json",
                "--max-length",
                "24",  # the random tiny model never ends a sentence by itself
                *extra,
            ]
        )
        outputs[engine] = _tree(tmp_path / engine)
    assert outputs["ray"] == outputs["local"]
    assert len(outputs["local"]["news.ko.txt"]) > 0


@pytest.mark.slow
def test_align_jobs_skips_finished_groups_and_redoes_changed_ones(tmp_path):
    jobs = _documents(tmp_path / "docs", GROUP_JOBS + 2)  # two rows: 16 jobs and 2
    out = tmp_path / "local"
    jobs_file = _jobs_into(jobs, out)
    assert main(["align", "--jobs", str(jobs_file), "-q", "--presegmented"]) == 0
    first = (out / "017.jsonl").read_bytes()
    (out / "017.jsonl").write_text("edited by hand\n", encoding="utf-8")
    before = {path.name: path.stat().st_mtime_ns for path in out.iterdir()}
    assert main(["align", "--jobs", str(jobs_file), "-q", "--presegmented"]) == 0
    after = {path.name: path.stat().st_mtime_ns for path in out.iterdir()}
    assert all(after[f"{n:03}.jsonl"] == before[f"{n:03}.jsonl"] for n in range(GROUP_JOBS))
    assert after["016.jsonl"] != before["016.jsonl"]  # same row as the edited output: redone
    assert (out / "017.jsonl").read_bytes() == first
    assert Path(manifest_path(str(jobs_file))).is_file()


def test_without_the_ray_extra_is_a_one_line_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("a\tb\tc\n", encoding="utf-8")
    assert main(["align", "--jobs", str(jobs), "--engine", "ray"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "mtalign[ray]" in err[0]


def _bad_address_is_a_quick_one_line_error(address, tmp_path):
    pytest.importorskip("ray")
    jobs = tmp_path / "jobs.tsv"
    jobs.write_text("a\tb\tc\n", encoding="utf-8")
    start = time.monotonic()
    result = run_cli("align", "--jobs", jobs, "--engine", "ray", "--ray-address", address)
    assert time.monotonic() - start < 30
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and address in result.stderr
    return result.stderr


@pytest.mark.parametrize("address", ["127.0.0.1:9", "nohost"])
def test_bad_ray_address_is_a_quick_one_line_error(address, tmp_path):
    _bad_address_is_a_quick_one_line_error(address, tmp_path)


@pytest.mark.slow
def test_an_address_where_something_else_listens_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("MTALIGN_RAY_JOIN_TIMEOUT", "2")  # the real 20 s wait proves nothing more
    with socket.socket() as server:  # accepts connections, speaks no Ray
        server.bind(("127.0.0.1", 0))
        server.listen()
        stderr = _bad_address_is_a_quick_one_line_error(
            f"127.0.0.1:{server.getsockname()[1]}", tmp_path
        )
    assert "no Ray cluster answered within 2 s" in stderr


def test_ray_options_need_the_ray_engine(tmp_path, capsys):
    assert main(["run", str(REPO / "corpora"), "--out", str(tmp_path), "--workers", "2"]) == 2
    assert "need --engine ray" in capsys.readouterr().err


def test_ray_noise_goes_to_a_log_and_our_messages_to_the_terminal(capfd):
    from mtalign.engines.ray import _stderr_to_log

    with _stderr_to_log():
        os.write(2, b"(raylet) noise from a Ray process\n")
        print("mtalign: our message", file=sys.stderr)
    err = capfd.readouterr().err
    assert "mtalign: our message" in err and "noise" not in err

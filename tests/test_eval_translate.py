"""scripts/eval_translate.py end to end on the tiny test model: the figures are meaningless,
the plumbing (translation, sacreBLEU, glossary share, check findings, speed) is proven."""

import json
import runpy

import pytest

from tests.conftest import REPO, SHARED_DATA, call_main
from tests.tiny_model import build

SCRIPT = REPO / "scripts" / "eval_translate.py"


def _eval(*args):
    """The script's main() in this process: its figures are the point, not its start-up."""
    main = runpy.run_path(str(SCRIPT))["main"]
    return call_main(main, [*map(str, args), "--format", "json"])


@pytest.fixture
def data(tmp_path):
    if not SHARED_DATA.exists():
        pytest.skip("the shared dev data is not beside the repository")
    folder = tmp_path / "data"
    folder.mkdir()
    for suffix in ("ko", "en"):
        lines = (SHARED_DATA / f"korean-english-park.dev.{suffix}").read_text(encoding="utf-8")
        (folder / f"dev.{suffix}").write_text(
            "\n".join(lines.splitlines()[:12]) + "\n", encoding="utf-8"
        )
    return folder


def test_reports_bleu_chrf_terms_findings_and_speed(tmp_path, data):
    pytest.importorskip("sacrebleu")
    model = build(tmp_path / "nllb", language_codes=("kor_Hang", "eng_Latn"))
    result = _eval("--model", model, "--data", data, "--threads", "1")
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert [report["direction"] for report in reports] == ["ko-en", "en-ko"]  # NLLB: both ways
    for report in reports:
        assert (
            report["sentences"] == 12 and 0 <= report["bleu"] <= 100 and 0 <= report["chrf"] <= 100
        )
        assert report["sentences_per_second"] > 0 and isinstance(report["check_findings"], int)
    ko_en = reports[0]
    assert ko_en["terms"] > 0 and ko_en["terms_in_house_style"] >= 0.9  # the glossary is protected


def test_unknown_model_is_one_line(tmp_path, data):
    result = _eval("--model", "ko-en", "--data", data)
    assert result.returncode == 2 and "mtalign model get ko-en" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

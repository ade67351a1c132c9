"""A wheel installed into a fresh venv, run from outside the repo, renders every format."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    source = tmp_path_factory.mktemp("src") / "compare"
    # Build from a copy of the tracked layout so a stray build folder in the checkout cannot leak in.
    shutil.copytree(
        REPO, source, ignore=shutil.ignore_patterns(".venv", ".git", "reports", "__pycache__", "*.egg-info")
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(source),
        ]
        if _has_hatchling()
        else [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("compare-*.whl")
    return built


def _has_hatchling() -> bool:
    try:
        import hatchling  # noqa: F401
    except ImportError:
        return False
    return True


def test_wheel_ships_templates_and_assets(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "compare/templates/report.html.j2" in names
    assert "compare/py.typed" in names
    assert any(name.startswith("compare/assets/minilm/tokenizer.json") for name in names)
    # the sentence-pair model ships with its notice and card (training data attribution)
    for asset in ("model.onnx", "NOTICE", "MODEL_CARD.md"):
        assert f"compare/assets/nli/{asset}" in names, asset


def test_wheel_in_fresh_venv_renders_every_format_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # Reuse this environment's dependencies (already installed) without the project itself.
    site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-compile",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (site / "zz_project.pth").write_text(str(target) + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    for seed in (REPO / "seeds").iterdir():
        shutil.copy(seed, work / seed.name)
    out = work / "out"
    result = subprocess.run(
        [
            str(python),
            "-c",
            "import sys; from compare.cli import main; sys.exit(main())",
            "report",
            *sorted(str(p) for p in work.glob("*.txt")),
            "-o",
            str(out),
            "--quiet",
            "--now",
            "2025-08-24T12:00:00+00:00",
            "--judge",
            "model",  # the sentence-pair model, loaded from the installed wheel
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    located = subprocess.check_output(
        [str(python), "-c", "import compare;print(compare.__file__)"], cwd=work, text=True
    )
    assert str(target) in located and str(REPO) not in located
    reports = {"report.json", "report.html", "report.pdf", "report.md"}
    assert {p.name for p in out.iterdir()} == {".compare-report", *reports}  # the marker: a report folder
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["format"] == 1
    assert report["settings"]["judge"] == "model"  # the installed wheel read pairs with its own model
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "<html" in (out / "report.html").read_text(encoding="utf-8").lower()

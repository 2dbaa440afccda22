"""archive.background: work queued by a build's hooks, done by one second process per start() while the build goes
on; its failures reported by finish(); done at once, in the same process, where forking is not safe."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from archive import background


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    # pytest's process may have threads of its own (Playwright's); these tests are about what the child does
    monkeypatch.setattr(background, "can_fork", lambda: True)


def test_queued_work_runs_in_one_other_process_and_is_done_when_finish_returns(tmp_path: Path, forking: None) -> None:
    release = tmp_path / "go"

    def work(name: str):
        def write() -> None:
            while not release.exists():  # the caller goes on while the child waits
                time.sleep(0.01)
            (tmp_path / name).write_text(str(os.getpid()))
        return write

    background.run("first", work("a"))
    background.run("second", work("b"))
    assert not list(tmp_path.iterdir())  # queued, not started
    background.start()
    release.touch()
    background.finish()
    pids = {(tmp_path / name).read_text() for name in "ab"}
    assert len(pids) == 1 and pids != {str(os.getpid())}  # both in one child, not here


def test_a_failure_is_raised_by_finish_naming_the_work_and_the_error(tmp_path: Path, forking: None) -> None:
    def fails() -> None:
        raise OSError(28, "No space left on device")

    background.run("the search index of site/search/ru", fails)
    background.run("the citation files", lambda: (tmp_path / "ok").touch())
    with pytest.raises(background.BackgroundError) as err:
        background.finish()  # starts what is queued, too
    assert str(err.value) == "the search index of site/search/ru: OSError: [Errno 28] No space left on device"
    assert (tmp_path / "ok").exists()  # the work after it still ran
    background.finish()  # nothing left to wait for


def test_with_other_threads_the_work_is_done_at_once_in_this_process(tmp_path: Path) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not background.can_fork()
        background.run("the test file", lambda: (tmp_path / "pid").write_text(str(os.getpid())))
        assert (tmp_path / "pid").read_text() == str(os.getpid())
    finally:
        stop.set()
        thread.join()

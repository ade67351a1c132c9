"""Where a batch's work runs: here one task after another, in N local processes, or on a Dask cluster.

Every way runs the same functions on the same tasks, so the reports are the same bytes whichever is
used. One runner serves the whole batch (preparing the articles, then comparing the stories), so
each process loads the models once and keeps them for every task it is given. Results are yielded
as tasks finish.
"""

from __future__ import annotations

import multiprocessing
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from compare.errors import CompareError, OptionsError

__all__ = ["DASK_HINT", "Runner", "runner"]

DASK_HINT = "pip install 'compare[dask]'"

Task = TypeVar("Task")
Result = TypeVar("Result")


class Runner(Protocol):
    """Runs a function over tasks; yields each result as its task finishes."""

    def run(self, function: Callable[[Task], Result], tasks: Sequence[Task]) -> Iterator[Result]: ...


@contextmanager
def runner(*, workers: int = 1, dask: str | None = None) -> Iterator[Runner]:
    """The runner for these settings, open for the block.

    Args:
        workers: local processes (1: in this process); with `dask`, the local cluster's size.
        dask: "local" for a Dask LocalCluster on this machine, or a scheduler address
            ("tcp://host:8786") of a running cluster.
    """
    if dask is not None:
        with _dask_runner(dask, workers) as found:
            yield found
    elif workers <= 1:
        yield _Here()
    else:
        with _processes(workers) as found:
            yield found


class _Here:
    def run(self, function: Callable[[Task], Result], tasks: Sequence[Task]) -> Iterator[Result]:
        for task in tasks:
            yield function(task)


class _Processes:
    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self._pool = pool

    def run(self, function: Callable[[Task], Result], tasks: Sequence[Task]) -> Iterator[Result]:
        pending: set[Future[Result]] = {self._pool.submit(function, task) for task in tasks}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        except BrokenProcessPool:
            raise CompareError(
                "a worker process stopped without finishing its task (out of memory?); "
                "the stories written so far are kept"
            ) from None
        finally:
            for future in pending:
                future.cancel()


@contextmanager
def _processes(workers: int) -> Iterator[_Processes]:
    # spawn, not fork: this process may hold onnxruntime's and the signal watcher's threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield _Processes(pool)


class _Dask:
    def __init__(self, client: Any) -> None:
        self._client = client
        self._run = uuid.uuid4().hex[:8]  # keys are global on a shared scheduler: another batch's never match

    def run(self, function: Callable[[Task], Result], tasks: Sequence[Task]) -> Iterator[Result]:
        from dask.distributed import as_completed

        name = getattr(function, "__name__", "task")
        keys = [f"compare-{self._run}-{name}-{index}" for index in range(len(tasks))]
        for future in as_completed(self._client.map(function, tasks, key=keys)):
            yield future.result()


@contextmanager
def _dask_runner(address: str, workers: int) -> Iterator[_Dask]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise OptionsError(f"--dask needs dask.distributed: {DASK_HINT}") from None
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
            )
            client = Client(cluster)
        else:
            client = Client(address, timeout=30)
    except (
        Exception
    ) as error:  # distributed raises OSError, TimeoutError or RuntimeError("... failed to start")
        if cluster is not None:
            cluster.close()
        raise OptionsError(f"--dask {address}: cannot start or reach the cluster: {error}") from None
    try:
        yield _Dask(client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

"""Where a batch's stories run: here one after another, in N local processes, or on a Dask cluster.

Every way runs the same `run_story` on the same tasks, so the reports are the same bytes whichever is
used. Each process loads the models once (they are cached per process) and keeps them for every
story it is given. Stories are handed out largest first, so one long story does not finish last
alone. Outcomes are yielded as stories finish; the caller writes the index after each.
"""

from __future__ import annotations

import multiprocessing
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from compare.batching.story import StoryOutcome, StoryTask, run_story
from compare.errors import CompareError, OptionsError

__all__ = ["DASK_HINT", "run_stories"]

DASK_HINT = "pip install 'compare[dask]'"


def run_stories(
    tasks: Sequence[StoryTask], *, workers: int = 1, dask: str | None = None
) -> Iterator[StoryOutcome]:
    """Run every task; yields each outcome as its story finishes.

    Args:
        tasks: the stories to run.
        workers: local processes (1: in this process); with `dask`, the local cluster's size.
        dask: "local" for a Dask LocalCluster on this machine, or a scheduler address
            ("tcp://host:8786") of a running cluster.
    """
    ordered = sorted(tasks, key=lambda task: (-sum(len(d.text) for d in task.documents), task.story_id))
    if dask is not None:
        yield from _on_dask(ordered, dask, workers)
    elif workers <= 1 or len(ordered) <= 1:
        for task in ordered:
            yield run_story(task)
    else:
        yield from _in_processes(ordered, workers)


def _in_processes(tasks: Sequence[StoryTask], workers: int) -> Iterator[StoryOutcome]:
    # spawn, not fork: this process may hold onnxruntime's and the signal watcher's threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context) as pool:
        pending: set[Future[StoryOutcome]] = {pool.submit(run_story, task) for task in tasks}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        except BrokenProcessPool:
            raise CompareError(
                "a worker process stopped without finishing its story (out of memory?); "
                "the stories written so far are kept"
            ) from None
        finally:
            for future in pending:
                future.cancel()


def _on_dask(tasks: Sequence[StoryTask], address: str, workers: int) -> Iterator[StoryOutcome]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
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
        raise OptionsError(f"--dask {address}: cannot start or reach the cluster: {error}") from None
    try:
        run = uuid.uuid4().hex[:8]  # keys are global on a shared scheduler: another batch's never match
        futures = client.map(run_story, tasks, key=[f"compare-{run}-{task.story_id}" for task in tasks])
        for future in as_completed(futures):
            outcome = future.result()
            assert isinstance(outcome, StoryOutcome)
            yield outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

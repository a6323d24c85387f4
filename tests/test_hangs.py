"""Runs that end: a night whose clean-up hangs still exits, and a hung process says where it waits.

A process that never exits keeps the data dir's lock, so every later night refuses
to start; these are real processes, killed and hung on purpose.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def python(code: str, timeout: float = 60, script: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter (from ``script`` when it spawns children that import
    its functions); a process still running after ``timeout`` seconds fails the test."""
    if script:
        script.write_text(code)
    try:
        return subprocess.run([sys.executable, *([str(script)] if script else ["-c", code])], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout,
                              env=dict(os.environ, PYTHONPATH=str(ROOT), **env))
    except subprocess.TimeoutExpired as hung:
        pytest.fail(f"the process never exited:\n{hung.stdout}\n{str(hung.stderr)[-3000:]}")


CLEAN_UP_HANGS = """
import threading
from flows import exit_watch
exit_watch.arm(grace=1)
exit_watch.body_started()
exit_watch.body_over(failed={failed})
print("run written", flush=True)
threading.Event().wait()  # a clean-up that never ends
"""


@pytest.mark.parametrize("failed, code", [(True, 1), (False, 0)])
def test_a_run_whose_clean_up_hangs_exits_with_its_outcome(failed, code):
    done = python(CLEAN_UP_HANGS.format(failed=failed))
    assert done.returncode == code, done
    assert done.stdout == "run written\n"
    assert "clean-up is still waiting" in done.stderr and "in <module>" in done.stderr, done.stderr


def test_the_next_night_of_a_backfill_is_not_cut_short():
    code = ("import time\n"
            "from flows import exit_watch\n"
            "exit_watch.arm(grace=1)\n"
            "exit_watch.body_started(); exit_watch.body_over(failed=True)\n"
            "exit_watch.body_started()  # the next night, before the grace is up\n"
            "time.sleep(3)\n"
            "print('next night done')\n")
    done = python(code)
    assert done.returncode == 0 and done.stdout == "next night done\n", done


def test_a_flow_called_from_other_python_code_is_never_cut_short():
    """Tests and notebooks call the flows in their own process: no watch may start there."""
    code = ("import threading\n"
            "from flows import exit_watch\n"
            "exit_watch.body_started(); exit_watch.body_over(failed=True)\n"
            "print(sorted(t.name for t in threading.enumerate()))\n")
    done = python(code)
    assert done.returncode == 0 and done.stdout == "['MainThread']\n", done


DIES_MID_MESSAGE = """
import os, signal, time
from prefect import flow, task
from prefect.logging import handlers
from flows.runners import make_runner

@task
def dies_mid_message():
    queue = handlers._api_log_sink.args[0]  # what this worker sends its logs and events on
    queue._wlock.acquire()  # held, as by a worker the OOM killer stops in the middle of a write
    os.kill(os.getpid(), signal.SIGKILL)

@task
def works():
    time.sleep(1)

@flow(task_runner=make_runner("process", workers=2))
def night():
    for future in [works.submit(), dies_mid_message.submit()]:
        try:
            future.result()
        except Exception as exc:
            print(type(exc).__name__, flush=True)

night()
print("flow over", flush=True)
"""


def test_a_run_that_lost_a_worker_mid_message_still_exits(prefect_harness):
    """Its workers' log queue stays locked by the dead worker; the run must fail, not hang."""
    from prefect.settings import PREFECT_API_URL

    done = python(DIES_MID_MESSAGE, timeout=180, PREFECT_API_URL=PREFECT_API_URL.value())
    assert done.returncode == 0, (done.stdout, done.stderr[-3000:])
    assert "BrokenProcessPool" in done.stdout and done.stdout.rstrip().endswith("flow over"), done


def test_sigusr1_prints_every_threads_stack_and_the_process_goes_on():
    code = ("import os, signal, threading, time\n"
            "from flows.stacks import dump_stacks_on_signal\n"
            "assert dump_stacks_on_signal()\n"
            "def waiting_for_ever(): time.sleep(30)\n"
            "threading.Thread(target=waiting_for_ever, daemon=True).start(); time.sleep(0.2)\n"
            "os.kill(os.getpid(), signal.SIGUSR1)\n"
            "print('still here')\n")
    done = python(code)
    assert done.returncode == 0 and done.stdout == "still here\n", done
    assert "in waiting_for_ever" in done.stderr and "Current thread" in done.stderr, done.stderr


DIES_MID_RESULT = """
import gc, os, signal, struct, time
import multiprocessing.queues
from prefect import flow, task
from flows import exit_watch
from flows.failures import result_unless_worker_lost
from flows.placement import current_runner
from flows.runners import make_runner

@task
def dies_mid_result():
    results = next(o for o in gc.get_objects() if type(o) is multiprocessing.queues.SimpleQueue)
    with results._wlock:  # half of a 100 kB result, as a worker killed while sending one leaves it
        results._writer._send(struct.pack("!i", 100_000) + b"x" * 10)
        os.kill(os.getpid(), signal.SIGKILL)

@flow(task_runner=make_runner("process", workers=2))
def night():
    exit_watch.body_started()
    try:
        result_unless_worker_lost(dies_mid_result.submit(), current_runner(), poll=0.5, unnoticed=2)
    except Exception as exc:
        print(type(exc).__name__, exc, flush=True)
    exit_watch.body_over(failed=True)

exit_watch.arm(grace=5)
night()
"""


def test_a_worker_killed_mid_result_fails_the_run_and_it_exits(prefect_harness):
    """CPython's pool never notices this death: the wait gives up on the dead worker, the
    night fails, and the exit watch ends the pool's endless clean-up."""
    from prefect.settings import PREFECT_API_URL

    done = python(DIES_MID_RESULT, timeout=180, PREFECT_API_URL=PREFECT_API_URL.value())
    assert "BrokenProcessPool a worker process died and its pool did not notice" in done.stdout, done
    assert done.returncode == 1 and "clean-up is still waiting" in done.stderr, (done.returncode, done.stderr[-3000:])


SERVED_CHILD = """
import multiprocessing, threading
from flows import exit_watch

def served_run():  # what Prefect's serve runs in a spawned process: a flow body, then its clean-up
    exit_watch.body_started()
    exit_watch.body_over(failed=True)
    threading.Event().wait()

if __name__ == "__main__":
    exit_watch.arm(grace={grace})  # as the newsflow CLI does before `serve`
    child = multiprocessing.get_context("spawn").Process(target=served_run)
    child.start()
    child.join(timeout={wait})
    print("child exit code", child.exitcode, flush=True)
    if child.exitcode is None:
        child.kill()
"""


@pytest.mark.parametrize("grace, code", [(1, 1), (0, None)])
def test_a_process_the_cli_spawns_for_a_flow_run_is_watched_too(grace, code, tmp_path):
    """``newsflow serve`` runs each flow run in a spawned process; NEWSFLOW_EXIT_WATCH=0 turns it off."""
    done = python(SERVED_CHILD.format(grace=grace, wait=60 if code else 3), timeout=120, script=tmp_path / "serve.py")
    assert done.stdout == f"child exit code {code}\n", done

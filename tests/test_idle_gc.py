"""`mkdocs serve` collects garbage once it is idle, and freezes what is left (site/idle_gc.py)."""

from __future__ import annotations

import gc
import weakref

import pytest

from handbook.site.idle_gc import FROZEN_BUILDS, IdleCollector


@pytest.fixture
def collector():
    made = IdleCollector(delay=60)  # never fires by itself during a test
    yield made
    made.stop()


class Cycle:
    def __init__(self):
        self.me = self


def test_garbage_among_frozen_objects_waits_for_the_next_idle_collection(collector):
    kept = Cycle()
    alive = weakref.ref(kept)
    collector.collect()
    assert gc.get_freeze_count() > 0
    del kept  # last build's page, say, once the next build replaces it
    gc.collect()  # the collections during a rebuild do not look at frozen objects
    assert alive() is not None
    collector.collect()
    assert alive() is None and collector.collections == 2


def test_a_rebuild_cancels_the_waiting_collection(collector):
    collector.idle()
    waiting = collector._timer
    assert waiting is not None and waiting.is_alive()
    collector.busy()
    waiting.join(timeout=5)
    assert not waiting.is_alive() and collector.collections == 0


def test_a_new_idle_moment_replaces_the_waiting_one(collector):
    collector.idle()
    first = collector._timer
    collector.idle()
    first.join(timeout=5)
    assert not first.is_alive() and collector._timer is not first and collector.collections == 0


def test_stopping_leaves_nothing_frozen(collector):
    collector.collect()
    collector.stop()
    assert gc.get_freeze_count() == 0



def test_a_rebuild_freezes_what_it_made_for_a_few_rebuilds_in_a_row(collector):
    frozen = []
    for _ in range(FROZEN_BUILDS + 1):  # rebuilds one after the other, never idle in between
        gc.unfreeze()
        collector.idle()
        frozen.append(gc.get_freeze_count())
        collector.busy()
    assert all(count > 0 for count in frozen[:FROZEN_BUILDS]) and frozen[-1] == 0
    collector.collect()  # an idle moment: the count starts again
    gc.unfreeze()
    collector.idle()
    assert gc.get_freeze_count() > 0


def test_garbage_a_rebuild_froze_waits_for_the_idle_collection(collector):
    gc.unfreeze()
    kept = Cycle()
    alive = weakref.ref(kept)
    collector.idle()
    collector.busy()
    del kept
    gc.collect()
    assert alive() is not None
    collector.collect()
    assert alive() is None

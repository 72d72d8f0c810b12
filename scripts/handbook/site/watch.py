"""`mkdocs serve` notices a saved contact file at once.

MkDocs polls every watched folder twice a second. With thousands of contact files each poll costs
about 30 ms of the interpreter, also while a rebuild runs, and a save waits up to half a second to
be seen. contacts/ is watched with the system's file events instead (inotify on Linux), and a
change asks the server for a rebuild the way MkDocs' own watcher does. Should the server not have
the attributes used for that, or the events not start, contacts/ is polled as before.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from watchdog.events import (EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED,
                             EVENT_TYPE_MOVED, FileSystemEvent, FileSystemEventHandler)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

log = get_plugin_logger(__name__)
# Reading a file is an event too (opened, closed without writing): the build reads contacts/, and
# reacting to that would rebuild for ever.
CHANGES = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}


class _RequestRebuild(FileSystemEventHandler):
    def __init__(self, server):
        self.server = server

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in CHANGES:
            return
        with self.server._rebuild_cond:  # what MkDocs' LiveReloadServer.watch() callback does
            self.server._want_rebuild = True
            self.server._rebuild_cond.notify_all()


def watch_folder(server, folder: Path) -> BaseObserver | None:
    """Watch ``folder`` with file events; the observer to stop at shutdown, or None when polled."""
    if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild")):
        server.watch(str(folder))
        return None
    observer = Observer()
    observer.daemon = True
    try:
        observer.schedule(_RequestRebuild(server), str(folder), recursive=True)
        observer.start()
    except OSError as exc:  # e.g. the system's limit on inotify watches
        log.info(f"Polling {folder} for changes: file events are not available ({exc})")
        server.watch(str(folder))
        return None
    return observer

"""`mkdocs serve` makes a new Jinja environment for every rebuild, and so compiled the theme's
templates again after each save: about 0.2 s at any size. Their compiled code is kept here, in
memory, from one rebuild to the next. Jinja checks each template's source against the code it
keeps, so an edited template (an override, say) is compiled afresh."""

from __future__ import annotations

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped by Jinja if the source's checksum differs

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

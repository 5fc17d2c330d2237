"""The ``json`` reporter: Newman's run summary as a file (``--reporter-json-export``)."""

from __future__ import annotations

import json

from runner.reporters import Reporter
from runner.reporters._files import default_export_path, write_atomic


class JsonReporter(Reporter):
    name = "json"

    def finish(self) -> None:
        summary = self.ctx.summary
        path = self.ctx.options.get("export") or default_export_path(
            "json", summary.collection.name if summary.collection else "", "json")
        data = self.ctx.masker.deep(summary.to_json())
        write_atomic(path, json.dumps(data, indent=2, default=str))

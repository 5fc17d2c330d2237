"""The ``json`` reporter: Newman's run summary as a file (``--reporter-json-export``)."""

from __future__ import annotations

import json

from runner.reporters import Reporter, ReporterContext
from runner.reporters._files import check_export_option, export_target, write_atomic


class JsonReporter(Reporter):
    name = "json"

    def __init__(self, ctx: ReporterContext) -> None:
        super().__init__(ctx)
        check_export_option(self.name, ctx.options.get("export"))

    def finish(self) -> None:
        summary = self.ctx.summary
        path = export_target(self.name, self.ctx.options.get("export"),
                             summary.collection.name if summary.collection else "", "json")
        data = self.ctx.masker.deep(summary.to_json())
        write_atomic(path, json.dumps(data, indent=2, default=str))

"""The ``junit`` reporter: one testsuite per request execution, one testcase per assertion.

Why iterations are kept apart: Newman merges the assertions of every iteration into one
suite, so a failure in iteration 3 hides behind a pass in iteration 1. We name suites
``Folder / Request`` and, when there is more than one iteration, add `` [iteration N]``.
Script and request errors go into ``<error>`` and ``system-err`` so CI shows them too.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET

from runner.reporters import Reporter, ReporterContext
from runner.reporters._files import check_export_option, export_target, write_atomic


class JunitReporter(Reporter):
    name = "junit"

    def __init__(self, ctx: ReporterContext) -> None:
        super().__init__(ctx)
        check_export_option(self.name, ctx.options.get("export"))

    def finish(self) -> None:
        summary = self.ctx.summary
        masker = self.ctx.masker
        collection_name = summary.collection.name if summary.collection else ""
        multi = summary.stats["iterations"]["total"] > 1
        root = ET.Element("testsuites", name=collection_name)
        total_tests = total_failures = total_errors = 0
        total_time = 0.0
        for execution in summary.executions:
            item = execution.item
            suite_name = " / ".join(item.path())
            if multi:
                suite_name += f" [iteration {execution.cursor.get('iteration', 0) + 1}]"
            seconds = (execution.response.response_time_ms / 1000.0) if execution.response is not None else 0.0
            failures = sum(1 for a in execution.assertions if not a.passed and not a.skipped)
            script_errors = [s["error"] for s in execution.prerequest_scripts + execution.test_scripts if s.get("error")]
            errors = len(script_errors) + (1 if execution.request_error else 0)
            suite = ET.SubElement(root, "testsuite", name=suite_name, id=str(item.id),
                                  timestamp=time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(summary.started)),
                                  tests=str(len(execution.assertions)), failures=str(failures), errors=str(errors),
                                  skipped=str(sum(1 for a in execution.assertions if a.skipped)),
                                  time=f"{seconds:.3f}")
            for assertion in execution.assertions:
                case = ET.SubElement(suite, "testcase", name=masker.text(assertion.name),
                                     classname=masker.text(collection_name + "." + ".".join(item.path())),
                                     time=f"{seconds:.3f}")
                if assertion.skipped:
                    ET.SubElement(case, "skipped")
                elif not assertion.passed:
                    message = masker.text((assertion.error or {}).get("message", ""))
                    failure = ET.SubElement(case, "failure", type="AssertionFailure", message=message)
                    failure.text = f"{(assertion.error or {}).get('name', 'AssertionError')}: {message}"
            err_lines = []
            if execution.request_error:
                ET.SubElement(suite, "error", type="RequestError", message=masker.text(execution.request_error))
                err_lines.append(f"request: {execution.request_error}")
            for error in script_errors:
                message = masker.text(f"{error.get('name', 'Error')}: {error.get('message', '')}")
                ET.SubElement(suite, "error", type="ScriptError", message=message)
                err_lines.append(message)
            if err_lines:
                ET.SubElement(suite, "system-err").text = masker.text("\n".join(err_lines))
            total_tests += len(execution.assertions)
            total_failures += failures
            total_errors += errors
            total_time += seconds
        root.set("tests", str(total_tests))
        root.set("failures", str(total_failures))
        root.set("errors", str(total_errors))
        root.set("time", f"{total_time:.3f}")
        ET.indent(root)
        path = export_target(self.name, self.ctx.options.get("export"), collection_name, "xml")
        text = _XML_INVALID.sub(_escape_invalid, ET.tostring(root, encoding="unicode"))
        write_atomic(path, '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry even escaped (a binary body quoted in a JSONError message)."""


def _escape_invalid(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"

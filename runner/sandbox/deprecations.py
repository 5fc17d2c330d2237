"""Wording of the deprecation notes for Postman's legacy script API.

Why a table here: the sandbox reports only the legacy names a script used
(``result["deprecations"]``); the runner prints them as Newman does, e.g.
``Using "tests" is deprecated. Use "pm.test()" instead.``. The replacements for tests,
data, environment, request, responseCode and postman.setNextRequest / setEnvironmentVariable
were observed in Newman 6.2 runs; the rest follow the same pattern.
"""

from __future__ import annotations

REPLACEMENTS: dict[str, str] = {
    "tests": "pm.test()",
    "globals": "pm.globals",
    "environment": "pm.environment",
    "data": "pm.iterationData",
    "request": "pm.request",
    "iteration": "pm.info.iteration",
    "responseCode": "pm.response.code",
    "responseHeaders": "pm.response.headers",
    "responseCookies": "pm.cookies",
    "responseBody": "pm.response.text()",
    "responseTime": "pm.response.responseTime",
    "postman.setNextRequest": "pm.execution.setNextRequest()",
    "postman.setEnvironmentVariable": "pm.environment.set()",
    "postman.getEnvironmentVariable": "pm.environment.get()",
    "postman.clearEnvironmentVariable": "pm.environment.unset()",
    "postman.clearEnvironmentVariables": "pm.environment.clear()",
    "postman.setGlobalVariable": "pm.globals.set()",
    "postman.getGlobalVariable": "pm.globals.get()",
    "postman.clearGlobalVariable": "pm.globals.unset()",
    "postman.clearGlobalVariables": "pm.globals.clear()",
    "postman.getResponseHeader": "pm.response.headers.get()",
    "postman.getResponseCookie": "pm.cookies.get()",
}


def deprecation_message(name: str) -> str:
    """Newman's one-line note for a legacy name reported in ``result["deprecations"]``."""
    replacement = REPLACEMENTS.get(name, "pm.*")
    return f'Using "{name}" is deprecated. Use "{replacement}" instead.'

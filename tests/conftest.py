"""The test suite's shared fixtures, registered as pytest plugins.

Shared fixtures live in the modules listed in ``pytest_plugins`` (no test module imports a
fixture by name); plain helpers live in ordinary modules (``tests.institutions``,
``tests.sop_helpers``, ``tests.social_support``, ``tests.worker``, ``tests.tooling``,
``tests.browser.support``) and are imported normally.
"""

from __future__ import annotations

import os

pytest_plugins = [
    "tests.fixtures.institutions",
    "tests.fakes.fixtures",
    "tests.fixtures.social",
    "tests.fixtures.worker",
    "tests.fixtures.storage",
    "tests.fixtures.browser",
    "tests.fixtures.signin",
]


def pytest_sessionfinish(session, exitstatus):
    """On CI a skipped test is a failure: a missing tool must never pass silently."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and exitstatus == 0:
        reporter.write_line(f"CI=true: {len(skipped)} skipped test(s) count as failures.", red=True)
        session.exitstatus = 1

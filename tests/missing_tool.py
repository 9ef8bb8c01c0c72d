"""What a test script does when a tool it needs is missing: it is skipped,
exit status 77 (which ctest's SKIP_RETURN_CODE reports as skipped), and
says so; except when CI=true, where every tool must be there and the test
fails. Imported by the test scripts of tests/*/ and editors/vscode/test/."""
import os
import sys

SKIP = 77


def missing(what, hint=".ci/install-deps installs it"):
    """Prints why the test cannot run; returns SKIP, or 1 under CI=true."""
    if os.environ.get("CI") == "true":
        print(f"FAILED: {what}, and CI=true ({hint})", file=sys.stderr)
        return 1
    print(f"SKIPPED: {what} ({hint}); this test fails when CI=true")
    return SKIP

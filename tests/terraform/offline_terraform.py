"""terraform without the network, for the tests that run it (names.property's
`terraform validate`, the e2e `terraform apply` on moto): the hashicorp/aws
provider is installed from a local filesystem mirror, never downloaded.

A mirror is a directory holding registry.terraform.io/hashicorp/aws/VERSION/
(`terraform providers mirror DIR` makes one). find_mirror() takes
ARCHC_TERRAFORM_MIRROR when it is set (ctest passes the CMake cache variable
of that name), else the first that holds the provider of: Terraform's own
implied mirror directories, then /opt/*/.
"""
import glob
import json
import os
import shutil

PROVIDER = os.path.join("registry.terraform.io", "hashicorp", "aws")


def _holds_provider(directory):
    return os.path.isdir(os.path.join(directory, PROVIDER))


def find_mirror():
    """The mirror's directory, or None."""
    named = os.environ.get("ARCHC_TERRAFORM_MIRROR")
    if named:
        return named if _holds_provider(named) else None
    home = os.path.expanduser("~")
    data_dirs = [os.environ.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")]
    data_dirs += (os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
    implied = [os.path.join(home, ".terraform.d", "plugins")]
    implied += [os.path.join(d, "terraform", "plugins") for d in data_dirs]
    return next((d for d in implied + sorted(glob.glob("/opt/*")) if _holds_provider(d)), None)


def terraform():
    """terraform's path and the mirror, or None when either is missing."""
    binary, mirror = shutil.which("terraform"), find_mirror()
    return (binary, mirror) if binary and mirror else None


def needs():
    """What terraform() could not find, for a skip message."""
    return ("terraform on the PATH (found: %s) and a provider mirror holding %s: ARCHC_TERRAFORM_MIRROR (now %r), "
            "a Terraform implied mirror directory or /opt/*/" % (shutil.which("terraform"), PROVIDER,
                                                                os.environ.get("ARCHC_TERRAFORM_MIRROR", "")))


def prepare(root, mirror):
    """Makes `root` a working directory where `terraform init` installs the
    provider from `mirror` only; returns the environment to run terraform in.
    The configuration's own version constraints must admit the mirror's
    provider: archc's take hashicorp/aws 5.100 to 6.x.
    """
    cli_config = os.path.join(root, "terraform.rc")
    with open(cli_config, "w") as f:
        f.write("provider_installation {\n  filesystem_mirror {\n    path = %s\n  }\n}\n" % json.dumps(mirror))
    return dict(os.environ, TF_CLI_CONFIG_FILE=cli_config, TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1")

"""A real `systemd --user` manager for a throwaway user, driven from the tests through scripts/user-manager.sh.

The script does the work (user, private mount namespace with its own /run, journald, a system bus, delegated
cgroups, the manager); this module runs commands in it and reads back what happened. `UserLab.down()` stops
everything by PID, and then checks by PID that every process `up` reported is gone, killing what is not.
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path
from typing import Callable

from conftest import journal_entries, wait_until

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "user-manager.sh"


class LabError(AssertionError):
    pass


class UserLab:
    def __init__(self, user: str, lab_dir: Path, timeout: float = 30):
        self.user = user
        self.lab_dir = lab_dir
        self.env = dict(
            os.environ,
            SIMWATCH_LAB_USER=user,
            SIMWATCH_LAB_DIR=str(lab_dir),
            SIMWATCH_LAB_TIMEOUT=str(int(timeout)),
        )
        self.info: dict[str, str] = {}

    # --- life cycle ---------------------------------------------------------------------------------------------

    def up(self) -> dict[str, str]:
        done = subprocess.run([str(SCRIPT), "up"], env=self.env, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise LabError(f"user-manager.sh up failed ({done.returncode}):\n{done.stderr}{done.stdout}")
        self.info = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
        return self.info

    def pids(self) -> list[int]:
        keys = ("MANAGER_PID", "SYSTEM_BUS_PID", "JOURNALD_PID", "HOLDER_PID")
        return [int(self.info[k]) for k in keys if self.info.get(k, "").isdigit()]

    def down(self) -> str:
        """Stops the lab; whatever the script manages, every PID `up` reported is dead afterwards."""
        output = ""
        try:
            done = subprocess.run([str(SCRIPT), "down"], env=self.env, capture_output=True, text=True, timeout=180)
            output = done.stdout + done.stderr
        except subprocess.TimeoutExpired as e:
            output = f"user-manager.sh down timed out: {e}"
        finally:
            for pid in self.pids():
                if self._same_process(pid):
                    try:
                        os.kill(pid, signal.SIGKILL)
                        output += f"\nkilled pid {pid} left behind by down"
                    except ProcessLookupError:
                        pass
        return output

    def _same_process(self, pid: int) -> bool:
        """True while pid is still the lab process `up` reported (same mount namespace, not a zombie)."""
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].startswith("Z"):
                return False
            return os.readlink(f"/proc/{pid}/ns/mnt") == self.info.get("MOUNT_NAMESPACE") or pid == int(
                self.info.get("HOLDER_PID", "0")
            )
        except (FileNotFoundError, ProcessLookupError, IndexError):
            return False

    # --- running things -----------------------------------------------------------------------------------------

    @property
    def uid(self) -> int:
        return int(self.info["LAB_UID"])

    @property
    def home(self) -> Path:
        return Path(self.info["LAB_HOME"])

    @property
    def runtime_dir(self) -> Path:
        return Path(self.info["XDG_RUNTIME_DIR"])

    def run(self, *cmd: str, check: bool = True, timeout: float = 60, input: str | None = None):
        """Runs cmd as the lab user inside the lab; returns the CompletedProcess (text)."""
        return self._run(["exec", *cmd], check, timeout, input)

    def root(self, *cmd: str, check: bool = True, timeout: float = 60, input: str | None = None):
        """Runs cmd as root inside the lab's mount namespace."""
        return self._run(["root", *cmd], check, timeout, input)

    def sh(self, script: str, check: bool = True, timeout: float = 60):
        """Runs a shell script as the lab user (in $HOME)."""
        return self.run("sh", "-ec", script, check=check, timeout=timeout)

    def _run(self, args: list[str], check: bool, timeout: float, input: str | None):
        done = subprocess.run(
            [str(SCRIPT), *args], env=self.env, capture_output=True, text=True, timeout=timeout, input=input
        )
        if check and done.returncode != 0:
            raise LabError(
                f"{' '.join(args)} failed ({done.returncode}):\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
            )
        return done

    def systemctl(self, *args: str, check: bool = True, timeout: float = 60):
        return self.run("systemctl", "--user", *args, check=check, timeout=timeout)

    def show(self, unit: str, *props: str) -> dict[str, str]:
        out = self.systemctl("show", unit, *[f"--property={p}" for p in props]).stdout
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def journal(self, *args: str) -> list[dict]:
        """journalctl --user ARGS -o json as the lab user, oldest first."""
        done = self.run("journalctl", "--user", "--no-pager", "-q", "-o", "json", *args, check=False)
        return journal_entries(done.stdout)

    def unit_log(self, unit: str = "simwatch", lines: int = 60) -> str:
        return self.run(
            "journalctl", "--user", "-u", unit, "--no-pager", "-n", str(lines), "-o", "short-monotonic", check=False
        ).stdout

    def wait_for(self, predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.3):
        """wait_until, showing the service's journal when it times out."""
        return wait_until(predicate, timeout, interval, what, detail=lambda: f"--- journal:\n{self.unit_log()}")

    def files_under(self, path: Path) -> set[str]:
        """Every path below path (relative), as root sees it inside the lab."""
        out = self.root("find", str(path), "-mindepth", "1").stdout
        return {str(Path(p).relative_to(path)) for p in out.splitlines() if p}

"""docker-compose.yml starts the same processes, with the same command lines, as the Procfile (`make dev`)."""
import re
from pathlib import Path

import yaml

from tools.dev.stack import ROOT, procfile


def compose_commands() -> dict[str, str]:
    services = yaml.safe_load(Path(ROOT / "docker-compose.yml").read_text())["services"]
    commands = {}
    for name, spec in services.items():
        match = re.fullmatch(r'sh -c "exec (.+)"', str(spec.get("command", "")))
        if match:
            commands[name] = match.group(1).replace("$$", "$")
    return commands


def without_bind_address(command: str) -> str:
    # Containers listen on every interface; a developer's machine only on loopback.
    return command.replace("0.0.0.0", "127.0.0.1")


def test_compose_runs_every_procfile_process_with_the_same_command():
    compose = {name: without_bind_address(command) for name, command in compose_commands().items()}
    assert compose == procfile()

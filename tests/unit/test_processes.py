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


def compose() -> dict:
    return yaml.safe_load(Path(ROOT / "docker-compose.yml").read_text())


def test_compose_is_production_and_takes_every_secret_from_the_environment_without_a_default():
    from tools.dev.secrets import secret_settings
    text = Path(ROOT / "docker-compose.yml").read_text()
    environment = compose()["x-secrets"]
    assert environment["WSCC_ENV"] == "${WSCC_ENV:-production}"
    for name in secret_settings(ROOT):
        assert environment[name] == f"${{{name}:?set {name}}}", name
    for url in (key for key in environment if key.endswith("_URL")):
        assert ":${WSCC_" in environment[url] and ":?set " in environment[url], url
    assert "guest" not in text and "operator-password" not in text and "POSTGRES_HOST_AUTH_METHOD" not in text
    assert all(spec.get("environment") == environment for name, spec in compose()["services"].items()
               if name in compose_commands() or name == "setup")


def test_compose_runs_one_mail_catcher_and_shows_operators_tools_only_on_loopback():
    services = compose()["services"]
    assert not [name for name, spec in services.items() if "mail" in str(spec.get("image", ""))]
    for name in ("flower", "smtp-sink", "rabbitmq"):
        assert all(str(port).startswith("127.0.0.1:") for port in services[name].get("ports", [])), name


def test_no_password_is_on_a_command_line():
    # `ps` shows every command line to every user of the host.
    assert not [name for name, command in procfile().items() if "password" in command.lower() or "auth" in command]


def test_each_api_worker_process_builds_its_own_runtime():
    # With --preload, gunicorn would build the app (its engine, its broker connection) once and fork it to every
    # worker; without it each worker calls create_app() and opens its own (docs/decisions/0023).
    gunicorn = {name: command for name, command in procfile().items() if command.startswith("gunicorn")}
    assert len(gunicorn) == 5 and not [name for name, command in gunicorn.items() if "--preload" in command]

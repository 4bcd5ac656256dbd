"""``flask --app services.web.app create-user --role admin --email ... --name ...`` and ``create-demo``."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from services.web.accounts.passwords import password_problem
from services.web.models import Role
from services.web.runtime import current_runtime

STAFF_ROLES = [Role.ADMIN.value, Role.REVIEWER.value]


def register_commands(app: Flask) -> None:
    app.cli.add_command(create_user)
    app.cli.add_command(create_demo)


@click.command("create-user")
@click.option("--role", type=click.Choice(STAFF_ROLES), required=True)
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--language", default="en", show_default=True)
@click.password_option(help="Asked for when not given.")
@with_appcontext  # the app's runtime writes the account
def create_user(role: str, email: str, name: str, language: str, password: str) -> None:
    """Create a WSCC staff account, or reset its password and role if the address exists."""
    from services.web.accounts.demo import ensure_staff_user

    problem = password_problem(password, email)
    if problem:
        raise click.BadParameter(f"the password is {problem.replace('_', ' ')}", param_hint="--password")
    ensure_staff_user(current_runtime().db, email, password, name, Role(role), language)
    click.echo(f"{role} account ready: {email}")


@click.command("create-demo")
@with_appcontext
def create_demo() -> None:
    """The demo company's representative (prints the login)."""
    from services.web.accounts.demo import ensure_demo_company

    login = ensure_demo_company(current_runtime().db)
    click.echo(f"demo company login: {login.email} / {login.password}")

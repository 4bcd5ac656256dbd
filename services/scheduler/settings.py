"""The scheduler's settings: beat and Flower load the same app, so both check Flower's login in production."""
from pydantic import SecretStr

from common.settings import ServiceSettings


class Settings(ServiceSettings):
    # Flower's basic-auth login. Handed to Flower through its environment (FLOWER_BASIC_AUTH), never its
    # command line, where `ps` would show it. No commas: Flower reads the variable as a comma-separated list.
    flower_user: str = "operator"
    flower_password: SecretStr = SecretStr("operator-password")

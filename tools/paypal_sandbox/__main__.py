"""python -m tools.paypal_sandbox [--host H] [--port P]: serve the sandbox (one process, state in memory)."""
from __future__ import annotations

import argparse

from werkzeug.serving import run_simple

from .app import create_app, sandbox_of
from .config import SandboxConfig


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.paypal_sandbox", description=__doc__)
    parser.add_argument("--host", help="overrides WSCC_PAYPAL_SANDBOX_HOST")
    parser.add_argument("--port", type=int, help="overrides WSCC_PAYPAL_SANDBOX_PORT")
    args = parser.parse_args(argv)
    overrides = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    config = SandboxConfig.from_env(**overrides)
    app = create_app(config)
    sb = sandbox_of(app)
    print(f"PayPal sandbox: {config.public_base}  (listening on {config.host}:{config.port})")
    print(f"  client id/secret: {config.client_id} / {config.client_secret}")
    print(f"  buyer login: {config.buyer_email} / {config.buyer_password}")
    print(f"  webhooks -> {config.webhook_url or '(not sent)'}  webhook id {config.webhook_id}")
    print(f"  cert url: {sb.signer.cert_url}")
    try:
        run_simple(config.host, config.port, app, threaded=True, use_reloader=False)
    finally:
        sb.close()


if __name__ == "__main__":
    main()

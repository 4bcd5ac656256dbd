"""The SMTP side: an aiosmtpd handler that stores mail, and its controller."""

from __future__ import annotations

import logging
import socket

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from .faults import FaultPlan
from .store import MailStore

log = logging.getLogger(__name__)

STORE_FAILURE = "451 4.3.0 Could not store message"


class SinkHandler:
    """Accepts every recipient and message, unless a fault has been armed."""

    def __init__(self, store: MailStore, faults: FaultPlan) -> None:
        self.store = store
        self.faults = faults

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self.faults.take("rcpt", [address])
        if refusal:
            log.info("RCPT %s refused by injected fault: %s", address, refusal)
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        refusal = self.faults.take("data", envelope.rcpt_tos)
        if refusal:
            log.info("DATA from %s refused by injected fault: %s", envelope.mail_from, refusal)
            return refusal
        peer = session.peer
        peer_text = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer or "")
        try:
            # A blocking write on the event loop is fine here: messages are small
            # and this is a single-developer sink, not a relay.
            message_id = self.store.add(
                envelope.original_content,
                mail_from=envelope.mail_from or "",
                rcpt_tos=envelope.rcpt_tos,
                peer=peer_text,
            )
        except OSError:
            # Tell the client to retry rather than pretending the mail was kept.
            log.exception("could not store message from %s", envelope.mail_from)
            return STORE_FAILURE
        log.info("stored %s from %s to %s", message_id, envelope.mail_from, envelope.rcpt_tos)
        return f"250 2.0.0 Ok: queued as {message_id}"


def accept_any_login(server, session, envelope, mechanism, auth_data) -> AuthResult:
    # Senders configured with production-like credentials should work against
    # the sink unchanged; it is local-only, so there is nothing to protect.
    return AuthResult(success=True)


class SinkController(Controller):
    """A Controller that serves on a socket we bound ourselves.

    Binding first lets port 0 pick a free port (aiosmtpd 1.4 would otherwise try
    to connect to port 0 to check readiness) and makes "address in use" fail in
    our code with a clear message, instead of as a ready-timeout.
    """

    def __init__(self, handler, sock: socket.socket, **kwargs) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(handler, hostname=host, port=port, **kwargs)
        self._sock = sock

    def _create_server(self):
        return self.loop.create_server(
            self._factory_invoker, sock=self._sock, ssl=self.ssl_context
        )


def bind_smtp_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        raise OSError(exc.errno, f"cannot listen for SMTP on {host}:{port}: {exc.strerror}") from exc
    return sock


def make_smtp_controller(
    store: MailStore, faults: FaultPlan, host: str, port: int
) -> SinkController:
    return SinkController(
        SinkHandler(store, faults),
        bind_smtp_socket(host, port),
        # A fixed name avoids socket.getfqdn(), which can hang for seconds on
        # machines without working DNS.
        server_hostname="wscc-smtp-sink",
        enable_SMTPUTF8=True,
        auth_require_tls=False,
        authenticator=accept_any_login,
    )

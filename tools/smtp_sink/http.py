"""The HTTP side: a JSON API for tests and a plain HTML page for people."""

from __future__ import annotations

from flask import Flask, Response, abort, jsonify, render_template_string, request

from .faults import STAGES, FaultPlan
from .store import MailStore

_LIST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SMTP sink</title>
<style>
body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
</style></head><body>
<h1>SMTP sink</h1>
<p>{{ messages|length }} message(s) stored, newest last.
   JSON: <a href="{{ url_for('api_list') }}">/api/messages</a></p>
{% if messages %}
<table>
<tr><th>#</th><th>Received</th><th>From</th><th>To</th><th>Subject</th><th>Size</th></tr>
{% for m in messages %}
<tr>
  <td>{{ loop.index }}</td>
  <td>{{ m.received_at or "" }}</td>
  <td>{{ m["from"] or "" }}</td>
  <td>{{ m.to|join(", ") }}</td>
  <td><a href="{{ url_for('page_message', message_id=m.id) }}">{{ m.subject or "(no subject)" }}</a></td>
  <td>{{ m.size }}</td>
</tr>
{% endfor %}
</table>
{% else %}
<p>No messages yet.</p>
{% endif %}
</body></html>
"""

_MESSAGE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ m.subject or "(no subject)" }}</title>
<style>
body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap}
th{text-align:left;padding-right:1em;vertical-align:top}
</style></head><body>
<p><a href="{{ url_for('page_index') }}">&larr; all messages</a>
 &middot; <a href="{{ url_for('api_raw', message_id=m.id) }}">raw .eml</a>
 &middot; <a href="{{ url_for('api_message', message_id=m.id) }}">JSON</a></p>
<h1>{{ m.subject or "(no subject)" }}</h1>
<table>
<tr><th>From</th><td>{{ m["from"] or "" }}</td></tr>
<tr><th>Envelope from</th><td>{{ m.envelope_from or "" }}</td></tr>
<tr><th>Envelope to</th><td>{{ m.to|join(", ") }}</td></tr>
<tr><th>Date</th><td>{{ m.date or "" }}</td></tr>
<tr><th>Received</th><td>{{ m.received_at or "" }}</td></tr>
<tr><th>Message-ID</th><td>{{ m.message_id or "" }}</td></tr>
<tr><th>Size</th><td>{{ m.size }} bytes</td></tr>
</table>
{% if m.attachments %}
<h2>Attachments</h2>
<ul>{% for a in m.attachments %}
<li>{{ a.filename or "(unnamed)" }} &mdash; {{ a.content_type }}, {{ a.size }} bytes</li>
{% endfor %}</ul>
{% endif %}
<h2>Text body</h2>
{% if m.text is not none %}<pre>{{ m.text }}</pre>{% else %}<p>(none)</p>{% endif %}
<h2>HTML body (source)</h2>
{% if m.html is not none %}<pre>{{ m.html }}</pre>{% else %}<p>(none)</p>{% endif %}
<h2>Headers</h2>
<pre>{% for name, value in m.all_headers %}{{ name }}: {{ value }}
{% endfor %}</pre>
</body></html>
"""


def _json_error(status: int, message: str):
    response = jsonify({"error": message})
    response.status_code = status
    return response


def _count(body: dict, key: str) -> int:
    value = body.get(key, 0)
    # bool is an int subclass; `true` meaning 1 would be a silent surprise.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{key} must be a non-negative integer")
    return value


def create_app(store: MailStore, faults: FaultPlan | None = None) -> Flask:
    """Build the HTTP app over `store`; pass the SMTP handler's `faults` to share them."""
    app = Flask(__name__)
    app.json.sort_keys = False  # keep the documented field order readable
    faults = faults if faults is not None else FaultPlan()
    app.extensions["smtp_sink"] = {"store": store, "faults": faults}

    @app.after_request
    def _no_cache(response: Response) -> Response:
        # Tests poll these URLs right after sending; a cached answer would lie.
        response.headers["Cache-Control"] = "no-store"
        if response.mimetype == "text/html":
            # Message content is escaped already; this is a second fence around
            # whatever a crafted email might still try to load or run.
            response.headers["Content-Security-Policy"] = (
                "default-src 'none'; style-src 'unsafe-inline'"
            )
        return response

    @app.get("/healthz")
    def healthz():
        return jsonify({"status": "ok"})

    # -- JSON API ------------------------------------------------------------

    @app.get("/api/messages")
    def api_list():
        messages = store.list(to=request.args.get("to") or None)
        return jsonify({"count": len(messages), "messages": messages})

    @app.delete("/api/messages")
    def api_clear():
        return jsonify({"deleted": store.clear()})

    @app.get("/api/messages/<message_id>")
    def api_message(message_id: str):
        detail = store.detail(message_id)
        if detail is None:
            return _json_error(404, f"no message {message_id}")
        return jsonify(detail)

    @app.get("/api/messages/<message_id>/raw")
    def api_raw(message_id: str):
        raw = store.raw(message_id)
        if raw is None:
            return _json_error(404, f"no message {message_id}")
        return Response(
            raw,
            mimetype="message/rfc822",
            headers={"Content-Disposition": f'inline; filename="{message_id}.eml"'},
        )

    @app.get("/api/faults")
    def api_faults():
        return jsonify(faults.snapshot())

    @app.post("/api/faults")
    def api_arm_faults():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return _json_error(400, "expected a JSON object")
        unknown = set(body) - {"temporary_failures", "permanent_failures", "stages", "recipient"}
        if unknown:
            return _json_error(400, f"unknown field(s): {', '.join(sorted(unknown))}")
        stages = body.get("stages", list(STAGES))
        if not isinstance(stages, list) or not all(isinstance(s, str) for s in stages):
            return _json_error(400, f"stages must be a list drawn from {list(STAGES)}")
        try:
            faults.arm(
                temporary_failures=_count(body, "temporary_failures"),
                permanent_failures=_count(body, "permanent_failures"),
                stages=[s.lower() for s in stages],
                recipient=body.get("recipient") if isinstance(body.get("recipient"), str) else None,
            )
        except ValueError as exc:
            return _json_error(400, str(exc))
        return jsonify(faults.snapshot())

    @app.delete("/api/faults")
    def api_clear_faults():
        faults.clear()
        return jsonify(faults.snapshot())

    # -- pages for people ----------------------------------------------------

    @app.get("/")
    def page_index():
        return render_template_string(_LIST_PAGE, messages=store.list())

    @app.get("/messages/<message_id>")
    def page_message(message_id: str):
        detail = store.detail(message_id)
        if detail is None:
            abort(404)
        return render_template_string(_MESSAGE_PAGE, m=detail)

    return app

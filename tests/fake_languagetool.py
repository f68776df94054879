"""A fake LanguageTool HTTP server on localhost: answers /v2/languages and /v2/check as the Java
server does, with offsets and lengths in UTF-16 code units, for tests that need no Java."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

LANGUAGES = [
    {"name": f"English ({v})", "code": "en", "longCode": f"en-{v}"}
    for v in ("US", "GB", "AU", "CA", "NZ", "ZA")
]


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out and hung up (the timeout test) is expected


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool:
    """Flags every occurrence of the configured words; ``mode`` makes it fail in one way."""

    def __init__(self, words: dict[str, dict] | None = None, mode: str = "ok") -> None:
        self.words = words or {}
        self.mode = mode  # ok | http-500 | no-matches | slow
        self.requests: list[dict[str, list[str]]] = []
        self.language_queries = 0  # GET /v2/languages: one per LanguageTool client created
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: str, kind: str = "application/json") -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.startswith("/v2/languages"):
                    fake.language_queries += 1
                    self._send(200, json.dumps(LANGUAGES))
                else:
                    self._send(404, "not found", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = parse_qs(self.rfile.read(length).decode("utf-8"))
                fake.requests.append(form)
                if fake.mode == "http-500":
                    self._send(500, "Error: Internal Server Error", "text/plain")
                    return
                if fake.mode == "no-matches":
                    self._send(200, json.dumps({"software": {"name": "LanguageTool"}}))
                    return
                if fake.mode == "slow":
                    time.sleep(1.5)
                text = form.get("text", [""])[0]
                self._send(200, json.dumps({"matches": fake.matches(text)}))

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def matches(self, text: str) -> list[dict]:
        found = []
        for word, rule in self.words.items():
            start = text.find(word)
            while start != -1:
                found.append(
                    {
                        "message": rule.get("message", "Possible problem"),
                        "replacements": [{"value": v} for v in rule.get("replacements", [])],
                        "offset": utf16_len(text[:start]),  # Java string offsets
                        "length": utf16_len(word),
                        "context": {
                            "text": text,
                            "offset": utf16_len(text[:start]),
                            "length": utf16_len(word),
                        },
                        "sentence": text,
                        "rule": {
                            "id": rule["id"],
                            "description": "",
                            "issueType": rule.get("issueType", "grammar"),
                            "category": {"id": rule.get("category", "GRAMMAR"), "name": ""},
                        },
                    }
                )
                start = text.find(word, start + 1)
        return sorted(found, key=lambda m: m["offset"])

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

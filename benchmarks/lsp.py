"""Language-server latency: from `didChange` to the published diagnostics of that version.

    python benchmarks/lsp.py                 # 1,000- and 10,000-word drafts, grammar off and on
    python benchmarks/lsp.py --edits 5       # fewer edits per case

Drives the real `factlint server` over stdio with pygls's client, as an editor would: open a draft
made of corpus articles (BBC, en-GB), then type: each edit appends a sentence and sends the whole
text (the server asks for full sync). Timed from sending the change to receiving the diagnostics
for that version: the cheap rules' publish, and with grammar the second publish that adds the
grammar engine's findings (each edit adds one agreement error, so that publish always comes).
The debounce is set to 0 so the figures are the server's own latency; an editor adds the
debounce (200 ms by default) while the writer is still typing.

Reads ../shared/corpus (FACTLINT_SHARED overrides the shared folder) and skips cleanly without it.
Target (issue 15): one article (1,000 words) well under 100 ms without grammar.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _shared import corpus_files
from lsprotocol import types
from pygls.lsp.client import LanguageClient

SIZES = (1_000, 10_000)
EDIT = " She have promised the money, officials said on day {n}."


def draft(words: int) -> str:
    """BBC articles (headline, blank line, paragraphs) joined until the draft has ``words``."""
    parts: list[str] = []
    count = 0
    for path in corpus_files(source="bbc-news-2225"):
        text = path.read_text(encoding="utf-8").strip()
        parts.append(text if not parts else text.split("\n", 1)[-1].strip())
        count += len(text.split())
        if count >= words:
            break
    return "\n\n".join(parts) + "\n"


class Timer:
    """Collects the arrival time of each publishDiagnostics, by version."""

    def __init__(self, client: LanguageClient) -> None:
        self.arrivals: dict[int, list[float]] = {}
        self.event = asyncio.Event()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrivals.setdefault(params.version, []).append(time.perf_counter())
                self.event.set()

    async def wait(self, version: int, count: int) -> list[float]:
        while len(self.arrivals.get(version, [])) < count:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), 120)
        return self.arrivals[version]


async def measure(
    text: str, grammar: bool, edits: int, folder: Path
) -> tuple[list[float], list[float]]:
    """(cheap-pass latencies, grammar-pass latencies) in seconds over ``edits`` edits."""
    client = LanguageClient("factlint-benchmark", "1")
    timer = Timer(client)
    await client.start_io(sys.executable, "-m", "factlint", "server")
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
            initialization_options={"debounceMs": 0, "grammar": grammar},
        )
    )
    client.initialized(types.InitializedParams())
    path = folder / "draft.txt"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    passes = 2 if grammar else 1
    await timer.wait(1, passes)  # the first lint also warms the engine up
    cheap, full = [], []
    for n in range(2, edits + 2):
        text = text.rstrip("\n") + EDIT.format(n=n) + "\n"
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=n),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        arrivals = await timer.wait(n, passes)
        cheap.append(arrivals[0] - start)
        if grammar:
            full.append(arrivals[1] - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return cheap, full


def report(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    return f"{label}: median {statistics.median(ms):.0f} ms, max {ms[-1]:.0f} ms"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=10, help="edits per case (default 10)")
    args = parser.parse_args()
    drafts = {size: draft(size) for size in SIZES}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / ".factlint.toml").write_text('dialect = "en-GB"\n', encoding="utf-8")
        for text in drafts.values():
            words = len(text.split())
            cheap, _ = await measure(text, False, args.edits, folder)
            print(f"{words:,} words, grammar off  {report('diagnostics', cheap)}")
            cheap, full = await measure(text, True, args.edits, folder)
            print(
                f"{words:,} words, grammar on   {report('cheap rules', cheap)}; "
                f"{report('with grammar', full)}"
            )


if __name__ == "__main__":
    asyncio.run(main())

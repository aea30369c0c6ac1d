"""The web page (`reports serve`) through Starlette's TestClient: every page and API
endpoint, the errors, escaping, and the API against the command line's JSON."""

import re
import shutil
import time

import pytest
from click.testing import CliRunner

from search.cli import cli

from .conftest import FIXTURES, ROOT, SEED, SEED_ID, run, run_json

starlette_testclient = pytest.importorskip("starlette.testclient")

XSS_REPORT = """---
title: "Round table <script>alert('title')</script> on safety"
date: 2022-05-04
---

# Welcome <img src=x onerror=alert('heading')>

Ms. Jane Okafor said that `<script>alert('para')</script>` and
`<img src=x onerror=alert('img')>` must show as text in any safety review.
"""


def client_for(index):
    from search.web import create_app

    return starlette_testclient.TestClient(create_app(index))


@pytest.fixture(scope="module")
def client(seed_index):
    with client_for(seed_index) as opened:
        yield opened


def test_home_has_the_search_box_and_the_reports(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'name="q"' in page.text and 'action="/search"' in page.text
    assert f'href="/reports/{SEED_ID}"' in page.text


def test_every_response_carries_the_security_policy(client):
    for url in ("/", "/search?q=accountability", "/api/themes", "/static/style.css",
                "/no-such-page"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy
        assert "unsafe-inline" not in policy


def test_search_page_shows_hits_with_marks_and_keeps_the_query(client):
    page = client.get("/search", params={"q": "accountability"})
    assert page.status_code == 200
    assert 'value="accountability"' in page.text
    assert "1–2 of 2 paragraphs" in page.text
    assert "Making zero tolerance a reality" in page.text
    assert "2021-03-17" in page.text and "5. Peer to Peer Learning Dialogue" in page.text
    assert re.search(r"<mark>accountab(ility|le)</mark>", page.text)
    assert f'href="/reports/{SEED_ID}?q=accountability#p' in page.text
    assert 'href="/speakers/Martha%20Helena%20Lopez"' in page.text


def test_a_hit_opens_its_report_with_the_query_marked(client, seed_index):
    hits = run_json(seed_index, "search", "accountability", "--format", "json")["hits"]
    page = client.get(f"/reports/{SEED_ID}", params={"q": "accountability"})
    assert "Marked: the words of <q>accountability</q>, in 2 paragraphs" in page.text
    for hit in hits:
        article = page.text.split(f'id="p{hit["paragraph"]}"')[1].split("</article>")[0]
        marked = re.findall(r"<mark>([^<]+)</mark>", article)
        assert marked == [hit["text"][start:end] for start, end in hit["highlights"]]
    assert page.text.count("<mark>") == sum(len(h["highlights"]) for h in hits)
    bad = client.get(f"/reports/{SEED_ID}", params={"q": "AND"})
    assert bad.status_code == 200 and "<mark>" not in bad.text


def test_pagination_numbers_and_range(client, seed_index):
    total = run_json(seed_index, "search", "harassment", "--format", "json")["total"]
    assert total > 9
    page = client.get("/search", params={"q": "harassment", "limit": 3, "page": 2})
    assert f"4–6 of {total} paragraphs" in page.text
    assert '<ol class="hits" start="4">' in page.text
    assert '<span class="current" aria-current="page">2</span>' in page.text
    assert 'rel="prev" href="/search?q=harassment&amp;limit=3"' in page.text
    assert 'rel="next" href="/search?q=harassment&amp;limit=3&amp;page=3"' in page.text


def test_did_you_mean_is_a_link(client):
    page = client.get("/search", params={"q": "harasment"})
    assert 'Did you mean <a href="/search?q=harassment">harassment</a>' in page.text


def test_speaker_facet_adds_a_filter_with_a_chip_that_removes_it(client):
    page = client.get("/search", params={"q": "accountability"})
    link = '/search?q=accountability&amp;speaker=Martha+Helena+Lopez'
    assert f'href="{link}"' in page.text
    narrowed = client.get(link.replace("&amp;", "&"))
    assert "1–1 of 1 paragraph where speaker is Martha Helena Lopez" in narrowed.text
    chips = narrowed.text.split('class="chips"')[1].split("</ul>")[0]
    assert "Martha Helena Lopez" in chips and 'href="/search?q=accountability"' in chips
    assert 'class="facet-link on"' in narrowed.text  # the facet now removes the filter


def test_facets_list_themes_reports_and_years(client):
    page = client.get("/search", params={"q": "harassment"})
    for title in ("Speakers", "Themes", "Reports", "Years"):
        assert f"<h2>{title}</h2>" in page.text
    assert 'href="/search?q=harassment&amp;since=2021&amp;until=2021"' in page.text
    year = client.get("/search", params={"q": "harassment", "since": "2021", "until": "2021"})
    assert '<span class="chip-name">year</span> 2021' in year.text


def test_filters_alone_list_paragraphs_in_order_as_the_cli_does(client, seed_index):
    page = client.get("/search", params={"theme": "leadership", "limit": 50})
    cli_hits = run_json(seed_index, "search", "--theme", "leadership", "--limit", "50",
                        "--format", "json")["hits"]
    anchors = re.findall(r'class="hit-link" href="/reports/([^"#]+)#p(\d+)"', page.text)
    assert anchors == [(h["report_id"], str(h["paragraph"])) for h in cli_hits]
    assert "<svg" not in page.text  # the charts are for searches with a query


def test_bad_query_is_the_cli_message_with_status_400(client, seed_index):
    for args, params in ((["AND"], {"q": "AND"}),
                         (['"open'], {"q": '"open'}),
                         (["x", "--speaker", "Nobody"], {"q": "x", "speaker": "Nobody"}),
                         (["x", "--since", "2021-13"], {"q": "x", "since": "2021-13"})):
        line = run(seed_index, "search", *args).stderr.strip()
        assert line.startswith("error: ")
        page = client.get("/search", params=params)
        assert page.status_code == 400
        assert _alert(page.text) == line
        assert "Traceback" not in page.text


def test_bounds_on_query_length_and_page_size(client):
    started = time.monotonic()
    page = client.get("/search", params={"q": "harassment " * 5_000})
    assert page.status_code == 400 and "at most 1000" in page.text
    assert time.monotonic() - started < 5
    assert client.get("/search", params={"q": "x", "limit": 1000}).status_code == 400
    assert client.get("/search", params={"q": "x", "page": "lots"}).status_code == 400
    assert client.get("/api/search", params={"q": "x" * 60_000}).status_code == 400


def test_a_100_kb_query_is_a_400_not_a_hang(seed_index):
    """Past what an HTTP client library sends: straight to the application."""
    import asyncio

    from search.web import create_app

    app = create_app(seed_index)
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    for path in ("/search", "/api/search"):
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
                 "query_string": b"q=" + b"harassment+" * 10_000, "headers": [],
                 "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1)}
        started = time.monotonic()
        asyncio.run(app(scope, receive, send))
        assert sent[-2]["status"] == 400 and time.monotonic() - started < 5
        assert b"at most 1000" in sent[-1]["body"]
    app.state.live.close()


def test_report_page(client, seed_index):
    page = client.get(f"/reports/{SEED_ID}")
    assert page.status_code == 200
    outline = run_json(seed_index, "show", SEED_ID, "--json")
    assert outline["title"] in _unescape(page.text)
    assert outline["date"] in page.text and outline["source"] in page.text
    for paragraph in outline["paragraphs"]:
        assert f'id="p{paragraph["paragraph"]}"' in page.text
    lopez = next(p for p in outline["paragraphs"] if p["speakers"] == ["Martha Helena Lopez"])
    article = page.text.split(f'id="p{lopez["paragraph"]}"')[1].split("</article>")[0]
    assert "Martha Helena Lopez" in article  # the speaker beside the turn
    assert re.search(r'class="para tint-\d"', page.text)
    legend = page.text.split('class="legend"')[1].split("</section>")[0]
    assert "Martha Helena Lopez" in legend and '<span class="count"' in legend
    assert 'class="outline"' in page.text and "EVENT REPORT SUMMARY" in page.text
    assert 'class="tags"' in page.text  # themes per paragraph


def test_unknown_report_is_a_404_with_the_cli_message(client, seed_index):
    line = run(seed_index, "show", "no-such-report").stderr.strip()
    page = client.get("/reports/no-such-report")
    assert page.status_code == 404 and _alert(page.text) == line
    for path in ("/reports/..%2F..%2Fetc%2Fpasswd", "/reports/../../etc/passwd"):
        assert client.get(path).status_code == 404
    api = client.get("/api/reports/no-such-report")
    assert api.status_code == 404 and api.json() == {"error": line.removeprefix("error: ")}


def test_speaker_page(client, seed_index):
    page = client.get("/speakers/Martha Helena Lopez")
    assert page.status_code == 200
    person = next(p for p in run_json(seed_index, "speakers", "--json")
                  if p["name"] == "Martha Helena Lopez")
    text = _unescape(page.text)
    for value in (*person["titles"], *person["roles"], *person["organisations"],
                  *person["aliases"]):
        assert value in text
    assert f"{person['paragraphs']} paragraphs as a speaker" in text
    assert '<input type="hidden" name="speaker" value="Martha Helena Lopez">' in page.text
    assert text.count('class="hit"') == person["paragraphs"]
    assert "/search?speaker=Martha+Helena+Lopez&amp;theme=" in page.text


def test_speaker_short_name_redirects_and_unknown_is_404(client, seed_index):
    short = client.get("/speakers/lopez", follow_redirects=False)
    assert short.status_code == 303
    assert short.headers["location"] == "/speakers/Martha%20Helena%20Lopez"
    line = run(seed_index, "search", "--speaker", "Nobody").stderr.strip()
    missing = client.get("/speakers/Nobody")
    assert missing.status_code == 404 and _alert(missing.text) == line


def test_a_name_of_several_people_asks_which(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "two.md").write_text(
        "---\ntitle: Two Okafors\ndate: 2022-05-04\n---\n\n"
        "Ms. Jane Okafor said that the review must be done in public.\n\n"
        "Dr. Amara Okafor noted that the budget for the review was agreed.\n")
    assert run(tmp_path / "ix", "index", str(tmp_path / "in"), "-q").exit_code == 0
    with client_for(tmp_path / "ix") as client:
        page = client.get("/speakers/Okafor")
    assert page.status_code == 200 and "The name fits 2 people" in page.text
    assert 'href="/speakers/Jane%20Okafor"' in page.text
    assert 'href="/speakers/Amara%20Okafor"' in page.text


def test_people_and_themes_pages_sort_and_link(client, seed_index):
    people = client.get("/speakers")
    rows = run_json(seed_index, "speakers", "--json")
    names = re.findall(r'<td><a href="/speakers/[^"]+">([^<]+)</a></td>', people.text)
    assert [_unescape(n) for n in names] == [r["name"] for r in rows]
    by_name = client.get("/speakers", params={"sort": "name"})
    names = re.findall(r'<td><a href="/speakers/[^"]+">([^<]+)</a></td>', by_name.text)
    assert names == sorted(names, key=lambda n: _unescape(n).casefold())
    assert "Who speaks to which theme" in people.text
    themes = client.get("/themes")
    top = run_json(seed_index, "themes", "--json")[0]
    assert f'href="/search?theme={top["theme"]}"' in themes.text
    assert "Who speaks to which theme" in themes.text
    assert re.search(r'href="/search\?speaker=[^"&]+&amp;theme=[^"]+">\d+</a>', themes.text)
    reports = client.get("/reports", params={"sort": "title"})
    assert reports.status_code == 200 and f'href="/reports/{SEED_ID}"' in reports.text


def test_charts_draw_speakers_and_years_with_titles_and_tables(client):
    page = client.get("/search", params={"q": "harassment"})
    assert page.text.count("<svg") == 2
    chart = page.text.split('class="chart speakers-chart"')[1].split("</figure>")[0]
    bars = re.findall(r"<title>([^<]+): (\d+) paragraphs?</title>", chart)
    assert bars and all(int(n) > 0 for _, n in bars)
    assert "<details" in chart and "<table>" in chart
    assert "Matching paragraphs per" in page.text


@pytest.mark.parametrize("args", [
    ["accountability"],
    ["harassment", "--limit", "3", "--page", "2"],
    ["funding", "--speaker", "Rosa Benítez"],
    ["--theme", "leadership", "--since", "2021", "--until", "2021-12"],
    ["harasment"],
    ['"zero tolerance" OR clearcheck', "--section", "Dialogue"],
])
def test_api_search_is_the_cli_json(client, seed_index, args):
    cli_out = run_json(seed_index, "search", *args, "--format", "json")
    params = _params(args)
    assert client.get("/api/search", params=params).json() == cli_out


def test_api_search_explain_is_the_cli_explain(client, seed_index):
    cli_out = run_json(seed_index, "search", "accountability", "--explain", "--format", "json")
    api = client.get("/api/search", params={"q": "accountability", "explain": "1"}).json()
    assert api == cli_out and "explain" in api


def test_api_lists_are_the_cli_json(client, seed_index):
    assert client.get("/api/reports").json() == run_json(seed_index, "list", "--json")
    assert client.get(f"/api/reports/{SEED_ID}").json() == \
        run_json(seed_index, "show", SEED_ID, "--json")
    assert client.get("/api/speakers").json() == run_json(seed_index, "speakers", "--json")
    assert client.get("/api/speakers", params={"report": "dialogue"}).json() == \
        run_json(seed_index, "speakers", "--report", "dialogue", "--json")
    assert client.get("/api/themes").json() == run_json(seed_index, "themes", "--json")


def test_api_errors_are_json(client, seed_index):
    line = run(seed_index, "search", "AND").stderr.strip()
    bad = client.get("/api/search", params={"q": "AND"})
    assert bad.status_code == 400 and bad.json() == {"error": line.removeprefix("error: ")}
    empty = client.get("/api/search")
    assert empty.status_code == 400 and "give a QUERY" in empty.json()["error"]
    assert client.get("/api/speakers", params={"report": "nope"}).status_code == 400
    assert client.get("/api/nothing").status_code == 404
    assert client.get("/api/nothing").json() == {"error": "no such page"}


def test_an_unexpected_error_is_one_line_not_a_traceback(seed_index, monkeypatch):
    from search.library import Library
    from search.web import create_app

    def broken(self, request):
        raise RuntimeError("<b>boom</b>")

    monkeypatch.setattr(Library, "search", broken)
    app = create_app(seed_index)
    with starlette_testclient.TestClient(app, raise_server_exceptions=False) as client:
        page = client.get("/search", params={"q": "x"})
        api = client.get("/api/search", params={"q": "x"})
    assert page.status_code == 500 and "Traceback" not in page.text
    assert _alert(page.text) == "error: unexpected RuntimeError: <b>boom</b>"
    assert "<b>boom" not in page.text
    assert api.status_code == 500
    assert api.json() == {"error": "unexpected RuntimeError: <b>boom</b>"}


def test_report_text_is_escaped_everywhere(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "xss.md").write_text(XSS_REPORT)
    index = tmp_path / "ix"
    assert run(index, "index", str(tmp_path / "in"), "-q").exit_code == 0
    with client_for(index) as client:
        pages = [client.get("/search", params={"q": "safety"}).text,
                 client.get("/reports/xss").text,
                 client.get("/speakers/Jane Okafor").text,
                 client.get("/").text]
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(" in page or "&lt;img src=x" in page
    assert "&lt;img src=x onerror=alert(&#39;img&#39;)&gt;" in pages[1]
    assert "<mark>safety</mark>" in pages[0]


def test_a_new_generation_is_picked_up_without_a_restart(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    index = tmp_path / "ix"
    assert run(index, "index", str(folder), "-q").exit_code == 0
    with client_for(index) as client:
        before = client.get("/api/search", params={"q": "whistleblower"}).json()
        assert before["total"] == 0
        shutil.copy(FIXTURES / "briefing-notes.txt", folder / "briefing-notes.txt")
        assert run(index, "index", str(folder), "-q").exit_code == 0
        after = client.get("/api/search", params={"q": "whistleblower"}).json()
        assert after["total"] > 0
        assert after == run_json(index, "search", "whistleblower", "--format", "json")
        assert len(client.get("/api/reports").json()) == 2
        assert client.get("/reports/briefing-notes").status_code == 200


def test_serve_has_help_and_a_readme_section():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output and "--open" in result.output
    readme = (ROOT / "README.md").read_text()
    assert "reports serve" in readme and "## The search page" in readme
    assert (ROOT / "docs" / "search-page.png").is_file()


def test_serve_without_an_index_is_one_error_line(tmp_path):
    result = run(tmp_path / "none", "serve", "--port", "0")
    assert result.exit_code == 1 and result.stderr.startswith("error: no index")


def test_loopback_and_other_addresses():
    from search.web.server import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    assert not is_loopback("example.org")


def test_web_and_library_modules_stay_small_and_indexer_does_not_import_them():
    for folder in ("search/web", "search/library"):
        for path in (ROOT / folder).glob("*.py"):
            assert len(path.read_text().splitlines()) <= 400, path
    for path in (ROOT / "indexer").rglob("*.py"):
        assert not re.search(r"^\s*(from|import) search\b", path.read_text(), re.M), path


def _params(args: list[str]) -> list[tuple[str, str]]:
    """CLI arguments -> the same query as URL parameters."""
    pairs, words = [], []
    items = iter(args)
    for arg in items:
        if arg.startswith("--"):
            pairs.append((arg[2:], next(items)))
        else:
            words.append(arg)
    return [("q", " ".join(words))] * bool(words) + pairs


def _alert(page: str) -> str:
    """The one-line message a page shows, as text."""
    import html

    return html.unescape(page.split('role="alert">')[1].split("</p>")[0])


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)



@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_prints_the_url_answers_and_stops_on_ctrl_c(seed_index, workers):
    import os
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "search", "--index", str(seed_index),
                             "serve", "--port", "0", "--workers", workers], env=env,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/) ", line)[1]
        with urllib.request.urlopen(url + "search?q=accountability", timeout=30) as page:
            assert page.status == 200 and b"<mark>" in page.read()
        host, port = url[7:-1].split(":")
        with socket.create_connection((host, int(port)), timeout=30) as raw:
            raw.sendall(b"GET /search?q=" + b"x" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            assert raw.recv(100).startswith(b"HTTP/1.1 4")  # refused, not a hang
        with urllib.request.urlopen(url, timeout=30) as page:  # and still serving
            assert page.status == 200
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_serve_warns_once_when_not_on_loopback(seed_index, monkeypatch):
    import search.web.server as server

    opened = []
    monkeypatch.setattr(server, "listen", lambda host, port: opened.append(host) or
                        _loopback_socket())
    monkeypatch.setattr(server, "run", lambda app, sock, workers: (sock.close(),
                                                                   app.state.live.close()))
    result = run(seed_index, "serve", "--host", "0.0.0.0", "--port", "0")
    assert result.exit_code == 0 and opened == ["0.0.0.0"]
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("warning: ")
    assert "network" in warnings[0] or "reach this machine" in warnings[0]
    quiet = run(seed_index, "serve", "--port", "0")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def _loopback_socket():
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


def _version(letter: str, paragraphs: int) -> str:
    body = "\n\n".join(f"Paragraph {n} of version {letter}: the committee discussed "
                       f"budget item {letter.lower()}{n}." for n in range(1, paragraphs + 1))
    return f"---\ntitle: Version {letter}\ndate: 2024-01-0{paragraphs % 9 + 1}\n---\n\n{body}\n"


def test_a_request_never_sees_half_a_report(tmp_path):
    """Re-index a report between two versions while requests run: every answer is all
    one version (title, paragraphs, totals), never a mixture."""
    import os
    import subprocess
    import sys
    import threading

    folder = tmp_path / "in"
    folder.mkdir()
    report = folder / "flip.md"
    versions = {"A": 3, "B": 7}
    report.write_text(_version("A", versions["A"]))
    index = tmp_path / "ix"
    assert run(index, "index", str(folder), "-q").exit_code == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = threading.Event()
    failures = []

    def reindex():
        try:
            for letter in "BABA":
                report.write_text(_version(letter, versions[letter]))
                subprocess.run([sys.executable, "-m", "search", "--index", str(index), "index",
                                str(folder), "-q"], env=env, check=True, capture_output=True,
                               timeout=120)
        except Exception as exc:  # reported by the test, not lost in the thread
            failures.append(exc)
        finally:
            done.set()

    seen = set()
    with client_for(index) as client:
        writer = threading.Thread(target=reindex)
        writer.start()
        while not done.is_set():
            outline = client.get("/api/reports/flip").json()
            letter = outline["title"][-1]
            seen.add(letter)
            assert len(outline["paragraphs"]) == versions[letter]
            assert all(f"of version {letter}:" in p["text"] for p in outline["paragraphs"])
            found = client.get("/api/search", params={"q": "committee", "limit": 20}).json()
            letters = {h["report_title"][-1] for h in found["hits"]}
            assert len(letters) == 1 and found["total"] == versions[letters.pop()]
            assert found["facets"]["reports"] == {"flip": found["total"]}
        writer.join()
    assert not failures, failures
    assert seen == {"A", "B"}


def test_a_rebuilt_index_is_picked_up_too(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    index = tmp_path / "ix"
    for _ in range(3):  # a few generations, so that a rebuild starts again lower
        (folder / "briefing-notes.txt").unlink(missing_ok=True)
        assert run(index, "index", str(folder), "-q", "--prune").exit_code == 0
        shutil.copy(FIXTURES / "briefing-notes.txt", folder / "briefing-notes.txt")
        assert run(index, "index", str(folder), "-q").exit_code == 0
    with client_for(index) as client:
        assert len(client.get("/api/reports").json()) == 2
        live = client.app.state.live
        before = live.generation
        (folder / "briefing-notes.txt").unlink()
        assert run(index, "index", str(folder), "-q", "--rebuild").exit_code == 0
        assert [r["id"] for r in client.get("/api/reports").json()] == [SEED_ID]
        assert live.generation != before, (before, live.generation)
        assert live.generation < before  # the rebuilt index counts again from the start
        for _ in range(3):  # and the libraries of the rebuilt index are kept, not reopened
            client.get("/api/search", params={"q": "harassment"})
        assert len(live._idle) >= 1

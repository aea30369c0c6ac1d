"""``reports serve``: the local, read-only web page over the index."""

from __future__ import annotations

import os

import click

from .cli_support import _index_path, index_option, people_option


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback shows the index to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a web browser.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes answering requests, each running one search at a time "
                   "[default: 2, or 1 on a one-core machine].")
@people_option
@index_option
@click.pass_context
def serve_command(ctx, host, port, open_browser, workers, people, index_path):
    """A local, read-only web page over the index: search with facets and charts,
    reports, people, themes, and the same data as JSON under /api/.

    A re-index while it runs is picked up on the next request. Ctrl-C stops it.

    Example: reports serve --open
    """
    from .web import create_app
    from .web.server import is_loopback, listen, run, url_of

    app = create_app(_index_path(ctx, index_path), people_file=people)
    sock = listen(host, port)
    if not is_loopback(host):
        click.echo(f"warning: listening on {host}: the index becomes visible to the "
                   "network (anyone who can reach this machine can read it)", err=True)
    url = url_of(sock)
    click.echo(f"serving {_index_path(ctx, index_path)} at {url} (Ctrl-C stops)")
    if open_browser:
        import webbrowser

        webbrowser.open(url)
    run(app, sock, workers or min(2, os.cpu_count() or 1))
    click.echo("stopped")

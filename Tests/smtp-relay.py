#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd).

    smtp-relay.py --out DIR [--port N] [--reject PREFIX] [--hang]

Prints "listening PORT" when ready. Each accepted message is written to DIR as NNNN.eml, with
the envelope recipients in NNNN.rcpt. RCPT TO an address starting with PREFIX is refused with
550. --hang accepts connections and never says anything (a relay that never answers); it writes
one line per connection to DIR/connections. Stops on SIGTERM or SIGINT.
"""
import argparse
import os
import signal
import socket
import threading

parser = argparse.ArgumentParser()
parser.add_argument("--out", required=True)
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--reject", default=None)
parser.add_argument("--hang", action="store_true")
args = parser.parse_args()
os.makedirs(args.out, exist_ok=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
signal.signal(signal.SIGINT, lambda *_: stop.set())


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if args.hang:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", args.port))
    server.listen(16)
    server.settimeout(0.2)
    held = []
    print("listening %d" % server.getsockname()[1], flush=True)
    while not stop.is_set():
        try:
            connection, _ = server.accept()
        except socket.timeout:
            continue
        held.append(connection)
        with open(os.path.join(args.out, "connections"), "a") as log:
            log.write("connection\n")
    raise SystemExit(0)

from aiosmtpd.controller import Controller  # noqa: E402


class Handler:
    # Numbering goes on after the messages already in DIR, so a restarted relay overwrites none.
    count = len([name for name in os.listdir(args.out) if name.endswith(".eml")])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.reject and address.startswith(args.reject):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        base = os.path.join(args.out, "%04d" % Handler.count)
        with open(base + ".rcpt", "w") as rcpt:
            rcpt.write("\n".join(envelope.rcpt_tos))
        with open(base + ".eml", "wb") as message:
            message.write(envelope.original_content or envelope.content)
        return "250 2.0.0 queued as %04d" % Handler.count


port = args.port or free_port()
controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
print("listening %d" % port, flush=True)
stop.wait()
controller.stop()

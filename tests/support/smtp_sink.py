#!/usr/bin/env python3
"""A real SMTP server for the e-mail tests: Debian's aiosmtpd on 127.0.0.1:PORT, writing every
message it accepts to FOLDER/<n>.eml (the bytes as received, with the envelope's recipients in
an X-Envelope-To header). Prints "ready" once it listens; runs until killed. With HOLD, the
first message is written and then its 250 held back for HOLD seconds, so that a test can kill the
sender between the end of the DATA and the server's answer.

Usage: smtp_sink.py PORT FOLDER [HOLD]
"""
import asyncio
import os
import sys
import time

from aiosmtpd.controller import Controller


class Folder:
    def __init__(self, folder, hold):
        self.folder = folder
        self.hold = hold
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, "%d.eml" % self.count)
        head = "X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)
        with open(path + ".part", "wb") as out:
            out.write(head.encode("ascii") + envelope.original_content)
        os.rename(path + ".part", path)
        if self.count == 1 and self.hold > 0:
            await asyncio.sleep(self.hold)
        return "250 OK"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    hold = float(sys.argv[3]) if len(sys.argv) > 3 else 0
    controller = Controller(Folder(folder, hold), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()

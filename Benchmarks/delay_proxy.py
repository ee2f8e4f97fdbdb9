#!/usr/bin/env python3
"""A loopback TCP proxy that delays every chunk by a fixed time in each direction (netem is not available).

Each chunk read from one side is written to the other side DELAY seconds after it arrived, in order; chunks
do not wait for each other, so a round trip through the proxy costs 2 × DELAY. Used by bench_register.py to
count round trips: (wall through the proxy − wall direct) / (2 × DELAY).

Usage: delay_proxy.py UPSTREAM_PORT [--delay 0.025] → prints the listening port on stdout, runs until killed.
"""
import argparse
import asyncio
import sys


async def pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()

    async def deliver() -> None:
        while True:
            due, chunk = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if chunk is None:
                writer.close()
                return
            writer.write(chunk)
            await writer.drain()

    delivery = asyncio.create_task(deliver())
    try:
        while True:
            chunk = await reader.read(65536)
            queue.put_nowait((loop.time() + delay, chunk or None))
            if not chunk:
                break
        await delivery
    except (ConnectionError, asyncio.CancelledError):
        delivery.cancel()
        writer.close()


async def serve(upstream_port: int, delay: float) -> None:
    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pump(client_reader, server_writer, delay), pump(server_reader, client_writer, delay),
            return_exceptions=True)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("upstream_port", type=int)
    parser.add_argument("--delay", type=float, default=0.025)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.upstream_port, args.delay))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()

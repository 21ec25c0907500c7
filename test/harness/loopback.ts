import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Helpers for the small HTTP servers the tests start next to the sandbox (webhook receivers,
 * fault proxies, "stray" hosts that must never see the key): loopback only, on a free port.
 */

/** Listen on 127.0.0.1 on a free port; resolves to the server's origin (`http://127.0.0.1:N`). */
export async function listenOnLoopback(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Stop the server, dropping kept-alive connections so that close() does not wait for clients
 * (n8n-core's or the sandbox's) to hang up.
 */
export async function closeServer(server: Server | undefined): Promise<void> {
	if (!server) return;
	await new Promise<void>((resolve) => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}

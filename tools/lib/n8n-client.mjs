// @ts-check
// n8n's internal REST API (what the editor uses), with the session cookie kept between calls.

import { createHash } from 'node:crypto';

/** A tiny cookie-keeping client for n8n's internal REST API (what the editor uses). */
export class N8nClient {
	/** @param {string} base e.g. http://127.0.0.1:5678 */
	constructor(base) {
		this.base = base;
		this.cookie = '';
		// n8n binds the auth cookie to the browser-id header it was issued with.
		this.browserId = `skilljar-scripts-${createHash('sha1').update(base).digest('hex').slice(0, 8)}`;
	}

	/**
	 * @param {string} method @param {string} route below /rest, e.g. `/workflows`
	 * @param {unknown} [body]
	 * @returns {Promise<{ status: number, json: any, text: string }>}
	 */
	async request(method, route, body) {
		const res = await fetch(`${this.base}/rest${route}`, {
			method,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { Cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie();
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await res.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			/* not JSON */
		}
		return { status: res.status, json, text };
	}

	/**
	 * Set up the owner account on a fresh n8n, or log in as it.
	 * @param {{ email: string, password: string, firstName?: string, lastName?: string }} owner
	 * @returns {Promise<'created' | 'existing'>}
	 */
	async ensureOwner({ email, password, firstName = 'Sandbox', lastName = 'Owner' }) {
		const settings = await this.request('GET', '/settings');
		const needsSetup = settings.json?.data?.userManagement?.showSetupOnFirstLoad;
		if (needsSetup) {
			const res = await this.request('POST', '/owner/setup', {
				email,
				password,
				firstName,
				lastName,
			});
			if (res.status !== 200)
				throw new Error(`Owner setup failed: HTTP ${res.status} ${res.text.slice(0, 300)}`);
			return 'created';
		}
		await this.login(email, password);
		return 'existing';
	}

	/** @param {string} email @param {string} password */
	async login(email, password) {
		let res = await this.request('POST', '/login', { emailOrLdapLoginId: email, password });
		if (res.status === 400) res = await this.request('POST', '/login', { email, password });
		if (res.status !== 200)
			throw new Error(`Login failed: HTTP ${res.status} ${res.text.slice(0, 300)}`);
	}
}

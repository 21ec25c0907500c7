// Browser check of the n8n editor with the package loaded: log in, open a new workflow, find
// "Skilljar" in the node panel, add a Skilljar Domain action and check that its resources,
// operations and the "Skilljar sandbox" credential show up, with no errors in the console.
// Uses Debian's Chromium (installed with apt-get when missing) driven by playwright-core.
//
// Standalone: node test/e2e/browser.mjs http://127.0.0.1:5678 owner@example.com Skilljar-sandbox-1
// (e.g. against `npm start`); normally called by test/e2e/run.mjs.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export function ensureChromium(log = console.log) {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	log('› Installing Debian chromium (apt-get install -y chromium)');
	const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const sudo = asRoot ? [] : ['sudo', '-n'];
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [
		['apt-get', 'update', '-qq'],
		['apt-get', 'install', '-y', '-qq', 'chromium'],
	]) {
		const cmd = [...sudo, ...args];
		const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env, timeout: 15 * 60 * 1000 });
		if (r.status !== 0)
			throw new Error(`${cmd.join(' ')} failed (${r.status ?? r.signal ?? r.error})`);
	}
	if (!fs.existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} still missing after apt-get install chromium`);
	return CHROMIUM;
}

/** Console messages that say nothing about the editor or the package. */
function ignorable(text) {
	// The closed network refuses any outside request the frontend may still make.
	return /net::ERR_(NAME_NOT_RESOLVED|CONNECTION_REFUSED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|BLOCKED_BY_CLIENT|CERT_[A-Z_]+|TUNNEL_CONNECTION_FAILED|PROXY_CONNECTION_FAILED)/.test(
		text,
	);
}

export async function browserCheck({
	base,
	email,
	password,
	outDir,
	log = console.log,
	timeoutMs = 120000,
}) {
	const executablePath = ensureChromium(log);
	const { chromium } = await import('playwright-core');
	fs.mkdirSync(outDir, { recursive: true });
	// Playwright gives the browser a fresh temporary profile of its own.
	const browser = await chromium.launch({ executablePath, args: ARGS, timeout: 60000 });
	const errors = [];
	const ignored = [];
	const shot = (name) => path.join(outDir, `browser-${name}.png`);
	const deadline = setTimeout(() => void browser.close(), timeoutMs); // hard bound on the whole check
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(30000);
		// Before login the editor's own "am I logged in?" call answers 401, as it should.
		let phase = 'signin';
		page.on('console', (msg) => {
			if (msg.type() !== 'error') return;
			const text = `[${phase}] console: ${msg.text()} ${msg.location()?.url ?? ''}`;
			if (ignorable(msg.text()) || (phase === 'signin' && /status of 401/.test(msg.text())))
				ignored.push(text);
			else errors.push(text);
		});
		page.on('pageerror', (err) => {
			// n8n's own sign-in page reads the version-notification settings before they are loaded
			// (versions.store: "reading 'enabled'"): n8n's own code, not this package's.
			if (
				phase === 'signin' &&
				/reading 'enabled'/.test(err.message) &&
				/versions\.store/.test(err.stack ?? '')
			) {
				ignored.push(`[signin] n8n sign-in page error: ${err.message}`);
				return;
			}
			errors.push(
				`[${phase}] page error: ${err.message}\n${(err.stack ?? '').split('\n').slice(1, 4).join('\n')}`,
			);
		});
		page.on('requestfailed', (req) => {
			const url = req.url();
			const reason = req.failure()?.errorText ?? '';
			// ERR_ABORTED: a request cut short by navigating on, not a failure of the server.
			if (url.startsWith(base) && !/ERR_ABORTED/.test(reason))
				errors.push(`[${phase}] request failed: ${req.method()} ${url} ${reason}`);
			else
				ignored.push(
					`[${phase}] ${url.startsWith(base) ? 'aborted' : 'outside request blocked'}: ${url} ${reason}`,
				);
		});

		await page.goto(`${base}/signin`, { waitUntil: 'domcontentloaded' });
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
			.first()
			.fill(email);
		await page.locator('input[type="password"]').first().fill(password);
		await page
			.locator('[data-test-id="form-submit-button"], button[type="submit"]')
			.first()
			.click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
		phase = 'home';
		await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
		phase = 'editor';

		await page.goto(`${base}/workflow/new`, { waitUntil: 'domcontentloaded' });
		await page
			.locator('[data-test-id="canvas-plus-button"], [data-test-id="canvas-add-button"]')
			.first()
			.click();
		const search = page
			.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder^="Search"]')
			.first();
		await search.fill('Skilljar');
		const items = page.locator('[data-test-id="node-creator-item-name"]');
		await items.filter({ hasText: 'Skilljar' }).first().waitFor();
		const names = await items.allInnerTexts();
		const skilljar = names.filter((n) => /Skilljar/.test(n));
		await page.screenshot({ path: shot('1-node-panel') });
		if (!skilljar.some((n) => /Skilljar Domain/.test(n)))
			throw new Error(`node panel shows: ${names.join(', ')}`);
		if (skilljar.length < 20)
			throw new Error(
				`only ${skilljar.length} Skilljar nodes in the panel: ${skilljar.join(', ')}`,
			);

		// The node's actions, grouped by resource.
		await items
			.filter({ hasText: /^Skilljar Domain$/ })
			.first()
			.click();
		const actions = page.locator(
			'[data-test-id="node-creator-action-item"], [data-test-id="node-creator-item-name"]',
		);
		await actions.filter({ hasText: 'Create a domain user' }).first().waitFor();
		const actionText = await page.locator('[data-test-id="node-creator"]').first().innerText();
		await page.screenshot({ path: shot('2-actions') });
		for (const expected of ['Create a course enrollment', 'Get many domain users']) {
			if (!actionText.includes(expected))
				throw new Error(`action "${expected}" missing from the Skilljar Domain actions`);
		}

		// Add it: the node's settings open with the credential already picked.
		await actions.filter({ hasText: 'Create a domain user' }).first().click();
		const ndv = page.locator('[data-test-id="ndv"]').first();
		await ndv.waitFor();
		// The credential select shows the picked credential as its input's value.
		const values = await ndv.locator('input').evaluateAll((els) => els.map((el) => el.value));
		const texts = await ndv.innerText();
		if (!values.includes('Skilljar sandbox') && !texts.includes('Skilljar sandbox')) {
			throw new Error(
				`credential "Skilljar sandbox" not picked; inputs: ${values.filter(Boolean).join(', ')}`,
			);
		}
		const params = page.locator('[data-test-id="node-parameters"]').first();
		await params.waitFor();
		const resource = await params
			.locator('[data-test-id="parameter-input-resource"] input')
			.first()
			.inputValue();
		const operation = await params
			.locator('[data-test-id="parameter-input-operation"] input')
			.first()
			.inputValue();
		const paramText = await params.innerText();
		await page.screenshot({ path: shot('3-node-settings') });
		if (resource !== 'Domain User') throw new Error(`Resource shows "${resource}"`);
		if (operation !== 'Create') throw new Error(`Operation shows "${operation}"`);
		for (const label of ['Domain Name', 'User Email']) {
			if (!paramText.includes(label)) throw new Error(`parameter "${label}" not shown`);
		}

		// Every resource of the node is offered.
		await params.locator('[data-test-id="parameter-input-resource"]').first().click();
		const option = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
		await option.filter({ hasText: 'Access Code Pool' }).first().waitFor(); // dropdown opened
		const options = await option.allInnerTexts();
		await page.screenshot({ path: shot('4-resources') });
		for (const expected of ['Course Enrollment', 'Domain User', 'Access Code Pool']) {
			if (!options.some((o) => o.includes(expected)))
				throw new Error(`resource "${expected}" not offered: ${options.join(', ')}`);
		}
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
		if (errors.length) throw new Error(`browser console errors:\n${errors.join('\n')}`);
		if (ignored.length) log(`    (ignored: ${ignored.join('; ')})`);
	} catch (err) {
		const pages = browser.contexts().flatMap((c) => c.pages());
		if (pages[0]) await pages[0].screenshot({ path: shot('failure') }).catch(() => {});
		throw new Error(
			`${err.message}${errors.length ? `\nconsole errors:\n${errors.join('\n')}` : ''}\n(screenshots in ${outDir})`,
		);
	} finally {
		clearTimeout(deadline);
		await browser.close().catch(() => {});
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const [
		base = 'http://127.0.0.1:5678',
		email = 'owner@example.com',
		password = 'Skilljar-sandbox-1',
	] = process.argv.slice(2);
	const outDir = path.resolve(
		path.dirname(fileURLToPath(import.meta.url)),
		'..',
		'..',
		'test-output',
	);
	browserCheck({ base, email, password, outDir }).then(
		() => console.log('browser check passed'),
		(err) => {
			console.error(err.message);
			process.exit(1);
		},
	);
}

// @ts-check
// End to end in n8n 2.x on a Node 24 binary from the npm registry: headless examples, the
// server, the Skilljar nodes as tools of an MCP Server Trigger, the Skilljar Trigger, the Skilljar
// Poll Trigger and the editor in a browser (E2E_BROWSER=0 skips the browser).

import { N8N_V2 } from '../../tools/lib/runtimes.mjs';
import { browser } from './concerns/browser.mjs';
import { headless } from './concerns/headless.mjs';
import { mcpTools } from './concerns/mcp-tools.mjs';
import { poll } from './concerns/poll.mjs';
import { server } from './concerns/server.mjs';
import { trigger } from './concerns/trigger.mjs';
import { v2Picker } from './concerns/v2-picker.mjs';
import { v2Token } from './concerns/v2token.mjs';
import { n8nLineSuite } from './support/n8n-line.mjs';

n8nLineSuite(N8N_V2, 'v2', [
	headless,
	v2Token,
	server,
	mcpTools,
	v2Picker,
	trigger,
	poll,
	...(process.env.E2E_BROWSER === '0' ? [] : [browser]),
]);

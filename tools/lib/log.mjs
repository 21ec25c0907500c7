// @ts-check
// Console output for the tools: colours only on a terminal, and writes that never throw (a
// closed terminal, SIGHUP, must not stop a shutdown half-way).

const tty = Boolean(process.stdout.isTTY);
/** @param {string} code */
const paint = (code) => /** @param {string} text */ (text) =>
	tty ? `\x1b[${code}m${text}\x1b[0m` : text;
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const red = paint('31');
export const yellow = paint('33');

// After the terminal is gone, stdout answers EIO/EPIPE asynchronously; ignore that.
process.stdout.on('error', () => {});

/** @param {string} message */
export function log(message) {
	try {
		process.stdout.write(`${message}\n`);
	} catch {
		/* the terminal is gone */
	}
}

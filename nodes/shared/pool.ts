/**
 * Runs `worker(0 … total-1)` with at most `concurrency` in flight, starting them in index order.
 * After a worker throws, no new index starts; those in flight finish, and the error of the lowest
 * failed index is thrown (so "the first failure" means the first in input order, as it would be
 * when running one by one).
 */
export async function runPool(
	total: number,
	concurrency: number,
	worker: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	const failures: Array<{ index: number; error: unknown }> = [];
	const lane = async (): Promise<void> => {
		while (failures.length === 0 && next < total) {
			const index = next++;
			try {
				await worker(index);
			} catch (error) {
				failures.push({ index, error });
			}
		}
	};
	const lanes = Math.max(1, Math.min(concurrency, total));
	await Promise.all(Array.from({ length: lanes }, lane));
	if (failures.length) {
		throw failures.reduce((first, entry) => (entry.index < first.index ? entry : first)).error;
	}
}

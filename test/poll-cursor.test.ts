import type { IDataObject } from 'n8n-workflow';

import {
	firstState,
	OVERLAP_MS,
	readFrom,
	START_SLACK_MS,
	takeNew,
	type PollState,
} from '../nodes/SkilljarPollTrigger/cursor';
import { narrowedSpan, seenQuantile } from '../nodes/SkilljarPollTrigger/catchUp';

/** The poll trigger's resume point, on records as API v2 lists them (times with microseconds). */
describe('Skilljar Poll Trigger: where a poll resumes', () => {
	const start = Date.UTC(2026, 11, 7, 3, 0, 0);
	const at = (seconds: number, micro = '000') =>
		new Date(start + seconds * 1000).toISOString().replace('Z', `${micro}+00:00`);
	const enrollment = (id: string, seconds: number, micro?: string): IDataObject => ({
		id,
		enrolled_at: at(seconds, micro),
	});

	test('the first poll starts now, or the backfill period before now', () => {
		expect(firstState(start, 0).since).toBe(new Date(start).toISOString());
		expect(firstState(start, 6).since).toBe(new Date(start - 6 * 3600_000).toISOString());
		// The overlap never reaches before the start (less a few seconds for clocks that differ).
		expect(readFrom(firstState(start, 0))).toBe(new Date(start - START_SLACK_MS).toISOString());
		const later = takeNew(firstState(start, 0), [enrollment('x', 600)], 'enrolled_at').state;
		expect(readFrom(later)).toBe(new Date(start + 600_000 - OVERLAP_MS).toISOString());
	});

	test('records from just before the activation are not emitted, even those the overlap reads', () => {
		const { fresh } = takeNew(
			firstState(start, 0),
			[enrollment('before', -30), enrollment('just-before', -2), enrollment('after', 30)],
			'enrolled_at',
		);
		expect(fresh.map((r) => r.id)).toEqual(['just-before', 'after']);
	});

	test('new records are emitted oldest first, each once, and the overlap read again emits nothing', () => {
		let state: PollState = firstState(start, 0);
		const first = takeNew(state, [enrollment('b', 20), enrollment('a', 10), enrollment('c', 20, '001')], 'enrolled_at');
		expect(first.fresh.map((r) => r.id)).toEqual(['a', 'b', 'c']);
		state = first.state;
		expect(Date.parse(state.since)).toBe(start + 20_000);
		// The next poll reads from two minutes before: the same three come back, plus one new.
		const second = takeNew(
			state,
			[enrollment('a', 10), enrollment('b', 20), enrollment('c', 20, '001'), enrollment('d', 21)],
			'enrolled_at',
		);
		expect(second.fresh.map((r) => r.id)).toEqual(['d']);
		expect(takeNew(second.state, [enrollment('d', 21)], 'enrolled_at').fresh).toEqual([]);
	});

	test('a record that shows up late, but within the overlap, is still emitted', () => {
		const { state } = takeNew(firstState(start, 0), [enrollment('new', 100)], 'enrolled_at');
		const late = takeNew(state, [enrollment('late', 100 - 60), enrollment('new', 100)], 'enrolled_at');
		expect(late.fresh.map((r) => r.id)).toEqual(['late']);
		expect(Date.parse(late.state.since)).toBe(start + 100_000);
	});

	test('the same record with a new time (completed again) is a new event', () => {
		const completion = (seconds: number): IDataObject => ({ id: 'e1', completed_at: at(seconds) });
		const once = takeNew(firstState(start, 0), [completion(5)], 'completed_at');
		expect(once.fresh).toHaveLength(1);
		expect(takeNew(once.state, [completion(5), completion(50)], 'completed_at').fresh).toEqual([completion(50)]);
	});

	test('what it remembers stays within the overlap', () => {
		let state = firstState(start, 0);
		for (let minute = 0; minute < 30; minute++) {
			state = takeNew(state, [enrollment(`m${minute}`, minute * 60)], 'enrolled_at').state;
		}
		expect(Object.keys(state.emitted).sort()).toEqual(
			['m27', 'm28', 'm29'].map((id) => `${id}@${at(Number(id.slice(1)) * 60)}`).sort(),
		);
	});

	test('a record without a readable time is not emitted', () => {
		const { fresh } = takeNew(firstState(start, 0), [{ id: 'x', enrolled_at: null }], 'enrolled_at');
		expect(fresh).toEqual([]);
	});

	test('a backlog read cut short is tried again over a quarter of the time or less, never nothing', () => {
		const after = start;
		const now = start + 400_000;
		// Nothing seen in the window: a quarter of the time up to now.
		expect(narrowedSpan(undefined, after, now, [])).toBe(100_000);
		// Records seen early in it: the window ends at the one a quarter of the way through them.
		const seen = [10, 20, 30, 40, 50, 60, 70, 80].map((s) => start + s * 1000);
		expect(seenQuantile(seen, after, now)).toBe(start + 20_000);
		expect(narrowedSpan(undefined, after, now, seen)).toBe(20_000);
		// Only records seen before the start or after the window count.
		expect(seenQuantile(seen, start + 60_000, start + 80_000)).toBe(start + 70_000);
		expect(seenQuantile(seen, start + 80_000, now)).toBeUndefined();
		// A narrower window again quarters; at worst one millisecond, so each try still moves on.
		expect(narrowedSpan(100_000, after, now, [])).toBe(25_000);
		expect(narrowedSpan(2, after, now, [])).toBe(1);
	});
});

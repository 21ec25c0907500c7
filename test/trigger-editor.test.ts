import { randomUUID } from 'node:crypto';

import { Workflow, type INode } from 'n8n-workflow';

import { SkilljarTrigger } from '../nodes/SkilljarTrigger/SkilljarTrigger.node';
import { PACKAGE, TestNodeTypes } from './harness/node-types';

/**
 * What the editor shows for the trigger: the canvas subtitle (evaluated by n8n-workflow's real
 * expression engine, as the editor does) and the texts n8n's node panel lists for each event.
 */
describe('Skilljar Trigger in the editor', () => {
	const nodeType = new SkilljarTrigger();

	function subtitleFor(events: string[]): unknown {
		const node: INode = {
			id: randomUUID(),
			name: 'Skilljar Trigger',
			type: `${PACKAGE}.skilljarTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { events },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new TestNodeTypes([nodeType]),
		});
		return workflow.expression.getSimpleParameterValue(
			node,
			nodeType.description.subtitle,
			'manual',
			{},
		);
	}

	test('the subtitle names the selected events', () => {
		expect(subtitleFor(['VILT_EVENT_REGISTRATION', 'COURSE_COMPLETION'])).toBe(
			'VILT Event Registration, Course Completion',
		);
		expect(subtitleFor(['*'])).toBe('All Events');
		expect(subtitleFor([])).toBe('');
	});

	test('the node panel lists each event as "On <Event>", acronyms kept', () => {
		const events = nodeType.description.properties.find((p) => p.name === 'events')!;
		const actions = (events.options as Array<{ name: string; action?: string }>).map(
			(o) => o.action,
		);
		expect(actions).toContain('On VILT Event Registration');
		expect(actions).toContain('On Course Completion');
		expect(actions).toContain('On Any Event');
		expect(actions.every((a) => a !== undefined && /^On [A-Z]/.test(a))).toBe(true);
	});
});

import { randomUUID } from 'node:crypto';

import { Workflow, type INode } from 'n8n-workflow';

import { SkilljarPollTrigger } from '../nodes/SkilljarPollTrigger/SkilljarPollTrigger.node';
import { SkilljarTrigger } from '../nodes/SkilljarTrigger/SkilljarTrigger.node';
import { PACKAGE, TestNodeTypes } from './harness/node-types';

/**
 * What the editor shows for the trigger: the canvas subtitle (evaluated by n8n-workflow's real
 * expression engine, as the editor does) and the texts n8n's node panel lists for each event.
 */
/** A node's canvas subtitle for these parameters, evaluated as the editor does. */
function subtitle(nodeType: SkilljarTrigger | SkilljarPollTrigger, parameters: INode['parameters']) {
	const node: INode = {
		id: randomUUID(),
		name: nodeType.description.displayName,
		type: `${PACKAGE}.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes([nodeType]),
	});
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'manual', {});
}

describe('Skilljar Trigger in the editor', () => {
	const nodeType = new SkilljarTrigger();

	const subtitleFor = (events: string[]) => subtitle(nodeType, { events });

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

describe('Skilljar Poll Trigger in the editor', () => {
	test('the subtitle names the watched event; it polls with the API v2 credential', () => {
		const nodeType = new SkilljarPollTrigger();
		expect(subtitle(nodeType, { event: 'CERTIFICATE_ISSUED' })).toBe('Certificate Issued');
		expect(subtitle(nodeType, { event: 'COURSE_COMPLETION' })).toBe('Course Completion');
		expect(nodeType.description.polling).toBe(true);
		expect(nodeType.description.credentials).toEqual([{ name: 'skilljarV2Api', required: true }]);
	});
});

import type { INodeProperties } from 'n8n-workflow';

import { shareAlikeProperties } from '../nodes/shared/sharedProperties';

const field = (name: string, resource: string, operation: string): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
	displayOptions: { show: { resource: [resource], operation: [operation] } },
});

/** `name resource operation` entries, comma-separated, as action parameters in that order. */
const fields = (list: string): INodeProperties[] =>
	list.split(', ').map((entry) => {
		const [name, resource, operation] = entry.split(' ');
		return field(name, resource, operation);
	});

/** The parameters one action shows, in order. */
const shownTo = (properties: INodeProperties[], resource: string, operation: string) =>
	properties
		.filter(
			(property) =>
				property.displayOptions?.show?.resource?.includes(resource) &&
				property.displayOptions.show.operation?.includes(operation),
		)
		.map((property) => property.name);

describe('parameters shared between actions', () => {
	test('an equal parameter is kept once for the actions of a resource and of alike resources', () => {
		const input = fields(
			'domainName user get, userId user get, domainName user delete, userId user delete, domainName course get, domainName course delete',
		);
		const shared = shareAlikeProperties(input);
		expect(shared.map((property) => property.displayOptions?.show)).toEqual([
			{ resource: ['user', 'course'], operation: ['get', 'delete'] },
			{ resource: ['user'], operation: ['get', 'delete'] },
		]);
	});

	test('sharing never changes the order in which an action shows its parameters', () => {
		// Update shows `b` before `a`: sharing `a` with get's copy would put it first.
		const input = fields('a user get, b user get, b user update, a user update');
		const shared = shareAlikeProperties(input);
		expect(shownTo(shared, 'user', 'get')).toEqual(['a', 'b']);
		expect(shownTo(shared, 'user', 'update')).toEqual(['b', 'a']);
		expect(shared).toHaveLength(3);
	});

	test('parameters of one action move up in front of a shared one when no other action shows anything between', () => {
		// Update starts with the session ID (shared with get), then the fields create has too.
		const input = fields(
			'name session create, zone session create, id session get, id session update, name session update, zone session update',
		);
		const shared = shareAlikeProperties(input);
		expect(shared).toHaveLength(3);
		expect(shownTo(shared, 'session', 'create')).toEqual(['name', 'zone']);
		expect(shownTo(shared, 'session', 'update')).toEqual(['id', 'name', 'zone']);
		expect(shownTo(shared, 'session', 'get')).toEqual(['id']);
	});

	test('resources with different actions share a parameter when the joined lists name no other action', () => {
		const shared = shareAlikeProperties(fields('domainName plan get, domainName series list'));
		expect(shared.map((property) => property.displayOptions?.show)).toEqual([
			{ resource: ['plan', 'series'], operation: ['get', 'list'] },
		]);
	});

	test('a parameter is not shared where the joined lists would show it to an action without it', () => {
		// domain/list has no Domain field, but [domain, series] × [get, list] would name it; an
		// action known only from its Operation selector (course/list, no parameters) counts too.
		const selector: INodeProperties = {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			options: [{ name: 'Get Many', value: 'list' }],
			default: 'list',
			displayOptions: { show: { resource: ['course'] } },
		};
		const shared = shareAlikeProperties([
			selector,
			...fields('domainName domain get, limit domain list, domainName series list, domainName course get'),
		]);
		expect(shownTo(shared, 'domain', 'list')).toEqual(['limit']);
		expect(shownTo(shared, 'course', 'list')).toEqual([]);
		expect(shownTo(shared, 'series', 'list')).toEqual(['domainName']);
		expect(shownTo(shared, 'course', 'get')).toEqual(['domainName']);
		expect(shared.filter((property) => property.name === 'domainName')).toHaveLength(2);
	});
});

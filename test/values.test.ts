import { buildPath } from '../nodes/shared/transport';
import { describeSkilljarError } from '../nodes/shared/errors';
import { factsOf, kindOf } from '../nodes/shared/catalog';
import { fieldsOf } from '../nodes/shared/fields';
import { pluralOf, withArticle } from '../nodes/shared/naming';
import { encodeValue } from '../nodes/shared/parameters';
import type { SkilljarField } from '../nodes/shared/types';

/** Pure parts: value encoding and checks, field derivation, names, paths, error texts. */
const fail = (field: SkilljarField, problem: string): never => {
	throw new Error(`${field.label ?? field.name} ${problem}`);
};
const encode = (field: Partial<SkilljarField>, raw: unknown) =>
	encodeValue({ name: 'x', in: 'body', type: 'string', ...field } as SkilljarField, raw, fail);

describe('value encoding', () => {
	test('numbers are read strictly: hex, lists and words are refused', () => {
		expect(encode({ type: 'number' }, '12.5')).toBe(12.5);
		expect(encode({ type: 'number' }, ' 7 ')).toBe(7);
		expect(encode({ type: 'number' }, 3)).toBe(3);
		expect(() => encode({ type: 'number', label: 'Score' }, '0x10')).toThrow(
			'Score must be a number, got "0x10"',
		);
		expect(() => encode({ type: 'number', label: 'Score' }, [5])).toThrow(/Score must be a number/);
		expect(() => encode({ type: 'number' }, true)).toThrow(/must be a number/);
	});

	test('booleans: "false" is false, anything but true/false is refused', () => {
		expect(encode({ type: 'boolean' }, 'false')).toBe(false);
		expect(encode({ type: 'boolean' }, 'TRUE')).toBe(true);
		expect(() => encode({ type: 'boolean', label: 'Active' }, '0')).toThrow(
			/Active must be true or false/,
		);
	});

	test('nullable fields send null for null, "null" or the null option; others refuse "null"', () => {
		expect(encode({ type: 'dateTime', nullable: true }, 'null')).toBeNull();
		expect(encode({ type: 'number', nullable: true }, null)).toBeNull();
		expect(encode({ type: 'options', options: ['A'], nullable: true }, 'null')).toBeNull();
		expect(() => encode({ type: 'number', label: 'Credits' }, 'null')).toThrow(
			/Credits must be a number/,
		);
		expect(encode({ type: 'string' }, null)).toBeUndefined();
	});

	test('lists, ID lists and JSON', () => {
		expect(encode({ type: 'stringList' }, 'a, b,,c')).toEqual(['a', 'b', 'c']);
		expect(encode({ type: 'idList' }, ['x1', 'x2'])).toEqual([{ id: 'x1' }, { id: 'x2' }]);
		expect(encode({ type: 'json' }, '{"a":1}')).toEqual({ a: 1 });
		expect(() => encode({ type: 'json', label: 'Headers' }, '{a')).toThrow(
			/Headers is not valid JSON/,
		);
	});

	test('OpenAPI constraints fail with the field label', () => {
		expect(() => encode({ label: 'Name', maxLength: 3 }, 'abcd')).toThrow(
			'Name must be at most 3 characters, got 4',
		);
		expect(() =>
			encode({ type: 'number', label: 'Discount', minimum: 0, maximum: 100 }, 101),
		).toThrow('Discount must be at most 100, got 101');
		expect(() => encode({ type: 'number', label: 'Discount', minimum: 0 }, -1)).toThrow(
			'Discount must be at least 0, got -1',
		);
		expect(() => encode({ label: 'Email', format: 'email' }, 'not-an-email')).toThrow(
			'Email must be an email address, got "not-an-email"',
		);
		expect(() => encode({ label: 'Target URL', format: 'uri' }, 'example.com/hook')).toThrow(
			/Target URL must be an absolute URL/,
		);
		expect(() => encode({ type: 'dateTime', label: 'Expires At' }, 'tomorrow')).toThrow(
			/Expires At must be a date and time/,
		);
		expect(encode({ label: 'Target URL', format: 'uri' }, 'https://example.com/hook')).toBe(
			'https://example.com/hook',
		);
	});
});

describe('fields and names derived from the facts', () => {
	test('nested objects become dotted fields, {id} arrays ID lists, free objects JSON', () => {
		const group = fieldsOf(factsOf('groups_create'));
		expect(group.find((field) => field.name === 'sign_up_field_rule.options')?.type).toBe('idList');
		expect(group.find((field) => field.name === 'rule_email_domains')?.type).toBe('stringList');
		const name = group.find((field) => field.name === 'name');
		expect(name).toMatchObject({ required: true, maxLength: 100 });
		const webhook = fieldsOf(factsOf('webhooks_create'));
		expect(webhook.find((field) => field.name === 'additional_headers')?.type).toBe('json');
		expect(webhook.find((field) => field.name === 'event_type')).toMatchObject({
			type: 'options',
			nullable: true,
		});
		expect(webhook.some((field) => field.name === 'deactivate_reason')).toBe(false);
		// PATCH bodies are partial: nothing is required there.
		expect(
			fieldsOf(factsOf('groups_partial_update')).filter((f) => f.in === 'body' && f.required),
		).toEqual([]);
	});

	test('operation kinds', () => {
		expect(kindOf(factsOf('groups_list'))).toBe('list');
		expect(kindOf(factsOf('groups_retrieve'))).toBe('get');
		expect(kindOf(factsOf('groups_create'))).toBe('create');
		expect(kindOf(factsOf('groups_destroy'))).toBe('delete');
		expect(kindOf(factsOf('users_anonymize_create'))).toBe('action');
		expect(kindOf(factsOf('lessons_rating_content_blocks_create'))).toBe('create');
	});

	test('action texts read as English', () => {
		expect(withArticle('user invite')).toBe('a user invite');
		expect(withArticle('access code')).toBe('an access code');
		expect(withArticle('ILT session')).toBe('an ILT session');
		expect(pluralOf('quiz')).toBe('quizzes');
		expect(pluralOf('group category')).toBe('group categories');
		expect(pluralOf('course series')).toBe('course series');
	});

	test('path building keeps every value inside its own segment', () => {
		expect(buildPath('/v1/webhooks/sample-{event}', { event: 'course-completion' })).toBe(
			'/v1/webhooks/sample-course-completion',
		);
		expect(buildPath('/v1/groups/{group_id}', { group_id: '../users' })).toBe(
			'/v1/groups/..%2Fusers',
		);
		expect(() => buildPath('/v1/groups/{group_id}', { group_id: '..' })).toThrow(/cannot be/);
	});

	test('Skilljar error bodies flatten to one readable line', () => {
		expect(describeSkilljarError({ user: { id: ['This field is required.'] } })).toContain(
			'user.id: This field is required.',
		);
	});
});

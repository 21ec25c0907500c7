import { NodeApiError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { skilljarApiRequest } from '../transport';
import { emailField } from './emailField';
import type { CompositeAction, CompositeCall } from './types';

const DOMAIN_USERS = '/v1/domains/{domain_name}/users';
const USER_COURSES = '/v1/users/{user_id}/published-courses';
const ENROLLMENTS = '/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments';
const ENROLLMENT = `${ENROLLMENTS}/{enrollment_id}`;

const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};

/**
 * Enroll User by Email: every step is safe to repeat, so running the same item again (or the
 * transport resending a request after a dropped connection) never enrolls the user twice.
 * 1. POST the email to the domain's users. Skilljar documents this as idempotent: an email it
 *    knows returns the existing user (whose names it leaves unchanged).
 * 2. Read the user's course records (GET /v1/users/{id}/published-courses, one bare array) and,
 *    for this course and domain, each enrollment Skilljar lists as active. The enrollment record
 *    itself is read to confirm it is active and to output it; found → `alreadyEnrolled: true`.
 * 3. Otherwise POST the enrollment with `enrolled_at` set once here: Skilljar documents the
 *    create as idempotent for the same user and time, so the transport may resend it safely.
 * Two runs for the same user and course at the very same moment can still both enroll: the
 * check and the create are two requests, and Skilljar offers no conditional create.
 */
async function run(this: IExecuteFunctions, call: CompositeCall): Promise<IDataObject[]> {
	const { input, itemIndex, settings } = call;
	const domainName = input.pathParams?.domain_name ?? '';
	const publishedCourseId = input.pathParams?.published_course_id ?? '';
	const given = asObject(input.body);
	const person: IDataObject = { email: String(given.email).trim() };
	if (given.first_name !== undefined) person.first_name = given.first_name;
	if (given.last_name !== undefined) person.last_name = given.last_name;

	const domainUser = asObject(
		await skilljarApiRequest.call(
			this,
			{
				method: 'POST',
				path: DOMAIN_USERS,
				pathParams: { domain_name: domainName },
				body: { user: person },
				idempotentPost: true,
			},
			itemIndex,
			settings,
		),
	);
	const user = asObject(domainUser.user);
	const userId = typeof user.id === 'string' ? user.id : '';
	if (!userId) {
		// The answer itself is left out of the error: it may carry the user's login token.
		throw new NodeApiError(
			this.getNode(),
			{ user: 'no id' },
			{
				message: 'Skilljar added the email to the domain but answered without a user ID',
				description: `POST ${DOMAIN_USERS} for ${domainName}`,
				itemIndex,
			},
		);
	}

	const courseParams = { domain_name: domainName, published_course_id: publishedCourseId };
	const courses = await skilljarApiRequest.call(
		this,
		{ method: 'GET', path: USER_COURSES, pathParams: { user_id: userId } },
		itemIndex,
		settings,
	);
	for (const enrollmentId of activeEnrollmentIds(courses, domainName, publishedCourseId)) {
		const existing = asObject(
			await skilljarApiRequest.call(
				this,
				{
					method: 'GET',
					path: ENROLLMENT,
					pathParams: { ...courseParams, enrollment_id: enrollmentId },
				},
				itemIndex,
				settings,
			),
		);
		// The record is the authority: the course list may lag behind a deactivation.
		if (existing.active !== false) return [{ alreadyEnrolled: true, user, enrollment: existing }];
	}

	const enrollment = await skilljarApiRequest.call(
		this,
		{
			method: 'POST',
			path: ENROLLMENTS,
			pathParams: courseParams,
			body: { user: { id: userId }, enrolled_at: new Date().toISOString() },
			idempotentPost: true,
		},
		itemIndex,
		settings,
	);
	return [{ alreadyEnrolled: false, user, enrollment: asObject(enrollment) }];
}

/** Enrollment IDs Skilljar lists as active for this course on this domain, newest record first. */
function activeEnrollmentIds(courses: unknown, domainName: string, courseId: string): string[] {
	if (!Array.isArray(courses)) return [];
	const ids: string[] = [];
	for (const entry of courses.map(asObject)) {
		if (entry.published_course_id !== courseId) continue;
		if (typeof entry.domain_name === 'string' && entry.domain_name !== domainName) continue;
		const all = Array.isArray(entry.all_enrollments) ? entry.all_enrollments.map(asObject) : [];
		for (const listed of all) {
			if (listed.active !== false && typeof listed.enrollment_id === 'string') {
				ids.push(listed.enrollment_id);
			}
		}
		if (all.length === 0 && typeof entry.enrollment_id === 'string') ids.push(entry.enrollment_id);
	}
	return [...new Set(ids)];
}

export const enrollUserByEmail: CompositeAction = {
	value: 'enrollByEmail',
	name: 'Enroll User by Email',
	action: 'Enroll a user by email in a published course',
	description:
		'Adds the email to the domain when it is new, then enrolls that user in the course unless an active enrollment exists; safe to run again',
	method: 'POST',
	path: ENROLLMENTS,
	uses: [`POST ${DOMAIN_USERS}`, `GET ${USER_COURSES}`, `GET ${ENROLLMENT}`, `POST ${ENROLLMENTS}`],
	fields: [
		{ name: 'domain_name', in: 'path', type: 'string', required: true },
		{ name: 'published_course_id', in: 'path', type: 'string', required: true },
		emailField('Email of the learner; a new email becomes a new user of the domain'),
		{
			name: 'first_name',
			in: 'body',
			type: 'string',
			maxLength: 50,
			description: 'Used only when the email is new to Skilljar',
		},
		{
			name: 'last_name',
			in: 'body',
			type: 'string',
			maxLength: 50,
			description: 'Used only when the email is new to Skilljar',
		},
	],
	run,
};

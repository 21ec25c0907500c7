import type { INodeParameters } from 'n8n-workflow';

import { collectionFor } from '../../nodes/shared/description';
import { fieldParameterName } from '../../nodes/shared/naming';
import type { SkilljarField, SkilljarOperation } from '../../nodes/shared/types';
import { DEMO } from '../../sandbox/seed';

/** Seeded records that path parameters and reference fields point at. */
const KNOWN_VALUES: Record<string, string> = {
	domain_name: DEMO.domainName,
	access_code_pool_id: DEMO.accessCodePoolId,
	'access_code_pool.id': DEMO.accessCodePoolId,
	access_code_id: DEMO.accessCodeIds[0],
	asset_id: DEMO.assetIds[0],
	course_id: DEMO.courseIds[0],
	course_series_id: DEMO.courseSeriesId,
	enrollment_id: DEMO.enrollmentIds[0],
	group_id: DEMO.groupIds[0],
	ilt_session_id: DEMO.iltSessionIds[0],
	instructor_email: DEMO.iltInstructorEmails[0],
	lesson: DEMO.lessonIds[0],
	lesson_content_item_id: DEMO.contentItemIds[0],
	lesson_id: DEMO.lessonIds[0],
	lesson_progress_id: DEMO.lessonProgressIds[0],
	multi_session_event_id: DEMO.multiSessionEventId,
	path_id: DEMO.pathId,
	plan_enrollment_id: DEMO.planEnrollmentIds[0],
	plan_id: DEMO.planId,
	progress_token_id: DEMO.progressTokenIds[0],
	promo_code_id: DEMO.promoCodeIds[0],
	promo_code_pool_id: DEMO.promoCodePoolId,
	published_course_id: DEMO.publishedCourseId,
	published_path_enrollment_id: DEMO.pathEnrollmentIds[0],
	published_path_id: DEMO.publishedPathId,
	purchase_id: DEMO.purchaseId,
	'signup_field.id': DEMO.signupFieldIds[0],
	training_credit_code_id: DEMO.trainingCreditCodeIds[0],
	'user.email': 'new.learner@example.com',
	'user.id': DEMO.userIds[14],
	user_id: DEMO.userId,
	'vilt_session.id': DEMO.viltSessionIds[0],
	vilt_session_registration_id: DEMO.viltRegistrationIds[0],
	web_package_id: DEMO.webPackageIds[0],
	content_url: 'https://cdn.example.com/package.zip',
	target_url: 'http://127.0.0.1:9/skilljar-hook',
	signup_fields: JSON.stringify([{ id: DEMO.signupFieldIds[0], value: 'Engineering' }]),
};

/** A valid value for a field, as a user would enter it in the editor. */
export function sampleValue(field: SkilljarField): string | number | boolean {
	if (field.in === 'body' && field.name === 'web_package_id') return DEMO.webPackageIds[1];
	if (field.parameter === 'offerId') return DEMO.offerIds[0];
	if (field.name in KNOWN_VALUES) return KNOWN_VALUES[field.name];
	switch (field.type) {
		case 'number':
			return 1;
		case 'boolean':
			return true;
		case 'dateTime':
			return '2026-03-01T09:00:00Z';
		case 'options':
			return field.options?.[0] ?? '';
		case 'stringList':
			return 'alpha,beta';
		case 'idList':
			return 'opt0000000001,opt0000000002';
		case 'json':
			return String(field.default ?? '{}');
		default:
			return 'Sample text';
	}
}

/** Node parameters that run an operation with every required field filled in. */
export function requiredParameters(
	resource: string,
	operation: SkilljarOperation,
	extra: INodeParameters = {},
): INodeParameters {
	const parameters: INodeParameters = { resource, operation: operation.value };
	for (const field of operation.fields.filter((candidate) => candidate.required)) {
		parameters[fieldParameterName(field)] = sampleValue(field);
	}
	if (operation.pagination) parameters.returnAll = true;
	return { ...parameters, ...extra };
}

/** Parameters with every optional field set too, inside its collection. */
export function allParameters(resource: string, operation: SkilljarOperation): INodeParameters {
	const parameters = requiredParameters(resource, operation);
	for (const field of operation.fields.filter((candidate) => !candidate.required)) {
		if (field.in === 'query') continue;
		const collection = collectionFor(operation, field);
		const values = (parameters[collection] ?? {}) as INodeParameters;
		values[fieldParameterName(field)] = sampleValue(field);
		parameters[collection] = values;
	}
	return parameters;
}

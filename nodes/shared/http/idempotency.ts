import type { SkilljarRequest } from '../transport';
import type { SkilljarOperation } from '../types';

/**
 * Marks a request as safe to resend when its operation is a POST Skilljar documents as
 * idempotent. Enrollment creates are idempotent only "for the same user and enrolled_at": when
 * the user left `enrolled_at` empty, it is filled with the current time here, once, so a resend
 * after a dropped connection carries the same value and cannot enroll twice. (Skilljar would
 * otherwise use the time it received the request, a difference of milliseconds.)
 */
export function withIdempotency(
	operation: SkilljarOperation,
	request: SkilljarRequest,
): SkilljarRequest {
	if (operation.method !== 'POST' || !operation.idempotentPost) return request;
	if (operation.idempotentPost === 'enrolled_at') {
		const body = { ...(request.body as Record<string, unknown> | undefined) };
		const given = body.enrolled_at;
		if (given === undefined || given === null || given === '')
			body.enrolled_at = new Date().toISOString();
		return { ...request, body: body as SkilljarRequest['body'], idempotentPost: true };
	}
	return { ...request, idempotentPost: true };
}

// Every v2 operation's handler, by operationId (the coverage test checks none is missing).

import type { V2Handler } from './context';
import { ENROLLMENT_HANDLERS } from './resources/enrollments';
import { STUDENT_HANDLERS } from './resources/students';

export const HANDLERS: Readonly<Record<string, V2Handler>> = {
	...STUDENT_HANDLERS,
	...ENROLLMENT_HANDLERS,
};

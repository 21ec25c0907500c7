// Every v2 operation's handler, by operationId (the coverage test checks none is missing).

import type { V2Handler } from './context';
import { ACCOUNT_HANDLERS } from './resources/accounts';
import { AUTHORING_HANDLERS } from './resources/authoring';
import { CATALOG_HANDLERS } from './resources/catalog';
import { CLIENT_HANDLERS } from './resources/clients';
import { ENROLLMENT_HANDLERS } from './resources/enrollments';
import { GROUP_HANDLERS } from './resources/groups';
import { PROGRESS_HANDLERS } from './resources/progress';
import { STUDENT_HANDLERS } from './resources/students';

export const HANDLERS: Readonly<Record<string, V2Handler>> = {
	...CLIENT_HANDLERS,
	...STUDENT_HANDLERS,
	...ENROLLMENT_HANDLERS,
	...CATALOG_HANDLERS,
	...GROUP_HANDLERS,
	...AUTHORING_HANDLERS,
	...PROGRESS_HANDLERS,
	...ACCOUNT_HANDLERS,
};

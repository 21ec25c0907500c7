import type { INodeParameters } from 'n8n-workflow';

import { API_V2_OPERATIONS } from '../nodes/shared/generated/operationsV2';
import { V2_NOT_ACTIONS } from '../nodes/shared/v2/catalog';
import { DEMO, sid } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { runNode, type V2Credentials } from './harness/run-node';
import { credentialsFor, useTestSandbox } from './harness/sandbox';
import { allActions } from './harness/tables';

/**
 * Every API v2 action runs through n8n-core against the sandbox with the Skilljar V2 API
 * credential, with the values a user would type. Together they reach all 79 operations meant as
 * actions, and the sandbox (which checks every query and body against the document, strictly)
 * accepts each request: no action sends what the document rejects.
 */

let sandbox: Sandbox;
useTestSandbox((started) => (sandbox = started), 'all');

export const v2CredentialsFor = (started: Sandbox): V2Credentials => ({
	clientId: started.v2ClientId,
	clientSecret: started.v2ClientSecret,
	baseUrl: started.url,
});

const COURSE = DEMO.courseIds[0];
const PC = DEMO.publishedCourseIds[0];
const GROUP = DEMO.groupIds[0];
const QUIZ = DEMO.quizIds[0];
const BANK = DEMO.questionBankIds[0];

/** The required values of each v2 action (`node resource/operation`), as typed in the editor. */
const REQUIRED: Record<string, INodeParameters> = {
	'skilljarApiClient apiClient/getAllV2': {},
	'skilljarApiClient apiClient/createV2': { name: 'Reporting' },
	'skilljarApiClient apiClient/getV2': { clientId: 'sandbox-client' },
	'skilljarApiClient apiClient/updateV2': { clientId: 'sandbox-client' },
	'skilljarApiClient apiClient/deactivateV2': { clientId: 'sandbox-client' },
	'skilljarApiClient apiClient/rotateSecretV2': { clientId: 'sandbox-client' },
	'skilljarApiClient scope/getAllV2': {},
	'skilljarCourse course/getAllV2': {},
	'skilljarCourse course/createManyV2': { title: 'New course' },
	'skilljarCourse course/updateManyV2': { courseId: COURSE },
	'skilljarCourse course/getV2': { courseId: COURSE },
	'skilljarCourse courseAnalytics/getV2': { courseId: COURSE },
	'skilljarCourse courseAnalytics/getRatingsV2': { courseId: COURSE },
	'skilljarCourse certificate/getAllV2': {},
	'skilljarCourse certificate/getV2': { certificateId: sid('crt', 1) },
	'skilljarDomain domain/getAllV2': {},
	'skilljarDomain domain/getV2': { domainId: DEMO.domainId },
	'skilljarDomain publishedCourse/getAllV2': {},
	'skilljarDomain publishedCourse/createManyV2': {
		courseId: DEMO.courseIds[4],
		domainId: sid('dom', 2),
	},
	'skilljarDomain publishedCourse/updateManyV2': { publishedCourseId: PC },
	'skilljarDomain publishedCourse/getV2': { publishedCourseId: PC },
	'skilljarDomain publishedCourse/unpublishV2': { publishedCourseId: PC },
	'skilljarDomain publishedCourse/republishV2': {
		publishedCourseId: DEMO.partnerPublishedCourseIds[1],
	},
	'skilljarDomain publishedCourse/deleteV2': { publishedCourseId: PC },
	'skilljarDomain enrollment/getAllV2': {},
	'skilljarDomain enrollment/enrollManyV2': {
		publishedCourseId: DEMO.publishedCourseIds[3],
		email: 'learner@example.org',
	},
	'skilljarDomain enrollment/updateManyV2': { enrollmentId: DEMO.enrollmentIds[4] },
	'skilljarDomain enrollment/setCompletionManyV2': {
		sendNotifications: false,
		enrollmentId: DEMO.enrollmentIds[6],
	},
	'skilljarDomain enrollment/getV2': { enrollmentId: DEMO.enrollmentIds[0] },
	'skilljarDomain userSignupField/getAllV2': {},
	'skilljarDomain userSignupField/createManyV2': {
		studentId: DEMO.userIds[4],
		signupFieldId: DEMO.signupFieldIds[0],
		value: 'Initech',
	},
	'skilljarDomain userSignupField/updateManyV2': {
		signupFieldValueId: sid('sfv', 1),
		value: 'Globex',
	},
	'skilljarDomain userSignupField/getV2': { signupFieldValueId: sid('sfv', 1) },
	'skilljarGroup group/getAllV2': {},
	'skilljarGroup group/createManyV2': { name: 'Resellers' },
	'skilljarGroup group/updateManyV2': { groupId: GROUP },
	'skilljarGroup group/deleteManyV2': { groupId: GROUP },
	'skilljarGroup group/getV2': { groupId: GROUP },
	'skilljarGroup groupUser/addManyV2': { groupId: GROUP, studentId: DEMO.userIds[1] },
	'skilljarGroup groupUser/removeManyV2': { groupId: GROUP, studentId: DEMO.userId },
	'skilljarGroup groupCourseVisibility/getAllV2': { groupId: GROUP },
	'skilljarGroup groupCourseVisibility/addManyV2': { groupId: GROUP, publishedCourseId: PC },
	'skilljarGroup groupCourseVisibility/removeManyV2': {
		groupId: DEMO.groupIds[1],
		publishedCourseId: DEMO.partnerPublishedCourseIds[0],
	},
	'skilljarLesson lesson/getAllV2': {},
	'skilljarLesson lesson/createManyV2': { courseId: COURSE, type: 'HTML', title: 'Intro' },
	'skilljarLesson lesson/updateManyV2': { lessonId: DEMO.lessonIds[0] },
	'skilljarLesson lesson/getV2': { lessonId: DEMO.lessonIds[0] },
	'skilljarQuestionBank questionBank/getAllV2': {},
	'skilljarQuestionBank questionBank/createManyV2': { name: 'Pool' },
	'skilljarQuestionBank questionBank/updateManyV2': { questionBankId: BANK },
	'skilljarQuestionBank questionBank/deleteManyV2': { questionBankId: BANK },
	'skilljarQuestionBank questionBank/getV2': { questionBankId: BANK },
	'skilljarQuiz quiz/getAllV2': {},
	'skilljarQuiz quiz/createManyV2': { name: 'Check' },
	'skilljarQuiz quiz/updateManyV2': { quizId: QUIZ },
	'skilljarQuiz quiz/deleteManyV2': { quizId: QUIZ },
	'skilljarQuiz quiz/getV2': { quizId: QUIZ },
	'skilljarQuiz quizQuestionBank/getAllV2': { quizId: QUIZ },
	'skilljarQuiz quizQuestionBank/addManyV2': { quizId: QUIZ, questionBankId: DEMO.questionBankIds[1] },
	'skilljarQuiz quizQuestionBank/updateManyV2': { quizId: QUIZ, questionBankId: BANK },
	'skilljarQuiz quizQuestionBank/removeManyV2': { quizId: QUIZ, questionBankId: BANK },
	'skilljarQuizQuestion quizQuestion/getAllV2': {},
	'skilljarQuizQuestion quizQuestion/createManyV2': {
		questionHtml: '<p>2 + 2?</p>',
		questionType: 'MULTIPLE_CHOICE',
		additionalFields: {
			questionBankId: BANK,
			answers: '[{"answer_text": "4", "correct": true}, {"answer_text": "5"}]',
		},
	},
	'skilljarQuizQuestion quizQuestion/updateManyV2': { questionId: sid('qst', 1) },
	'skilljarQuizQuestion quizQuestion/deleteManyV2': { questionId: sid('qst', 1) },
	'skilljarQuizQuestion quizQuestion/getV2': { questionId: sid('qst', 1) },
	'skilljarUser user/getAllV2': {},
	'skilljarUser user/createManyV2': { email: 'new@example.org' },
	'skilljarUser user/updateManyV2': {
		updateFields: { studentId: DEMO.userId, firstName: 'Augusta' },
	},
	'skilljarUser user/getV2': { studentId: DEMO.userId },
	'skilljarUser user/deactivateV2': { studentId: DEMO.userId },
	'skilljarUser user/anonymizeV2': { studentId: DEMO.userId, confirmDestructive: true },
	'skilljarUser user/sendPasswordResetV2': { studentId: DEMO.userId, domain: DEMO.domainName },
	'skilljarUser user/setPasswordV2': { studentId: DEMO.userId, password: 'correct horse battery' },
	'skilljarWebPackage webPackage/getAllV2': {},
	'skilljarWebPackage webPackage/createManyV2': {
		contentUrl: 'https://files.example.org/module.zip',
		title: 'Module',
	},
	'skilljarWebPackage webPackage/updateManyV2': {
		webPackageId: DEMO.webPackageIds[0],
		title: 'Module 1',
	},
	'skilljarWebPackage webPackage/getV2': { webPackageId: DEMO.webPackageIds[0] },
	'skilljarWebPackage webPackage/deleteV2': { webPackageId: DEMO.webPackageIds[0] },
};

/** Updates need something to change: one value per bulk update (Skilljar refuses an empty one). */
const UPDATES: Record<string, INodeParameters> = {
	'skilljarCourse course/updateManyV2': { title: 'Renamed' },
	'skilljarDomain publishedCourse/updateManyV2': { isHidden: true },
	'skilljarDomain enrollment/updateManyV2': { dueAt: '2031-01-01T00:00:00Z' },
	'skilljarDomain enrollment/setCompletionManyV2': { successStatus: 'passed' },
	'skilljarGroup group/updateManyV2': { name: 'Clients' },
	'skilljarLesson lesson/updateManyV2': { title: 'Welcome' },
	'skilljarQuestionBank questionBank/updateManyV2': { name: 'Pool A' },
	'skilljarQuiz quiz/updateManyV2': { maxAttempts: 2 },
	'skilljarQuiz quizQuestionBank/updateManyV2': { limitQuestionCount: 3 },
	'skilljarQuizQuestion quizQuestion/updateManyV2': { isOptional: true },
	'skilljarApiClient apiClient/updateV2': { description: 'Sandbox' },
};

const v2Actions = () => allActions().filter(({ operation }) => operation.v2);

describe('coverage of the API v2 document', () => {
	test('every v2 action succeeds with the v2 credential, and together they reach all 79 action operations', async () => {
		const failures: string[] = [];
		const served = new Set<string>();
		for (const { node, resource, operation } of v2Actions()) {
			sandbox.reset();
			const label = `${node.description.name} ${resource.value}/${operation.value}`;
			const given = REQUIRED[label];
			if (!given) {
				failures.push(`${label}: no values in this test`);
				continue;
			}
			const updates = UPDATES[label];
			const collection = operation.kind === 'update' ? 'updateFields' : 'additionalFields';
			const parameters: INodeParameters = {
				resource: resource.value,
				operation: operation.value,
				...given,
				...(updates
					? { [collection]: { ...((given[collection] as INodeParameters) ?? {}), ...updates } }
					: {}),
			};
			const result = await runNode({
				type: node.description.name,
				typeVersion: 1.1,
				parameters,
				credentials: credentialsFor(sandbox),
				credentialsV2: v2CredentialsFor(sandbox),
			});
			if (result.error) failures.push(`${label}: ${result.error.message}`);
			else if (result.items.some((item) => item.json.error)) {
				failures.push(`${label}: ${JSON.stringify(result.items[0].json)}`);
			}
			for (const request of sandbox.requests) {
				if (request.status >= 200 && request.status < 300 && request.template) {
					served.add(`${request.method} ${request.template}`);
				}
			}
		}
		expect(failures).toEqual([]);
		const meant = API_V2_OPERATIONS.filter((op) => !V2_NOT_ACTIONS.includes(op.id)).map(
			(op) => `${op.method} ${op.path}`,
		);
		expect(meant).toHaveLength(79);
		expect([...served].filter((endpoint) => endpoint !== 'POST /v2/auth/token').sort()).toEqual(
			[...meant].sort(),
		);
		// One node run per operation, one after another: minutes on a busy 2-core machine.
	}, 240_000);
});

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import { SkilljarApi } from '../../credentials/SkilljarApi.credentials';
import { SkilljarAsset } from '../../nodes/SkilljarAsset/SkilljarAsset.node';
import { SkilljarCourse } from '../../nodes/SkilljarCourse/SkilljarCourse.node';
import { SkilljarDomain } from '../../nodes/SkilljarDomain/SkilljarDomain.node';
import { SkilljarGroup } from '../../nodes/SkilljarGroup/SkilljarGroup.node';
import { SkilljarIltInstructor } from '../../nodes/SkilljarIltInstructor/SkilljarIltInstructor.node';
import { SkilljarIltMultiSessionEvent } from '../../nodes/SkilljarIltMultiSessionEvent/SkilljarIltMultiSessionEvent.node';
import { SkilljarIltSession } from '../../nodes/SkilljarIltSession/SkilljarIltSession.node';
import { SkilljarLesson } from '../../nodes/SkilljarLesson/SkilljarLesson.node';
import { SkilljarLessonProgress } from '../../nodes/SkilljarLessonProgress/SkilljarLessonProgress.node';
import { SkilljarOffer } from '../../nodes/SkilljarOffer/SkilljarOffer.node';
import { SkilljarPath } from '../../nodes/SkilljarPath/SkilljarPath.node';
import { SkilljarProgressToken } from '../../nodes/SkilljarProgressToken/SkilljarProgressToken.node';
import { SkilljarPromoCode } from '../../nodes/SkilljarPromoCode/SkilljarPromoCode.node';
import { SkilljarPromoCodePool } from '../../nodes/SkilljarPromoCodePool/SkilljarPromoCodePool.node';
import { SkilljarPurchase } from '../../nodes/SkilljarPurchase/SkilljarPurchase.node';
import { SkilljarQuestionBank } from '../../nodes/SkilljarQuestionBank/SkilljarQuestionBank.node';
import { SkilljarQuiz } from '../../nodes/SkilljarQuiz/SkilljarQuiz.node';
import { SkilljarQuizQuestion } from '../../nodes/SkilljarQuizQuestion/SkilljarQuizQuestion.node';
import { SkilljarTrainingCreditCode } from '../../nodes/SkilljarTrainingCreditCode/SkilljarTrainingCreditCode.node';
import { SkilljarUser } from '../../nodes/SkilljarUser/SkilljarUser.node';
import { SkilljarViltSessionEvent } from '../../nodes/SkilljarViltSessionEvent/SkilljarViltSessionEvent.node';
import { SkilljarViltSessionRegistration } from '../../nodes/SkilljarViltSessionRegistration/SkilljarViltSessionRegistration.node';
import { SkilljarWebPackage } from '../../nodes/SkilljarWebPackage/SkilljarWebPackage.node';
import { SkilljarWebhook } from '../../nodes/SkilljarWebhook/SkilljarWebhook.node';

/** Every action node of the package, as n8n loads them. */
export const ACTION_NODES: INodeType[] = [
	new SkilljarAsset(),
	new SkilljarCourse(),
	new SkilljarDomain(),
	new SkilljarGroup(),
	new SkilljarIltInstructor(),
	new SkilljarIltMultiSessionEvent(),
	new SkilljarIltSession(),
	new SkilljarLesson(),
	new SkilljarLessonProgress(),
	new SkilljarOffer(),
	new SkilljarPath(),
	new SkilljarProgressToken(),
	new SkilljarPromoCode(),
	new SkilljarPromoCodePool(),
	new SkilljarPurchase(),
	new SkilljarQuestionBank(),
	new SkilljarQuiz(),
	new SkilljarQuizQuestion(),
	new SkilljarTrainingCreditCode(),
	new SkilljarUser(),
	new SkilljarViltSessionEvent(),
	new SkilljarViltSessionRegistration(),
	new SkilljarWebPackage(),
	new SkilljarWebhook(),
];

export const PACKAGE = 'n8n-nodes-skilljar';

/** The test workflow's first node: emits the items a test hands it, like a Manual Trigger with pinned data. */
export class InputItems implements INodeType {
	description = {
		displayName: 'Input Items',
		name: 'inputItems',
		group: ['input'],
		version: 1,
		description: 'Emits the items given in its parameter',
		defaults: { name: 'Input Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json' as const, default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const items = JSON.parse(raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

/**
 * How n8n tests a credential: a declarative node whose request defaults are the credential's
 * `test.request`, run by n8n-core's RoutingNode with the credential applied.
 */
export class CredentialTest implements INodeType {
	description = {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['input'],
		version: 1,
		description: 'Sends the Skilljar credential test request',
		defaults: { name: 'Credential Test' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'skilljarApi', required: true }],
		requestDefaults: new SkilljarApi().test.request,
		properties: [],
	} as unknown as INodeType['description'];
}

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(extra: INodeType[] = []) {
		this.types.set('harness.inputItems', new InputItems());
		this.types.set('harness.credentialTest', new CredentialTest());
		for (const node of [...ACTION_NODES, ...extra]) {
			this.types.set(`${PACKAGE}.${node.description.name}`, node);
		}
	}

	getByName(nodeType: string): INodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

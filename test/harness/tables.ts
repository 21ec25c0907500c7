import type { INodeType } from 'n8n-workflow';

import type { SkilljarOperation, SkilljarResource } from '../../nodes/shared/types';
import { resources as asset } from '../../nodes/SkilljarAsset/operations';
import { resources as course } from '../../nodes/SkilljarCourse/operations';
import { resources as domain } from '../../nodes/SkilljarDomain/operations';
import { resources as group } from '../../nodes/SkilljarGroup/operations';
import { resources as iltInstructor } from '../../nodes/SkilljarIltInstructor/operations';
import { resources as iltMultiSessionEvent } from '../../nodes/SkilljarIltMultiSessionEvent/operations';
import { resources as iltSession } from '../../nodes/SkilljarIltSession/operations';
import { resources as lesson } from '../../nodes/SkilljarLesson/operations';
import { resources as lessonProgress } from '../../nodes/SkilljarLessonProgress/operations';
import { resources as offer } from '../../nodes/SkilljarOffer/operations';
import { resources as path } from '../../nodes/SkilljarPath/operations';
import { resources as progressToken } from '../../nodes/SkilljarProgressToken/operations';
import { resources as promoCode } from '../../nodes/SkilljarPromoCode/operations';
import { resources as promoCodePool } from '../../nodes/SkilljarPromoCodePool/operations';
import { resources as purchase } from '../../nodes/SkilljarPurchase/operations';
import { resources as questionBank } from '../../nodes/SkilljarQuestionBank/operations';
import { resources as quiz } from '../../nodes/SkilljarQuiz/operations';
import { resources as quizQuestion } from '../../nodes/SkilljarQuizQuestion/operations';
import { resources as trainingCreditCode } from '../../nodes/SkilljarTrainingCreditCode/operations';
import { resources as user } from '../../nodes/SkilljarUser/operations';
import { resources as viltSessionEvent } from '../../nodes/SkilljarViltSessionEvent/operations';
import { resources as viltSessionRegistration } from '../../nodes/SkilljarViltSessionRegistration/operations';
import { resources as webPackage } from '../../nodes/SkilljarWebPackage/operations';
import { resources as webhook } from '../../nodes/SkilljarWebhook/operations';
import { ACTION_NODES } from './node-types';

/** Operation table of each action node, keyed by node type name. */
export const TABLES: Record<string, SkilljarResource[]> = {
	skilljarAsset: asset,
	skilljarCourse: course,
	skilljarDomain: domain,
	skilljarGroup: group,
	skilljarIltInstructor: iltInstructor,
	skilljarIltMultiSessionEvent: iltMultiSessionEvent,
	skilljarIltSession: iltSession,
	skilljarLesson: lesson,
	skilljarLessonProgress: lessonProgress,
	skilljarOffer: offer,
	skilljarPath: path,
	skilljarProgressToken: progressToken,
	skilljarPromoCode: promoCode,
	skilljarPromoCodePool: promoCodePool,
	skilljarPurchase: purchase,
	skilljarQuestionBank: questionBank,
	skilljarQuiz: quiz,
	skilljarQuizQuestion: quizQuestion,
	skilljarTrainingCreditCode: trainingCreditCode,
	skilljarUser: user,
	skilljarViltSessionEvent: viltSessionEvent,
	skilljarViltSessionRegistration: viltSessionRegistration,
	skilljarWebPackage: webPackage,
	skilljarWebhook: webhook,
};

export interface ActionRef {
	node: INodeType;
	resource: SkilljarResource;
	operation: SkilljarOperation;
}

/** Every (node, resource, operation) the package offers. */
export function allActions(): ActionRef[] {
	return ACTION_NODES.flatMap((node) =>
		(TABLES[node.description.name] ?? []).flatMap((resource) =>
			resource.operations.map((operation) => ({ node, resource, operation })),
		),
	);
}

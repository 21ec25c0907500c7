import { overlay as apiClient } from '../SkilljarApiClient/overlay';
import { overlay as asset } from '../SkilljarAsset/overlay';
import { overlay as course } from '../SkilljarCourse/overlay';
import { overlay as domain } from '../SkilljarDomain/overlay';
import { overlay as group } from '../SkilljarGroup/overlay';
import { overlay as groupCategory } from '../SkilljarGroupCategory/overlay';
import { overlay as iltInstructor } from '../SkilljarIltInstructor/overlay';
import { overlay as iltMultiSessionEvent } from '../SkilljarIltMultiSessionEvent/overlay';
import { overlay as iltSession } from '../SkilljarIltSession/overlay';
import { overlay as label } from '../SkilljarLabel/overlay';
import { overlay as lesson } from '../SkilljarLesson/overlay';
import { overlay as lessonProgress } from '../SkilljarLessonProgress/overlay';
import { overlay as licensePackage } from '../SkilljarLicensePackage/overlay';
import { overlay as offer } from '../SkilljarOffer/overlay';
import { overlay as path } from '../SkilljarPath/overlay';
import { overlay as progressToken } from '../SkilljarProgressToken/overlay';
import { overlay as promoCode } from '../SkilljarPromoCode/overlay';
import { overlay as promoCodePool } from '../SkilljarPromoCodePool/overlay';
import { overlay as purchase } from '../SkilljarPurchase/overlay';
import { overlay as questionBank } from '../SkilljarQuestionBank/overlay';
import { overlay as quiz } from '../SkilljarQuiz/overlay';
import { overlay as quizQuestion } from '../SkilljarQuizQuestion/overlay';
import { overlay as tag } from '../SkilljarTag/overlay';
import { overlay as trainingCreditCode } from '../SkilljarTrainingCreditCode/overlay';
import { overlay as user } from '../SkilljarUser/overlay';
import { overlay as viltSessionEvent } from '../SkilljarViltSessionEvent/overlay';
import { overlay as viltSessionRegistration } from '../SkilljarViltSessionRegistration/overlay';
import { overlay as webPackage } from '../SkilljarWebPackage/overlay';
import { overlay as webhook } from '../SkilljarWebhook/overlay';
import { buildResources } from './catalog';
import type { NodeOverlay, SkilljarResource } from './types';

/**
 * The one list of action nodes: node type name → its overlay. The node classes read their tables
 * from here, and tests check that package.json's `n8n.nodes` and the test harness list exactly these
 * nodes (folder `nodes/<Type>/`, class `<Type>`, where <Type> is the name with a capital first letter).
 */
export const NODE_REGISTRY: Readonly<Record<string, NodeOverlay>> = {
	skilljarApiClient: apiClient,
	skilljarAsset: asset,
	skilljarCourse: course,
	skilljarDomain: domain,
	skilljarGroup: group,
	skilljarGroupCategory: groupCategory,
	skilljarIltInstructor: iltInstructor,
	skilljarIltMultiSessionEvent: iltMultiSessionEvent,
	skilljarIltSession: iltSession,
	skilljarLabel: label,
	skilljarLesson: lesson,
	skilljarLessonProgress: lessonProgress,
	skilljarLicensePackage: licensePackage,
	skilljarOffer: offer,
	skilljarPath: path,
	skilljarProgressToken: progressToken,
	skilljarPromoCode: promoCode,
	skilljarPromoCodePool: promoCodePool,
	skilljarPurchase: purchase,
	skilljarQuestionBank: questionBank,
	skilljarQuiz: quiz,
	skilljarQuizQuestion: quizQuestion,
	skilljarTag: tag,
	skilljarTrainingCreditCode: trainingCreditCode,
	skilljarUser: user,
	skilljarViltSessionEvent: viltSessionEvent,
	skilljarViltSessionRegistration: viltSessionRegistration,
	skilljarWebPackage: webPackage,
	skilljarWebhook: webhook,
};

const built = new Map<string, SkilljarResource[]>();

/** The runtime table of one action node (built once per process). */
export function resourcesOf(nodeType: string): SkilljarResource[] {
	let resources = built.get(nodeType);
	if (!resources) {
		resources = buildResources(NODE_REGISTRY[nodeType]);
		built.set(nodeType, resources);
	}
	return resources;
}

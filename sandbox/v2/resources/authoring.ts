// Quizzes, question banks, questions and the quiz ↔ bank assignments: v2-only authoring.
// Quizzes, banks and questions are soft-deleted (cascading as the document describes);
// assignments are removed for good.

import type { Item } from '../../store';
import { fail, runBatch, type ItemOutcome } from '../batch';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { errorReply, notFound } from '../errors';
import { V2 } from '../views';
import {
	assign,
	attrsOf,
	createBatch,
	deleteBatch,
	findLive,
	listOf,
	live,
	readOf,
	sameText,
	toResource,
	updateBatch,
	updatedSince,
	type StoredKind,
} from './stored';

export const QUIZZES: StoredKind = { type: 'quizzes', path: V2.quizzes, label: 'Quiz' };
export const BANKS: StoredKind = {
	type: 'question-banks',
	path: V2.questionBanks,
	label: 'Question bank',
};
const QUESTIONS: StoredKind = { type: 'questions', path: V2.questions, label: 'Question' };
const ASSIGNMENTS: StoredKind = {
	type: 'question-bank-assignments',
	path: V2.assignments,
	label: 'Question bank assignment',
	hidden: ['quiz_id'],
};

const QUIZ_DEFAULTS: Item = {
	description_html: '',
	passing_percentage_correct: 0,
	max_attempts: 0,
	require_correct_response: false,
	randomize_questions: false,
	limit_question_count: 0,
	randomize_answers: false,
	show_results_on_failure: false,
	show_question_feedback: false,
	time_limit_seconds: null,
	skip_start_screen: null,
	alignment: 'center',
};

function byNameSince(ctx: V2Context) {
	return (r: Item) =>
		(ctx.query['filter[name]'] == null || sameText(r.name, ctx.query['filter[name]'])) &&
		updatedSince(r, ctx.query['filter[updated_since]']);
}

function softDeleteQuestions(
	ctx: V2Context,
	field: 'quiz_id' | 'question_bank_id',
	id: unknown,
): void {
	for (const q of live(ctx, QUESTIONS)) if (q[field] === id) q.deleted_at = ctx.now;
}

function removeAssignments(
	ctx: V2Context,
	field: 'quiz_id' | 'question_bank_id',
	id: unknown,
): void {
	for (const a of ctx.store.collection(V2.assignments).filter((x) => x[field] === id)) {
		ctx.store.remove(V2.assignments, String(a.id));
	}
}

// ---- questions ----

function answersOf(ctx: V2Context, answers: unknown): Item[] {
	return (Array.isArray(answers) ? (answers as Item[]) : []).map((a, order) => ({
		id: ctx.store.newId(),
		answer_text: a.answer_text,
		correct: a.correct ?? false,
		order,
	}));
}

function createQuestions(ctx: V2Context): V2Reply {
	// Home under a quiz XOR a bank: a schema rule, so the whole request is refused (422).
	const items = Array.isArray((ctx.body as Item).data) ? ((ctx.body as Item).data as Item[]) : [];
	const bad = items.findIndex((item) => {
		const a = attrsOf(item);
		return (a.quiz_id == null) === (a.question_bank_id == null);
	});
	if (bad >= 0) {
		return errorReply(
			422,
			'validation_error',
			'Give exactly one of quiz_id and question_bank_id.',
			{
				source: { pointer: `/data/${bad}/attributes` },
			},
		);
	}
	return createBatch(ctx, QUESTIONS, (a) => {
		if (a.quiz_id != null && !findLive(ctx, QUIZZES, a.quiz_id)) {
			return fail('not_found', 'No such quiz.', '/attributes/quiz_id');
		}
		if (a.question_bank_id != null && !findLive(ctx, BANKS, a.question_bank_id)) {
			return fail('not_found', 'No such question bank.', '/attributes/question_bank_id');
		}
		const siblings = live(ctx, QUESTIONS).filter(
			(q) =>
				q.quiz_id === (a.quiz_id ?? null) && q.question_bank_id === (a.question_bank_id ?? null),
		);
		return {
			question_html: a.question_html,
			order: siblings.length,
			question_type: a.question_type,
			case_sensitive: a.case_sensitive ?? false,
			requires_manual_grading: a.requires_manual_grading ?? false,
			is_graded: true,
			is_optional: false,
			correct_answer_feedback_html: a.correct_answer_feedback_html ?? '',
			incorrect_answer_feedback_html: a.incorrect_answer_feedback_html ?? '',
			answer_feedback_html: '',
			quiz_id: a.quiz_id ?? null,
			question_bank_id: a.question_bank_id ?? null,
			external_id: '',
			created_at: ctx.now,
			modified_at: ctx.now,
			answers: answersOf(ctx, a.answers),
		};
	});
}

function updateQuestions(ctx: V2Context): V2Reply {
	// Repeated ids are applied in order (last write wins): no duplicate detection here.
	return updateBatch(ctx, QUESTIONS, (record, a) => {
		if (a.case_sensitive === true && record.question_type !== 'FILL_IN_THE_BLANK') {
			return fail(
				'validation_error',
				'case_sensitive applies to fill-in-the-blank questions only.',
				'/attributes/case_sensitive',
			);
		}
		assign(record, a);
		return undefined;
	});
}

// ---- bank assignments of a quiz ----

function withQuiz(handler: (ctx: V2Context, quiz: Item) => V2Reply): V2Handler {
	return (ctx) => {
		const quiz = findLive(ctx, QUIZZES, ctx.params.quiz_id);
		return quiz ? handler(ctx, quiz) : notFound(QUIZZES.label);
	};
}

const assignmentOf = (ctx: V2Context, quizId: unknown, bankId: unknown) =>
	ctx.store
		.collection(V2.assignments)
		.find((a) => a.quiz_id === quizId && a.question_bank_id === bankId);

const bankKey = {
	key: (item: Record<string, unknown>) => String(attrsOf(item).question_bank_id),
	at: '/attributes/question_bank_id',
};

const TUNING = ['order', 'randomize_questions', 'limit_question_count'];

/**
 * A batch over one quiz's bank assignments, each item naming a bank (first wins on repeats);
 * `run` gets the item's attributes and the quiz's assignment of that bank, if any.
 */
function perAssignment(
	run: (ctx: V2Context, quiz: Item, a: Item, existing?: Item) => ItemOutcome,
): V2Handler {
	return withQuiz((ctx, quiz) =>
		runBatch(ctx, {
			dedupe: bankKey,
			run: (item) => {
				const a = attrsOf(item);
				return run(ctx, quiz, a, assignmentOf(ctx, quiz.id, a.question_bank_id));
			},
		}),
	);
}

const notAssigned = () =>
	fail('not_found', 'The bank is not assigned to this quiz.', '/attributes/question_bank_id');

const bind = perAssignment((ctx, quiz, a, existing) => {
	if (!findLive(ctx, BANKS, a.question_bank_id)) {
		return fail('not_found', 'No such question bank.', '/attributes/question_bank_id');
	}
	const record =
		existing ??
		ctx.store.insert(V2.assignments, {
			id: ctx.store.newId(),
			quiz_id: quiz.id,
			question_bank_id: a.question_bank_id,
			order: ctx.store.collection(V2.assignments).filter((x) => x.quiz_id === quiz.id).length,
			randomize_questions: false,
			limit_question_count: 0,
			created_at: ctx.now,
			modified_at: ctx.now,
		});
	// Binding a bound bank updates the assignment.
	for (const key of TUNING) if (a[key] != null) record[key] = a[key];
	record.modified_at = ctx.now;
	return { result: toResource(ASSIGNMENTS, record) };
});

const updateAssignments = perAssignment((ctx, _quiz, a, record) => {
	if (!record) return notAssigned();
	for (const key of TUNING) if (a[key] !== undefined) record[key] = a[key];
	record.modified_at = ctx.now;
	return { result: toResource(ASSIGNMENTS, record) };
});

const unbind = perAssignment((ctx, _quiz, a, record) => {
	if (!record) return notAssigned();
	ctx.store.remove(V2.assignments, String(record.id));
	return { deleted: String(a.question_bank_id) };
});

const listAssignments = withQuiz((ctx, quiz) => ({
	status: 200,
	body: {
		data: ctx.store
			.collection(V2.assignments)
			.filter((a) => a.quiz_id === quiz.id)
			.map((a) => toResource(ASSIGNMENTS, a)),
	},
}));

export const AUTHORING_HANDLERS: Record<string, V2Handler> = {
	list_quizzes: (ctx) => listOf(ctx, QUIZZES, byNameSince(ctx)),
	create_quizzes: (ctx) =>
		createBatch(ctx, QUIZZES, (a) => ({
			...QUIZ_DEFAULTS,
			...a,
			external_id: '',
			created_at: ctx.now,
			modified_at: ctx.now,
		})),
	update_quizzes: (ctx) => updateBatch(ctx, QUIZZES, assign),
	delete_quizzes: (ctx) =>
		deleteBatch(ctx, QUIZZES, 'soft', (quiz) => {
			softDeleteQuestions(ctx, 'quiz_id', quiz.id);
			removeAssignments(ctx, 'quiz_id', quiz.id);
		}),
	get_quiz: (ctx) => readOf(ctx, QUIZZES),
	list_quiz_question_bank_assignments: listAssignments,
	bind_quiz_question_banks: bind,
	update_quiz_question_banks: updateAssignments,
	unbind_quiz_question_banks: unbind,
	list_question_banks: (ctx) => listOf(ctx, BANKS, byNameSince(ctx)),
	create_question_banks: (ctx) =>
		createBatch(ctx, BANKS, (a) => ({
			name: a.name,
			external_id: '',
			created_at: ctx.now,
			modified_at: ctx.now,
		})),
	update_question_banks: (ctx) => updateBatch(ctx, BANKS, assign),
	delete_question_banks: (ctx) =>
		deleteBatch(ctx, BANKS, 'soft', (bank) => {
			softDeleteQuestions(ctx, 'question_bank_id', bank.id);
			removeAssignments(ctx, 'question_bank_id', bank.id);
		}),
	get_question_bank: (ctx) => readOf(ctx, BANKS),
	list_questions: (ctx) =>
		listOf(ctx, QUESTIONS, (q) => {
			if (ctx.query['filter[quiz_id]'] != null && q.quiz_id !== ctx.query['filter[quiz_id]'])
				return false;
			const bank = ctx.query['filter[question_bank_id]'];
			return bank == null || q.question_bank_id === bank;
		}),
	create_questions: createQuestions,
	update_questions: updateQuestions,
	delete_questions: (ctx) => deleteBatch(ctx, QUESTIONS, 'soft'),
	get_question: (ctx) => readOf(ctx, QUESTIONS),
};

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestSettings, SkilljarRequest } from '../transport';
import type { ApiMethod } from '../apiFacts';
import type { SkilljarField } from '../types';

/** What a composite's handler gets: the item's checked inputs and how to send requests. */
export interface CompositeCall {
	/** The fields, read and checked like any action's (path fields → pathParams, others → body). */
	input: SkilljarRequest;
	itemIndex: number;
	settings: RequestSettings;
}

/**
 * An action made of several requests, every one through the shared transport (limiter, retries,
 * timeouts, redirects). It is declared as data like the generated actions: its fields are built
 * into editor parameters and checked by the same code before the handler sends anything.
 */
export interface CompositeAction {
	value: string;
	name: string;
	action: string;
	description: string;
	/**
	 * The endpoint whose path fields the action shares (e.g. the enrollments list for a domain
	 * and published course); sample values and the path placeholders are taken from it.
	 */
	method: ApiMethod;
	path: string;
	/** Every endpoint the handler may call, `METHOD /path`, in the order it calls them. */
	uses: string[];
	/** Path fields by wire name get the usual pickers (catalog.ts); body fields are inputs. */
	fields: SkilljarField[];
	/** One input item → the items to output (none, one or several). */
	run: (this: IExecuteFunctions, call: CompositeCall) => Promise<IDataObject[]>;
}

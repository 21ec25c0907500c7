import { enrollUserByEmail } from './enrollUserByEmail';
import { findUserByEmail } from './findUserByEmail';
import type { CompositeAction } from './types';

/** Composite actions by handler name; an overlay places one with `{ composite: '<name>' }`. */
export const COMPOSITES: Readonly<Record<string, CompositeAction>> = {
	enrollUserByEmail,
	findUserByEmail,
};

export function compositeOf(name: string): CompositeAction {
	const composite = COMPOSITES[name];
	if (!composite) throw new Error(`Overlay names composite "${name}", which does not exist`);
	return composite;
}

export type { CompositeAction, CompositeCall } from './types';

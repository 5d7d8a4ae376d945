// R12: the refusal of an assignment, a `ValidationError` (422) whose `problems` carry the rule's
// codes and numbers, so the usage overview words them (src/core/assignment.ts).
import type { AssignmentProblem } from '../core/index.js';
import { ValidationError } from './errors.js';

type Init = Omit<NonNullable<ConstructorParameters<typeof ValidationError>[1]>, 'issues' | 'reason'>;

/** An assignment the rules refuse (R12): `problems` says why, with the numbers a message needs. */
export class AssignmentError extends ValidationError {
  readonly problems: readonly AssignmentProblem[];
  constructor(problems: readonly AssignmentProblem[], message = 'The assignment was refused.', init?: Init) {
    super(message, { ...init, reason: problems[0]?.code ?? 'refused' });
    this.problems = problems;
  }
}

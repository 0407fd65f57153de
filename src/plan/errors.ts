import { UserError } from '../common/errors.js'

/** Errors that mean "this input cannot be evaluated" (exit 2), as opposed to a gate verdict. */

/** The input is not a plan plan-gate can read. The message is one line and names no value. */
export class PlanInputError extends UserError {
  override readonly name = 'PlanInputError'
}

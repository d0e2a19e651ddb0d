/**
 * Errors a user can cause, shared by every side. Kept free of zod (as names.ts is) so that the
 * document worker and the CLI can throw and recognise them without loading the contract's
 * schemas; contract.ts re-exports it.
 */

/** Errors a user can cause. `message` is shown to the user as is (Chinese). */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

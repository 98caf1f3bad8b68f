/** A mistake in how accord was called: exit 2 with the message and a hint, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

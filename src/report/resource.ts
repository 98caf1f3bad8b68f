/**
 * A message with the Terraform resource instance it concerns in front: a plan is rarely in the
 * diff and most plans are one long line, so the address is what finds the place. Messages that
 * already start with it (the plan's own problems) are left as they are.
 */
export function withResource(message: string, resource: string | undefined): string {
  if (resource === undefined || message.startsWith(`${resource}: `)) return message;
  return `${resource}: ${message}`;
}

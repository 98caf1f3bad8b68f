/** HTML text and double-quoted attribute values: `&`, `<`, `>` and both quotes become references. */
export function html(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` as \u escapes, so no value
 * can close the element (`</script>`) or open a comment (`<!--`) that changes where it ends; U+2028
 * and U+2029 too, for readers that treat the text as JavaScript.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** HTML text and double-quoted attribute values: `&`, `<`, `>` and both quotes become references. */
export function html(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

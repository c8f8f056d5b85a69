/** Escapes text for HTML element content and attribute values (both quote kinds). */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `esc`, and line breaks as character references: a file name with a newline stays on its line. */
export function escLine(value: unknown): string {
  return esc(value).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/[\u2028\u2029]/g, (c) => `&#${c.charCodeAt(0)};`);
}

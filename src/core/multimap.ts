/**
 * Appends `value` to the list under `key` (no key: nothing). A value added twice in a row (one
 * entity naming the same ref in two fields) is kept once, so each list holds each entity once.
 */
export function addTo<T>(map: Map<string, T[]>, key: string | undefined, value: T): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

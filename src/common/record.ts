/** Small helpers every layer shares. This folder imports nothing from the rest of src/. */

/** True for a record (a JSON object): not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * `record[key]` when `key` is the record's own property, else undefined. A lookup table written
 * as an object literal inherits `constructor`, `toString` and the rest from Object.prototype:
 * indexing it with a key that came from input (a plan's action, a reason, a login) would answer
 * a function for those names instead of "not listed".
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** Small helpers every layer shares. This folder imports nothing from the rest of src/. */

/** True for a record (a JSON object): not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

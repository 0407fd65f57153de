/**
 * Destruction through updates: expiry, retention and TTL durations that delete data when they
 * run out. Pure.
 */
import type { GuardTest } from '../catalog/types.js'
import { quantity } from './values.js'

type ExpiryTest = Extract<GuardTest, { kind: 'expiry' }>

/** The policy's default floor: expiry or retention below 30 days is a weakening. */
export const DEFAULT_EXPIRY_FLOOR_DAYS = 30

const DAY_SECONDS = 86_400
const UNIT_SECONDS: Readonly<Record<string, number>> = {
  days: DAY_SECONDS,
  hours: 3600,
  seconds: 1,
  ms: 0.001
}

/** A point in time in epoch milliseconds, or undefined. */
function instant(value: unknown, unit: ExpiryTest['unit']): number | undefined {
  if (unit === 'epoch-ms') {
    const n = typeof value === 'string' ? Number(value) : value
    return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined
  }
  if (typeof value !== 'string' || value === '') return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

/** A duration in seconds (Infinity for "never"), or undefined when the value is not one. */
function seconds(value: unknown, test: ExpiryTest): number | undefined {
  const raw = typeof value === 'string' && test.unit !== 'duration' ? Number(value) : value
  if (typeof raw === 'number' && test.unlimited?.includes(raw)) return Infinity
  if (test.unit === 'duration') return quantity(raw)
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined
  return raw * (UNIT_SECONDS[test.unit] ?? 1)
}

export interface ExpiryCut {
  /** The floor that applied, in days (absent for points in time). */
  readonly floorDays?: number
}

/**
 * Whether going from `before` to `after` deletes data sooner: an expiry set where there was
 * none, or shortened, to below the floor. `absent` says what an unset value means: `safe` =
 * kept for ever, `unsafe` = nothing kept (so it cannot be cut further).
 */
export function expiryCut(
  test: ExpiryTest,
  absent: 'safe' | 'unsafe' | undefined,
  before: unknown,
  after: unknown,
  policyFloorDays: number
): ExpiryCut | undefined {
  const unset = (v: unknown): boolean => v === undefined || v === null || v === ''
  if (test.unit === 'date' || test.unit === 'epoch-ms') {
    const to = instant(after, test.unit)
    if (to === undefined) return undefined
    if (unset(before)) return absent === 'safe' ? {} : undefined
    const from = instant(before, test.unit)
    return from !== undefined && to < from ? {} : undefined
  }
  const floorDays = test.floorDays ?? policyFloorDays
  let from: number | undefined
  if (unset(before)) {
    if (absent !== 'safe') return undefined
    from = Infinity
  } else {
    from = seconds(before, test)
    if (from === undefined) return undefined
  }
  // Unset afterwards: kept for ever (safe), or nothing kept any more (unsafe).
  const to = unset(after) ? (absent === 'safe' ? Infinity : 0) : seconds(after, test)
  if (to === undefined) return undefined
  return to < from && to < floorDays * DAY_SECONDS ? { floorDays } : undefined
}

/**
 * The generic rules, one module each in this folder. The order is the order their checks run
 * in: for each change, the first rule that answers classifies it (state backend before state
 * storage before data stores before tags …). A test checks every module here is listed.
 */
import { rule as changeFreeze } from './change-freeze.js'
import { rule as dataStoreForget } from './data-store-forget.js'
import { rule as driftDelete } from './drift-delete.js'
import { rule as environmentGuard } from './environment-guard.js'
import { rule as exemptionExpired } from './exemption-expired.js'
import { rule as fullDestroy } from './full-destroy.js'
import { rule as massDelete } from './mass-delete.js'
import { rule as noCopySurvives } from './no-copy-survives.js'
import { rule as planErrored } from './plan-errored.js'
import { rule as policyProtectedDestroy } from './policy-protected-destroy.js'
import { rule as protectedTagDestroy } from './protected-tag-destroy.js'
import { rule as resourceDestroy } from './resource-destroy.js'
import { rule as stateBackendChange } from './state-backend-change.js'
import { rule as stateStorageDestroy } from './state-storage-destroy.js'
import { rule as streamWithoutValues } from './stream-without-values.js'
import { rule as unknownAction } from './unknown-action.js'
import type { GenericRule } from '../rule.js'

export const GENERIC_RULES: readonly GenericRule[] = [
  // Plan-wide, from the plan alone.
  planErrored,
  streamWithoutValues,
  massDelete,
  fullDestroy,
  // Per change, in order of precedence.
  unknownAction,
  stateBackendChange,
  stateStorageDestroy,
  noCopySurvives,
  protectedTagDestroy,
  policyProtectedDestroy,
  resourceDestroy,
  dataStoreForget,
  driftDelete,
  // Applied by the policy step (src/policy/gate.ts) after classification.
  changeFreeze,
  environmentGuard,
  exemptionExpired
]

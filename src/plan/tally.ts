/** Counting changes as they are read, so counts survive dropping the changes themselves. */
import type { Action, ResourceChange, Tally } from './model.js'

/** Zero for every action. */
export const NO_ACTIONS: Readonly<Record<Action, number>> = {
  create: 0,
  read: 0,
  update: 0,
  'no-op': 0,
  delete: 0,
  replace: 0,
  forget: 0,
  'forget-replace': 0,
  unknown: 0
}

/** A tally being built. */
export class TallyCounter {
  private readonly actions: Record<Action, number> = { ...NO_ACTIONS }
  private moves = 0
  private imports = 0
  private managed = 0

  add(change: ResourceChange): void {
    this.actions[change.action]++
    if (change.moved) this.moves++
    if (change.importing) this.imports++
    if (change.mode === 'managed' && change.deposed === undefined) this.managed++
  }

  result(): Tally {
    return {
      actions: { ...this.actions },
      move: this.moves,
      import: this.imports,
      managed: this.managed
    }
  }
}

/** The tally of a list of changes (for plans built in memory). */
export function tallyOf(changes: readonly ResourceChange[]): Tally {
  const counter = new TallyCounter()
  for (const change of changes) counter.add(change)
  return counter.result()
}

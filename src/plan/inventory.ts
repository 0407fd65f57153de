/**
 * Counting the managed resources of a show-json `prior_state` while it streams past, without
 * parsing it: the scanner walks only the containers that lead to resources (`prior_state`,
 * `values`, `root_module`, `resources`, `child_modules` and each resource object) and hands
 * this class their keys and the `mode` strings; every other value, each resource's `values`
 * above all, goes through the kernel's fast path unread.
 *
 * The answer is the one `countManaged` (read.ts) gives for `JSON.parse` of `prior_state.values`,
 * repeated keys included: the last one wins, as it does in JSON.parse, so every accumulator a
 * key feeds is reset when the key comes again.
 */

import { bytesEqual } from './bytes.js'

/** What a walked container is; anything else (None) is skipped unread. */
const Role = {
  None: 0,
  PriorState: 1,
  Values: 2,
  Module: 3,
  Resources: 4,
  ChildModules: 5,
  Resource: 6
} as const
type Role = (typeof Role)[keyof typeof Role]

/** The keys the walk cares about; every other key is `Other`. */
const Key = {
  Other: 0,
  Values: 1,
  RootModule: 2,
  Resources: 3,
  ChildModules: 4,
  Mode: 5,
  DeposedKey: 6
} as const
type Key = (typeof Key)[keyof typeof Key]

const KEYS: readonly (readonly [string, Key])[] = [
  ['values', Key.Values],
  ['root_module', Key.RootModule],
  ['resources', Key.Resources],
  ['child_modules', Key.ChildModules],
  ['mode', Key.Mode],
  ['deposed_key', Key.DeposedKey]
]
const KEY_BYTES = KEYS.map(([name, key]) => [Buffer.from(`"${name}"`), key] as const)
const MANAGED = Buffer.from('"managed"')
const BACKSLASH = 0x5c

/** Bytes equal to a JSON string literal's (quotes included). */
const same = (bytes: Uint8Array, literal: Uint8Array): boolean =>
  bytesEqual(bytes, 0, bytes.length, literal)

/** The text of a JSON string literal (already checked by the scanner), quotes included. */
function textOf(bytes: Uint8Array): string {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString()) as string
}

function keyOf(bytes: Uint8Array): Key {
  if (bytes.includes(BACKSLASH)) {
    const text = textOf(bytes)
    return KEYS.find(([name]) => name === text)?.[1] ?? Key.Other
  }
  for (const [literal, key] of KEY_BYTES) if (same(bytes, literal)) return key
  return Key.Other
}

export class Inventory {
  // One entry per walked container, innermost last.
  private readonly roles: Role[] = []
  private readonly keys: Key[] = []
  /**
   * Per container: PriorState, the count of its last `values` (-1: none, or not countable);
   * Values, of its last `root_module` (-1 likewise); Module, of its last `resources`;
   * Resources, managed resources so far; ChildModules, the sum of its modules; Resource, 1 when
   * its last `mode` is "managed".
   */
  private readonly first: number[] = []
  /** Module: the sum of its last `child_modules`; Resource: 1 when it has a `deposed_key`. */
  private readonly second: number[] = []
  private managed = -1

  /** `prior_state`'s object opens. */
  begin(): void {
    this.push(Role.PriorState)
  }

  /**
   * A container opens as the value of the current key (or as an element) of the innermost
   * walked one: true = walk it too, false = skip it unread.
   */
  enter(object: boolean): boolean {
    const top = this.roles.length - 1
    const role = this.child(this.roles[top]!, this.keys[top]!, object)
    if (role === Role.None) return false
    this.push(role)
    return true
  }

  /** The innermost walked container closes. */
  leave(): void {
    const role = this.roles.pop()!
    this.keys.pop()
    const first = this.first.pop()!
    const second = this.second.pop()!
    const top = this.roles.length - 1
    switch (role) {
      case Role.PriorState:
        this.managed = first
        return
      case Role.Values:
        this.first[top] = first // prior_state's `values`: its root module's count, or -1
        return
      case Role.Module: {
        const total = first + second
        if (this.roles[top] === Role.Values) this.first[top] = total
        else this.first[top]! += total // an element of child_modules
        return
      }
      case Role.Resources:
        this.first[top] = first
        return
      case Role.ChildModules:
        this.second[top] = first
        return
      case Role.Resource:
        if (first === 1 && second === 0) this.first[top]!++
        return
    }
  }

  /** A key of the innermost walked object (its JSON string literal, quotes included). */
  key(bytes: Uint8Array): void {
    const top = this.roles.length - 1
    const key = keyOf(bytes)
    this.keys[top] = key
    // The last occurrence of a key wins: forget what an earlier one gave.
    switch (this.roles[top]) {
      case Role.PriorState:
        if (key === Key.Values) this.first[top] = -1
        return
      case Role.Values:
        if (key === Key.RootModule) this.first[top] = -1
        return
      case Role.Module:
        if (key === Key.Resources) this.first[top] = 0
        else if (key === Key.ChildModules) this.second[top] = 0
        return
      case Role.Resource:
        if (key === Key.Mode) this.first[top] = 0
        else if (key === Key.DeposedKey) this.second[top] = 1
        return
    }
  }

  /** Whether the container opening now would be a resource (an element of `resources`). */
  atResource(): boolean {
    return this.roles[this.roles.length - 1] === Role.Resources
  }

  /** A resource read whole (the kernel's state_resource) instead of walked. */
  resource(managed: boolean, deposed: boolean): void {
    if (managed && !deposed) this.first[this.roles.length - 1]!++
  }

  /** Whether the value of the current key is a string `mode` wants to see (it is recorded). */
  wantsString(): boolean {
    const top = this.roles.length - 1
    return this.roles[top] === Role.Resource && this.keys[top] === Key.Mode
  }

  /** The string value of a resource's `mode` (its JSON literal, quotes included). */
  mode(bytes: Uint8Array): void {
    const managed = bytes.includes(BACKSLASH) ? textOf(bytes) === 'managed' : same(bytes, MANAGED)
    this.first[this.roles.length - 1] = managed ? 1 : 0
  }

  /**
   * Managed resource instances in `prior_state.values` (deposed objects aside), as countManaged
   * gives them; undefined when there is no countable tree.
   */
  result(): number | undefined {
    return this.managed < 0 ? undefined : this.managed
  }

  private child(parent: Role, key: Key, object: boolean): Role {
    switch (parent) {
      case Role.PriorState:
        return object && key === Key.Values ? Role.Values : Role.None
      case Role.Values:
        return object && key === Key.RootModule ? Role.Module : Role.None
      case Role.Module:
        if (object) return Role.None
        return key === Key.Resources
          ? Role.Resources
          : key === Key.ChildModules
            ? Role.ChildModules
            : Role.None
      case Role.Resources:
        return object ? Role.Resource : Role.None
      case Role.ChildModules:
        return object ? Role.Module : Role.None
      default:
        return Role.None
    }
  }

  private push(role: Role): void {
    this.roles.push(role)
    this.keys.push(Key.Other)
    this.first.push(role === Role.PriorState || role === Role.Values ? -1 : 0)
    this.second.push(0)
  }
}

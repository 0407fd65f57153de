/**
 * The `plan-sha256` output: the SHA-256 of each plan file the gate read. The files are hashed
 * before and after they are gated; a file that changed in between fails the run, so the hash
 * always names the bytes that were judged. The workflow then checks the file it applies against
 * it, right before `terraform apply`.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { resolve } from 'node:path'

/** File → hex SHA-256, in the order given. */
export type PlanHashes = ReadonlyMap<string, string>

/** Hashes each readable file; one that cannot be read is left out (reading it reports why). */
export async function hashPlans(files: readonly string[], cwd: string): Promise<PlanHashes> {
  const out = new Map<string, string>()
  for (const file of files) {
    if (file === '-') continue
    const hash = createHash('sha256')
    try {
      for await (const chunk of createReadStream(resolve(cwd, file))) hash.update(chunk as Buffer)
    } catch {
      continue
    }
    out.set(file, hash.digest('hex'))
  }
  return out
}

/** The first file not hashed alike by both readings, or undefined. */
export function changedPlan(
  files: readonly string[],
  before: PlanHashes,
  after: PlanHashes
): string | undefined {
  return files.find(
    (file) => before.get(file) === undefined || after.get(file) !== before.get(file)
  )
}

/** One file: its hash; several: `<sha256>  <file>` lines, as `sha256sum --check` reads them. */
export function formatPlanHashes(hashes: PlanHashes): string | undefined {
  const entries = [...hashes]
  if (entries.length === 0) return undefined
  if (entries.length === 1) return entries[0]?.[1]
  return entries.map(([file, hash]) => `${hash}  ${file}`).join('\n')
}

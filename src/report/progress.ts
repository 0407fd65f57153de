/** Progress of reading a large plan, as text. Pure: the CLI decides when and where to print. */

const MB = 1024 * 1024

function mb(bytes: number): string {
  return bytes >= 100 * MB ? (bytes / MB).toFixed(0) : (bytes / MB).toFixed(1)
}

/** A one-line bar for a terminal: `plan.json [######    ] 60% 360/600 MB`. */
export function progressBar(label: string, read: number, total: number, width = 24): string {
  const share = total > 0 ? Math.min(1, read / total) : 1
  const filled = Math.round(share * width)
  const percent = Math.floor(share * 100)
  return `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}% ${mb(read)}/${mb(total)} MB`
}

/** A plain line for logs (no carriage returns): `plan-gate: plan.json 60% (360/600 MB)`. */
export function progressLine(label: string, read: number, total: number): string {
  const percent = total > 0 ? Math.floor(Math.min(1, read / total) * 100) : 100
  return `plan-gate: ${label} ${percent}% (${mb(read)}/${mb(total)} MB)`
}

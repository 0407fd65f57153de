/** sha256 over the sorted paths and contents of the build's inputs. */
export function sourceHash(root?: string): string
/** A rollup plugin that writes source-hash.txt into each output directory. */
export function sourceHashPlugin(): unknown

/** The README's inputs and outputs tables, generated from action.yml (see test/docs.test.ts). */
import { parse } from 'yaml'

interface ActionYml {
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>
  readonly outputs: Record<string, { description: string }>
}

export const START = '<!-- inputs:start -->'
export const END = '<!-- inputs:end -->'

/** The markdown between the README markers (before prettier aligns it). */
export function renderActionTables(actionYml: string): string {
  const action = parse(actionYml) as ActionYml
  const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
  const code = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``)
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| ${code(name)} | ${input.default === undefined ? '' : code(String(input.default))} | ${cell(input.description)} |`
  )
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| ${code(name)} | ${cell(output.description)} |`
  )
  return [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs
  ].join('\n')
}

/** `readme` with the generated tables between the markers. */
export function spliceTables(readme: string, tables: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md lacks ${START} … ${END}`)
  return `${readme.slice(0, start + START.length)}\n\n${tables}\n\n${readme.slice(end)}`
}

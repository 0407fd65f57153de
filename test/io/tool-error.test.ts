import { describe, expect, test } from '@jest/globals'
import { firstErrorLine } from '../../src/io/tool-error.js'

const ESC = '\u001b'

describe('firstErrorLine', () => {
  test("Terraform's coloured diagnostic box gives its Error line, not the box corner", () => {
    const stderr = [
      `${ESC}[31m╷${ESC}[0m${ESC}[0m`,
      `${ESC}[31m│${ESC}[0m ${ESC}[0m${ESC}[1m${ESC}[31mError: ${ESC}[0m${ESC}[0m${ESC}[1mFailed to read the given file as a state or plan file${ESC}[0m`,
      `${ESC}[31m│${ESC}[0m ${ESC}[0m`,
      `${ESC}[31m╵${ESC}[0m${ESC}[0m`
    ].join('\n')
    expect(firstErrorLine(stderr)).toBe(
      'Error: Failed to read the given file as a state or plan file'
    )
  })

  test('a warning printed first (no CLI config file) is passed over for the error', () => {
    const stderr = [
      'There are some problems with the CLI configuration:',
      '╷',
      '│ Warning: Unable to open CLI configuration file',
      '│',
      '╵',
      '',
      '╷',
      '│ Error: Failed to load plugin schemas',
      '╵'
    ].join('\n')
    expect(firstErrorLine(stderr)).toBe('Error: Failed to load plugin schemas')
  })

  test('without an Error line, the first line with text, unframed', () => {
    expect(firstErrorLine('\n╷\n│ something odd happened\n╵\n')).toBe('something odd happened')
    expect(firstErrorLine('')).toBe('')
    expect(firstErrorLine('╷\n│\n╵\n')).toBe('')
  })

  test('long lines are cut', () => {
    expect(firstErrorLine(`Error: ${'x'.repeat(500)}`, 50)).toHaveLength(50)
  })
})

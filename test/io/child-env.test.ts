import { describe, expect, test } from '@jest/globals'
import { childEnv } from '../../src/io/child-env.js'

const RUNNER = {
  PATH: '/usr/bin',
  HOME: '/home/runner',
  TF_CLI_CONFIG_FILE: '/tmp/tfrc',
  TF_VAR_region: 'eu-west-1',
  'INPUT_GITHUB-TOKEN': 'ghs_secret',
  GITHUB_TOKEN: 'ghs_secret',
  ACTIONS_RUNTIME_TOKEN: 'runtime',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc',
  AWS_PROFILE: 'plan',
  NODE_OPTIONS: '--require evil.js',
  UNSET: undefined
}

describe('childEnv', () => {
  test('PATH, HOME and TF_* only, by default', () => {
    expect(childEnv(RUNNER)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      TF_CLI_CONFIG_FILE: '/tmp/tfrc',
      TF_VAR_region: 'eu-west-1'
    })
  })

  test('listed names are added; absent ones are not invented', () => {
    expect(childEnv(RUNNER, ['AWS_PROFILE', 'AWS_REGION'])).toMatchObject({ AWS_PROFILE: 'plan' })
    expect(childEnv(RUNNER, ['AWS_REGION'])).not.toHaveProperty('AWS_REGION')
  })

  test.each([
    'INPUT_GITHUB-TOKEN',
    'GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
  ])('the runner’s and the Action’s tokens cannot be listed: %s', (name) => {
    expect(() => childEnv(RUNNER, [name])).toThrow(`${name} cannot be passed to terraform`)
  })
})

/**
 * The PR comment and the job summary as people see them: rendered by a GitHub-flavoured
 * Markdown renderer (marked) with GitHub's Markdown CSS (github-markdown-css), in headless
 * Chromium, in an 800 px column. Screenshots go to $PLAN_GATE_ARTIFACTS (default: a temporary
 * directory), never into the repository. Skipped, saying why, where Chromium is absent.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderApprovalSection, renderSummary } from '../../src/github/render.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { Report } from '../../src/report/types.js'
import { cli } from '../helpers.js'
import { hugeReport } from './sample-reports.js'

const CHROMIUM = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((p): p is string => p !== undefined && p !== '')
  .find((p) => existsSync(p))

/** GitHub's conversation column is about 800 px wide on a laptop screen. */
const COLUMN = 800
/** A laptop screen's visible height, for "fits in a few screens". */
const SCREEN = 900

const ARTIFACTS = process.env['PLAN_GATE_ARTIFACTS'] ?? join(tmpdir(), 'plan-gate-artifacts')

interface Layout {
  readonly height: number
  readonly tables: { width: number; scrollWidth: number; clientWidth: number; whyWidth: number }[]
}

type Page = {
  setContent(html: string): Promise<void>
  evaluate<T>(fn: () => T): Promise<T>
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>
}
type Context = { newPage(): Promise<Page>; close(): Promise<void> }

const describeBrowser = CHROMIUM === undefined ? describe.skip : describe

if (CHROMIUM === undefined) {
  test.skip('skipped: Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)', () =>
    undefined)
}

describeBrowser('the comment and the job summary in a browser', () => {
  const require = createRequire(import.meta.url)
  let context: Context
  let profile: string
  let css: string
  let toHtml: (markdown: string) => string

  beforeAll(async () => {
    const { marked } = (await import('marked')) as typeof import('marked')
    toHtml = (markdown) => marked.parse(markdown, { gfm: true, async: false }) as string
    css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
    const { chromium } = (await import('playwright-core')) as typeof import('playwright-core')
    profile = mkdtempSync(join(tmpdir(), 'plan-gate-chromium-'))
    mkdirSync(ARTIFACTS, { recursive: true })
    context = (await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: COLUMN + 40, height: SCREEN },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    })) as unknown as Context
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true })
  })

  async function layout(markdown: string, name: string): Promise<Layout> {
    const page = await context.newPage()
    const html =
      `<!doctype html><meta charset="utf-8"><style>${css}\nbody{margin:0}` +
      `.markdown-body{box-sizing:border-box;width:${COLUMN}px;padding:16px}</style>` +
      `<article class="markdown-body">${toHtml(markdown)}</article>`
    await page.setContent(html)
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
    return page.evaluate(() => ({
      height: document.querySelector('article')?.getBoundingClientRect().height ?? 0,
      tables: [...document.querySelectorAll('article table')]
        .filter((t) => (t as HTMLElement).offsetParent !== null)
        .map((t) => {
          const table = t as HTMLElement
          const why = [...table.querySelectorAll('th')].find((th) => th.textContent === 'Why')
          return {
            width: table.getBoundingClientRect().width,
            scrollWidth: table.scrollWidth,
            clientWidth: table.clientWidth,
            whyWidth: why?.getBoundingClientRect().width ?? 0
          }
        })
    }))
  }

  function summary(report: Report): string {
    return renderSummary({
      report: renderMarkdown(report, { maxLength: 1_000_000 }),
      approvals: renderApprovalSection({
        context: 'plan-gate',
        decision: {
          outcome: 'pending',
          status: {
            state: 'pending',
            description:
              'Needs 1 more approving review (1 of 2 so far) from reviewers with write access'
          },
          jobFails: false,
          message: ''
        },
        approval: {
          approved: false,
          required: 2,
          approvers: ['alice'],
          changesRequestedBy: [],
          reviewers: [
            { login: 'alice', state: 'APPROVED', counted: true, why: 'approved on the head commit' }
          ],
          authorIsAgent: false,
          summary: ''
        } as never,
        headSha: 'a'.repeat(40)
      }),
      notes: []
    })
  }

  function expectFits(result: Layout): void {
    expect(result.tables.length).toBeGreaterThan(0)
    for (const table of result.tables) {
      // No horizontal scrollbar, and the Why column is not squeezed.
      expect(table.width).toBeLessThanOrEqual(COLUMN - 32 + 1)
      expect(table.scrollWidth).toBeLessThanOrEqual(table.clientWidth + 1)
      if (table.whyWidth > 0) expect(table.whyWidth).toBeGreaterThanOrEqual(250)
    }
  }

  test('the README example: the table fits an 800 px column', async () => {
    const { stdout } = await cli(['fixtures/examples/destroy-prod-db.json', '--format', 'markdown'])
    expect(stdout).toContain('| Decision | Resource | Why |')
    expectFits(await layout(stdout, 'example-comment'))
  }, 60_000)

  test('the 1,500-finding plan: the comment fits 800 px and a few screens', async () => {
    const report = hugeReport()
    expect(report.findings).toHaveLength(1500)
    const markdown = renderMarkdown(report)
    expect(markdown.length).toBeLessThanOrEqual(60000)
    const result = await layout(markdown, 'huge-comment')
    expectFits(result)
    expect(result.height).toBeLessThanOrEqual(3 * SCREEN)
  }, 60_000)

  test('the 1,500-finding plan: the job summary fits 800 px and a few screens', async () => {
    const result = await layout(summary(hugeReport()), 'huge-summary')
    expectFits(result)
    expect(result.height).toBeLessThanOrEqual(3 * SCREEN)
  }, 60_000)
})

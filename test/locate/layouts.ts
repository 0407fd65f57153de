/** Terraform layouts the locator tests share: a local-module and a remote-module configuration. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Files of a repository whose root module lives in `infra/prod` (paths from the repository root). */
export const LOCAL_LAYOUT: Readonly<Record<string, string>> = {
  'infra/prod/main.tf': [
    '# Production',
    'terraform {',
    '  required_version = ">= 1.5"',
    '}',
    '',
    'resource "aws_db_instance" "main" {',
    '  identifier = "prod"',
    '  tags = { note = "resource \\"aws_db_instance\\" \\"decoy\\" {" }',
    '}',
    '',
    'module "tenants" {',
    '  source   = "../modules/tenant"',
    '  for_each = toset(["a", "b"])',
    '}',
    ''
  ].join('\n'),
  'infra/prod/data.tf': [
    'data "aws_caller_identity" "me" {}',
    '',
    '/*',
    'resource "aws_s3_bucket" "commented" {',
    '}',
    '*/',
    'resource "aws_s3_bucket" "logs" {',
    '  bucket = "logs"',
    '  policy = <<-EOT',
    '    resource "aws_s3_bucket" "in_heredoc" {',
    '  EOT',
    '}',
    ''
  ].join('\n'),
  'infra/modules/tenant/main.tf': [
    'variable "name" {}',
    '',
    'resource "aws_db_instance" "this" {',
    '  identifier = var.name',
    '}',
    '',
    'module "database" {',
    '  source = "./database"',
    '}',
    ''
  ].join('\n'),
  'infra/modules/tenant/database/cluster.tf': [
    'resource "aws_rds_cluster" "this" {}',
    '',
    '',
    'resource "aws_rds_cluster_instance" "replica" {',
    '  count = 2',
    '}',
    ''
  ].join('\n'),
  // Not called by anything: must never be taken for the root module's blocks.
  'infra/other/main.tf': 'resource "aws_db_instance" "main" {}\n'
}

/** A root module calling a registry module (downloaded by `terraform init`) and a local one. */
export const REMOTE_LAYOUT: Readonly<Record<string, string>> = {
  'main.tf': [
    'module "rds" {',
    '  source  = "terraform-aws-modules/rds/aws"',
    '  version = "6.10.0"',
    '}',
    '',
    'module "local" {',
    '  source = "./modules/local"',
    '}',
    ''
  ].join('\n'),
  'modules/local/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
  // What `terraform init` downloaded: present on disk, but not the repository's code.
  '.terraform/modules/rds/main.tf': 'resource "aws_db_instance" "this" {}\n',
  '.terraform/modules/modules.json': JSON.stringify({
    Modules: [
      { Key: '', Source: '', Dir: '.' },
      {
        Key: 'rds',
        Source: 'registry.terraform.io/terraform-aws-modules/rds/aws',
        Version: '6.10.0',
        Dir: '.terraform/modules/rds'
      },
      { Key: 'local', Source: './modules/local', Dir: 'modules/local' }
    ]
  })
}

/** Writes `layout` into a new temporary directory and returns it. */
export function writeLayout(layout: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-gate-locate-'))
  for (const [path, text] of Object.entries(layout)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

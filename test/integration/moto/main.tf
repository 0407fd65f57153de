# Applied against moto_server by test/integration/moto.test.ts, then planned with
# scenario = "change" (deletes, replaces, weakenings) and with `plan -destroy`.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

variable "endpoint" { type = string }
variable "scenario" {
  type    = string
  default = "base"
}

locals {
  change = var.scenario == "change"
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "testing"
  secret_key                  = "testing"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  s3_use_path_style           = true
  endpoints {
    s3             = var.endpoint
    dynamodb       = var.endpoint
    sqs            = var.endpoint
    kms            = var.endpoint
    cloudwatchlogs = var.endpoint
    kinesis        = var.endpoint
    secretsmanager = var.endpoint
    ec2            = var.endpoint
    ecr            = var.endpoint
    rds            = var.endpoint
    backup         = var.endpoint
    sts            = var.endpoint
    iam            = var.endpoint
  }
}

# Versioning suspended: a weakening.
resource "aws_s3_bucket" "backups" {
  bucket = "pg-backups"
}
resource "aws_s3_bucket_versioning" "backups" {
  bucket = aws_s3_bucket.backups.id
  versioning_configuration { status = local.change ? "Suspended" : "Enabled" }
}

# Objects expire after one day on the backups bucket: data destroyed by an update.
resource "aws_s3_bucket_lifecycle_configuration" "backups" {
  count  = local.change ? 1 : 0
  bucket = aws_s3_bucket.backups.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration { days = 1 }
    noncurrent_version_expiration { noncurrent_days = 1 }
  }
}

# The state bucket: a new policy on it targets state storage.
resource "aws_s3_bucket" "state" {
  bucket = "pg-tfstate-prod"
}
resource "aws_s3_bucket_policy" "state" {
  count  = local.change ? 1 : 0
  bucket = aws_s3_bucket.state.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::pg-tfstate-prod/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# The S3 backend's lock table (hash_key LockID): deleted.
resource "aws_dynamodb_table" "locks" {
  count        = local.change ? 0 : 1
  name         = "pg-locks"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"
  attribute {
    name = "LockID"
    type = "S"
  }
}

# Deletion protection and point-in-time recovery switched off; TTL switched on.
resource "aws_dynamodb_table" "ledger" {
  name                        = "ledger"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = !local.change
  attribute {
    name = "id"
    type = "S"
  }
  point_in_time_recovery { enabled = !local.change }
  ttl {
    attribute_name = local.change ? "expires_at" : ""
    enabled        = local.change
  }
}

# Deleted: a data store, approval.
resource "aws_dynamodb_table" "sessions" {
  count        = local.change ? 0 : 1
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

# Replaced (new name), and its retention cut.
resource "aws_sqs_queue" "jobs" {
  name                      = local.change ? "jobs-v2" : "jobs"
  message_retention_seconds = 1209600
}
resource "aws_sqs_queue" "events" {
  name                      = "events"
  message_retention_seconds = local.change ? 60 : 1209600
}

# Key disabled, deletion window shortened.
resource "aws_kms_key" "data" {
  description             = "data"
  deletion_window_in_days = local.change ? 7 : 30
  is_enabled              = !local.change
}

# Retention cut to one day.
resource "aws_cloudwatch_log_group" "audit" {
  name              = "audit"
  retention_in_days = local.change ? 1 : 365
}

# Deleted.
resource "aws_cloudwatch_log_group" "old" {
  count             = local.change ? 0 : 1
  name              = "old"
  retention_in_days = 30
}

# Stream retention cut.
resource "aws_kinesis_stream" "events" {
  name             = "events"
  shard_count      = 1
  retention_period = local.change ? 24 : 72
}

# Recovery window shortened.
resource "aws_secretsmanager_secret" "api" {
  name                    = "api"
  recovery_window_in_days = local.change ? 7 : 30
}

# Replaced (another availability zone) without a final snapshot: no copy survives.
resource "aws_ebs_volume" "data" {
  availability_zone = local.change ? "us-east-1b" : "us-east-1a"
  size              = 10
}

# Deleted; force_delete is off, so its images survive a delete (it fails while any exist).
resource "aws_ecr_repository" "app" {
  count = local.change ? 0 : 1
  name  = "app"
}

# Made through the RDS API by the test (the provider's create waits over a minute for moto),
# imported, then deleted: no final snapshot identifier and automated backups deleted with it, so
# no copy survives.
import {
  for_each = local.change ? {} : { main = "main" }
  to       = aws_db_instance.main[0]
  id       = each.value
}
resource "aws_db_instance" "main" {
  count                   = local.change ? 0 : 1
  identifier              = "main"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  allocated_storage       = 20
  username                = "pgadmin"
  backup_retention_period = 0
}

# Backup plan: recovery points kept for less time.
resource "aws_backup_vault" "main" {
  name = "main"
}
resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 * * ? *)"
    lifecycle { delete_after = local.change ? 7 : 35 }
  }
}

# Not a data store: its delete is only a warning.
resource "aws_iam_role" "worker" {
  count = local.change ? 0 : 1
  name  = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

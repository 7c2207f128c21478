-- The service's data: projects and their tokens (by SHA-256 digest, never the token itself),
-- servers with their disks, backups (checkpoint items) with their disk backups. Statuses and
-- restore modes as the CSBS API spells them (lowercase for backups, uppercase for servers).
CREATE TABLE IF NOT EXISTS project (
  id        VARCHAR(32)  PRIMARY KEY,
  name      VARCHAR(255) NOT NULL,
  verified  BOOLEAN      NOT NULL
);

CREATE TABLE IF NOT EXISTS token (
  digest     CHAR(64)    PRIMARY KEY,
  project_id VARCHAR(32) NOT NULL REFERENCES project (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS server (
  id                VARCHAR(36)  PRIMARY KEY,
  project_id        VARCHAR(32)  NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  name              VARCHAR(255) NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  type              VARCHAR(64)  NOT NULL,
  availability_zone VARCHAR(64)  NOT NULL
);

CREATE TABLE IF NOT EXISTS volume (
  server_id VARCHAR(36) NOT NULL REFERENCES server (id) ON DELETE CASCADE,
  position  INT         NOT NULL,
  id        VARCHAR(36) NOT NULL,
  size_gb   INT         NOT NULL,
  bootable  BOOLEAN     NOT NULL,
  shareable BOOLEAN     NOT NULL,
  PRIMARY KEY (server_id, position)
);

CREATE TABLE IF NOT EXISTS backup (
  id                VARCHAR(36)  PRIMARY KEY,
  project_id        VARCHAR(32)  NOT NULL REFERENCES project (id) ON DELETE CASCADE,
  name              VARCHAR(255) NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  resource_id       VARCHAR(36)  NOT NULL,
  resource_type     VARCHAR(64)  NOT NULL,
  availability_zone VARCHAR(64)  NOT NULL,
  restore_mode      VARCHAR(16)  NOT NULL
);

CREATE TABLE IF NOT EXISTS volume_backup (
  backup_id        VARCHAR(36) NOT NULL REFERENCES backup (id) ON DELETE CASCADE,
  position         INT         NOT NULL,
  id               VARCHAR(36) NOT NULL,
  source_volume_id VARCHAR(36) NOT NULL,
  size_gb          INT         NOT NULL,
  bootable         BOOLEAN     NOT NULL,
  PRIMARY KEY (backup_id, position)
);

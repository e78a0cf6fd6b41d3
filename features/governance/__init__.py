"""Governance of error data: roles, the audit log, retention, backups and exports.

Every read, write, export and admin action passes the one enforcement point,
:func:`guard` (or :func:`enforce`), which checks the caller's role (from
``roles.yaml`` / ``$FAULTLINE_ROLES`` and ``$FAULTLINE_USER``) and appends a row to
the hash-chained audit log beside the store. See ``docs/governance.md``.

Examples
--------
>>> from features.governance import load_roles
>>> sorted(load_roles().roles["auditor"]["read"])
['audit', 'lineage']
"""

from features.governance.audit import AuditLog, AuditLogError, VerifyResult, audit_path_for
from features.governance.backup import BackupError, BackupResult, backup, restore
from features.governance.exports import ExportError, export_table, read_export
from features.governance.retention import (
    DEFAULT_RETENTION,
    RetentionPolicy,
    RetentionReport,
    TableRetention,
    add_hold,
    apply_retention,
    list_holds,
    release_hold,
)
from features.governance.roles import (
    ACTIONS,
    OBJECTS,
    Access,
    AccessDenied,
    Identity,
    RoleConfig,
    current_identity,
    enforce,
    guard,
    load_roles,
    resolve_identity,
)

__all__ = [
    "ACTIONS",
    "Access",
    "AccessDenied",
    "AuditLog",
    "AuditLogError",
    "BackupError",
    "BackupResult",
    "DEFAULT_RETENTION",
    "ExportError",
    "Identity",
    "OBJECTS",
    "RetentionPolicy",
    "RetentionReport",
    "RoleConfig",
    "TableRetention",
    "VerifyResult",
    "add_hold",
    "apply_retention",
    "audit_path_for",
    "backup",
    "current_identity",
    "enforce",
    "export_table",
    "guard",
    "list_holds",
    "load_roles",
    "read_export",
    "release_hold",
    "resolve_identity",
    "restore",
]

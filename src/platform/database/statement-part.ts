/**
 * Part of a larger SQL statement that another feature contributes (one round trip for a change and
 * what follows from it): its CTEs, and an expression the statement's final SELECT must list, since
 * PostgreSQL runs a SELECT CTE only when something reads it.
 */
export interface StatementPart {
  /** CTEs (`name AS (...)`, comma-separated), put after the statement's own. */
  ctes: string;
  /** An expression over those CTEs (a count, say) for the final SELECT. */
  read: string;
}

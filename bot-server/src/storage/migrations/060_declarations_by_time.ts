import { portable, type Migration } from "./define";

/**
 * The dashboard and the department's daily export read every declaration of a time range,
 * whatever the checkpoint or destination: the existing indexes lead with those columns.
 */
export const migration: Migration = {
  id: "060_declarations_by_time",
  up: portable(() => `CREATE INDEX declarations_issued_idx ON declarations (issued_at);`),
};

import type { CannedAnswer } from "@khaibao/shared";
import { AppError } from "../http/errors";
import type { Queryable } from "../storage";

interface Row {
  id: number | string;
  shortcut: string;
  title: string;
  body: string;
  updated_at: string;
}

const toAnswer = (r: Row): CannedAnswer => ({ id: Number(r.id), shortcut: r.shortcut, title: r.title, body: r.body, updatedAt: r.updated_at });

/** Unique-constraint failures on both dialects. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === "23505" || e.code === "SQLITE_CONSTRAINT_UNIQUE" || /UNIQUE constraint failed/.test(e.message ?? "");
}

/** Canned answers: supervisors write them, agents insert them with `/shortcut`. */
export class CannedAnswerRepository {
  constructor(private readonly db: Queryable) {}

  /** By shortcut; `q` matches shortcut, title or body (case-insensitive, as typed). */
  async list(q?: string): Promise<CannedAnswer[]> {
    const rows = q
      ? await this.db.all<Row>(
          `SELECT id, shortcut, title, body, updated_at FROM support_canned_answers
            WHERE LOWER(shortcut) LIKE $1 OR LOWER(title) LIKE $1 OR LOWER(body) LIKE $1 ORDER BY shortcut LIMIT 50`,
          [`%${q.toLowerCase().replace(/[%_\\]/g, "")}%`],
        )
      : await this.db.all<Row>("SELECT id, shortcut, title, body, updated_at FROM support_canned_answers ORDER BY shortcut LIMIT 500");
    return rows.map(toAnswer);
  }

  async create(input: { shortcut: string; title: string; body: string }, by: string, now: Date): Promise<CannedAnswer> {
    try {
      const row = await this.db.get<Row>(
        `INSERT INTO support_canned_answers (shortcut, title, body, updated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
         RETURNING id, shortcut, title, body, updated_at`,
        [input.shortcut, input.title, input.body, by, now],
      );
      return toAnswer(row as Row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("inbox.shortcut_taken", 409, { fields: [{ path: "shortcut", code: "inbox.shortcut_taken" }] });
      throw error;
    }
  }

  async update(id: number, input: { shortcut: string; title: string; body: string }, by: string, now: Date): Promise<CannedAnswer> {
    let row: Row | undefined;
    try {
      row = await this.db.get<Row>(
        `UPDATE support_canned_answers SET shortcut = $2, title = $3, body = $4, updated_by = $5, updated_at = $6 WHERE id = $1
         RETURNING id, shortcut, title, body, updated_at`,
        [id, input.shortcut, input.title, input.body, by, now],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("inbox.shortcut_taken", 409, { fields: [{ path: "shortcut", code: "inbox.shortcut_taken" }] });
      throw error;
    }
    if (!row) throw new AppError("inbox.canned_not_found", 404);
    return toAnswer(row);
  }

  async remove(id: number): Promise<void> {
    const { changes } = await this.db.run("DELETE FROM support_canned_answers WHERE id = $1", [id]);
    if (changes === 0) throw new AppError("inbox.canned_not_found", 404);
  }
}

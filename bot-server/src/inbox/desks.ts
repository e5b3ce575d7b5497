import type { Desk } from "@khaibao/shared";
import { parseSupportHours, SupportHoursError, type SupportHours } from "../bot/hours";
import { AppError } from "../http/errors";
import type { Queryable } from "../storage";

interface Row {
  id: string;
  name: string;
  hours: string;
  out_of_hours_text: string | null;
}

const toDesk = (r: Row): Desk => ({ id: r.id, name: r.name, hours: r.hours, outOfHoursText: r.out_of_hours_text });

/** The hours a conversation's handoff quotes: its desk's, or undefined for the default desk (SUPPORT_HOURS). */
export interface DeskHours {
  hours: SupportHours;
  outOfHoursText: string | null;
}

/**
 * Support desks (a district's team, say) and their business hours in Asia/Ho_Chi_Minh, written
 * like SUPPORT_HOURS. A conversation without a desk uses the default desk: SUPPORT_HOURS.
 */
export class DeskRepository {
  constructor(private readonly db: Queryable) {}

  async list(): Promise<Desk[]> {
    return (await this.db.all<Row>("SELECT id, name, hours, out_of_hours_text FROM support_desks ORDER BY name")).map(toDesk);
  }

  async get(id: string): Promise<Desk | undefined> {
    const row = await this.db.get<Row>("SELECT id, name, hours, out_of_hours_text FROM support_desks WHERE id = $1", [id]);
    return row ? toDesk(row) : undefined;
  }

  /** Creates or replaces a desk; hours are checked before anything is stored. */
  async upsert(desk: Desk, now: Date): Promise<Desk> {
    try {
      parseSupportHours(desk.hours);
    } catch (error) {
      if (error instanceof SupportHoursError) throw new AppError("inbox.hours_invalid", 400, { fields: [{ path: "hours", code: "inbox.hours_invalid" }], params: { detail: error.message } });
      throw error;
    }
    await this.db.run(
      `INSERT INTO support_desks (id, name, hours, out_of_hours_text, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, hours = excluded.hours, out_of_hours_text = excluded.out_of_hours_text, updated_at = excluded.updated_at`,
      [desk.id, desk.name, desk.hours, desk.outOfHoursText, now],
    );
    return desk;
  }

  /** The desk hours of a conversation, or undefined when it has none (the default desk). */
  async hoursFor(userId: string): Promise<DeskHours | undefined> {
    const row = await this.db.get<Row>(
      `SELECT d.id, d.name, d.hours, d.out_of_hours_text FROM support_conversations s JOIN support_desks d ON d.id = s.desk_id WHERE s.user_id = $1`,
      [userId],
    );
    if (!row) return undefined;
    try {
      return { hours: parseSupportHours(row.hours), outOfHoursText: row.out_of_hours_text };
    } catch {
      return undefined; // stored hours are checked on write; an unreadable row falls back to the default desk
    }
  }
}

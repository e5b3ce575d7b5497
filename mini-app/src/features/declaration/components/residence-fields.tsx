import { useStrings } from "../i18n";
import type { FormBinding } from "../use-step-form";
import { TextField } from "./field";
import { ProvinceField } from "./province-field";
import { WardField } from "./ward-field";

/** Where the person lives: province → ward (no districts since 1 July 2025) → street. */
export function ResidenceFields({ f }: { f: FormBinding }) {
  const { s } = useStrings();
  const r = f.form.residence;
  return (
    <>
      <ProvinceField
        path="residence.provinceCode"
        label={s.residence.province}
        value={r.provinceCode}
        onChange={(code) => {
          f.touch("residence.provinceCode");
          f.update((form) =>
            form.residence.provinceCode === code
              ? form
              : { ...form, residence: { ...form.residence, provinceCode: code, wardCode: "", wardName: "" } },
          );
        }}
        error={f.errorOf("residence.provinceCode")}
      />
      <WardField
        path="residence.wardCode"
        label={s.residence.ward}
        provinceCode={r.provinceCode}
        value={r.wardCode}
        valueName={r.wardName}
        onChange={(code, name) => {
          f.touch("residence.wardCode");
          f.update((form) => ({ ...form, residence: { ...form.residence, wardCode: code, wardName: name } }));
        }}
        error={f.errorOf("residence.wardCode")}
      />
      <TextField
        path="residence.street"
        label={s.residence.street}
        hint={s.residence.streetHint}
        value={r.street}
        onChange={(v) => f.update((form) => ({ ...form, residence: { ...form.residence, street: v } }))}
        onBlur={() => f.touch("residence.street")}
        error={f.errorOf("residence.street")}
        autoComplete="street-address"
      />
    </>
  );
}

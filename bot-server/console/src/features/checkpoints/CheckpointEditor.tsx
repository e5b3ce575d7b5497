import { useEffect, useState, type FormEvent } from "react";
import { checkpointCreateRequestSchema, checkpointUpdateRequestSchema, type CheckpointDirection, type Province, type StaffCheckpoint, type Ward } from "@khaibao/shared";
import { Button, Field, Notice, Select, TextInput } from "../../components/ui";
import { errorText, fieldErrors, validateForm } from "../../lib/errors";
import { useI18n } from "../../lib/i18n";
import { createCheckpoint, listProvinces, listWards, updateCheckpoint } from "./api";
import { dayToIso, isoToDay } from "./dates";

const DIRECTIONS: readonly CheckpointDirection[] = ["into", "out_of", "both"];

interface Draft {
  id: string;
  name: string;
  provinceCode: string;
  wardCode: string;
  address: string;
  direction: CheckpointDirection;
  latitude: string;
  longitude: string;
  activeFrom: string;
  activeTo: string;
  notes: string;
  reason: string;
}

function draftOf(c: StaffCheckpoint | undefined): Draft {
  return {
    id: c?.id ?? "",
    name: c?.name ?? "",
    provinceCode: c?.provinceCode ?? "01",
    wardCode: c?.wardCode ?? "",
    address: c?.address ?? "",
    direction: c?.direction ?? "both",
    latitude: c?.latitude === null || c?.latitude === undefined ? "" : String(c.latitude),
    longitude: c?.longitude === null || c?.longitude === undefined ? "" : String(c.longitude),
    activeFrom: isoToDay(c?.activeFrom ?? null),
    activeTo: isoToDay(c?.activeTo ?? null),
    notes: c?.notes ?? "",
    reason: "",
  };
}

/** Create (no `checkpoint`) or edit one checkpoint; the form checks with the server's schema first. */
export function CheckpointEditor({
  checkpoint,
  onSaved,
  onClose,
  onDeactivate,
}: {
  checkpoint?: StaffCheckpoint;
  onSaved: (c: StaffCheckpoint, created: boolean) => void;
  onClose: () => void;
  onDeactivate?: () => void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(checkpoint));
  const [provinces, setProvinces] = useState<readonly Province[]>([]);
  const [wards, setWards] = useState<readonly Ward[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    listProvinces().then(setProvinces, () => setProvinces([]));
  }, []);
  useEffect(() => {
    listWards(draft.provinceCode).then(setWards, () => setWards([]));
  }, [draft.provinceCode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: draft.name,
      provinceCode: draft.provinceCode,
      wardCode: draft.wardCode,
      address: draft.address,
      direction: draft.direction,
      latitude: draft.latitude,
      longitude: draft.longitude,
      activeFrom: dayToIso(draft.activeFrom),
      activeTo: dayToIso(draft.activeTo),
      notes: draft.notes,
      ...(draft.reason.trim() ? { reason: draft.reason } : {}),
    };
    const checked = checkpoint ? validateForm(checkpointUpdateRequestSchema, input, lang) : validateForm(checkpointCreateRequestSchema, { ...input, id: draft.id }, lang);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      // What the shared schema made of the form (numbers, UTC times) is what the server checks again.
      const saved = checkpoint ? await updateCheckpoint(checkpoint.id, checked.data) : await createCheckpoint({ ...checked.data, id: draft.id });
      setErrors({});
      onSaved(saved, !checkpoint);
    } catch (err) {
      setErrors(fieldErrors(err, lang));
      setFailure(errorText(err, lang, t("error.network")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel" aria-labelledby="checkpoint-editor-heading">
      <div className="panel-head">
        <h2 id="checkpoint-editor-heading">{checkpoint ? t("checkpoints.form.edit_heading", { id: checkpoint.id }) : t("checkpoints.form.create_heading")}</h2>
        <Button variant="link" onClick={onClose}>
          {t("checkpoints.form.close")}
        </Button>
      </div>
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {checkpoint ? null : (
          <TextInput label={t("checkpoints.form.id")} className="mono" value={draft.id} onChange={(e) => set({ id: e.target.value.toUpperCase() })} error={errors["id"]} hint={t("checkpoints.form.id_hint")} />
        )}
        <TextInput label={t("checkpoints.form.name")} value={draft.name} onChange={(e) => set({ name: e.target.value })} error={errors["name"]} maxLength={120} />
        <Select label={t("checkpoints.form.province")} value={draft.provinceCode} onChange={(e) => set({ provinceCode: e.target.value, wardCode: "" })} error={errors["provinceCode"]}>
          {provinces.length === 0 ? <option value={draft.provinceCode}>{checkpoint?.provinceName ?? draft.provinceCode}</option> : null}
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select label={t("checkpoints.form.ward")} value={draft.wardCode} onChange={(e) => set({ wardCode: e.target.value })} error={errors["wardCode"]}>
          <option value="">{t("checkpoints.form.ward_none")}</option>
          {wards.length === 0 && draft.wardCode ? <option value={draft.wardCode}>{checkpoint?.wardName ?? draft.wardCode}</option> : null}
          {wards.map((w) => (
            <option key={w.code} value={w.code}>
              {w.name}
            </option>
          ))}
        </Select>
        <TextInput label={t("checkpoints.form.address")} value={draft.address} onChange={(e) => set({ address: e.target.value })} error={errors["address"]} maxLength={300} />
        <Select label={t("checkpoints.form.direction")} value={draft.direction} onChange={(e) => set({ direction: e.target.value as CheckpointDirection })} error={errors["direction"]}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`checkpoints.direction.${d}`)}
            </option>
          ))}
        </Select>
        <div className="two-cols">
          <TextInput label={t("checkpoints.form.latitude")} inputMode="decimal" value={draft.latitude} onChange={(e) => set({ latitude: e.target.value })} error={errors["latitude"]} />
          <TextInput label={t("checkpoints.form.longitude")} inputMode="decimal" value={draft.longitude} onChange={(e) => set({ longitude: e.target.value })} error={errors["longitude"]} />
          <TextInput label={t("checkpoints.form.active_from")} type="date" value={draft.activeFrom} onChange={(e) => set({ activeFrom: e.target.value })} error={errors["activeFrom"]} />
          <TextInput label={t("checkpoints.form.active_to")} type="date" value={draft.activeTo} onChange={(e) => set({ activeTo: e.target.value })} error={errors["activeTo"]} />
        </div>
        <p className="field-hint hint-block">{t("checkpoints.form.dates_hint")}</p>
        <Field label={t("checkpoints.form.notes")} error={errors["notes"]}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} rows={2} maxLength={1000} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
          )}
        </Field>
        <TextInput label={t("checkpoints.form.reason")} value={draft.reason} onChange={(e) => set({ reason: e.target.value })} error={errors["reason"]} maxLength={500} />
        <Button type="submit" disabled={busy}>
          {checkpoint ? t("checkpoints.form.save") : t("checkpoints.form.create")}
        </Button>
      </form>
      {checkpoint?.active && onDeactivate ? (
        <div className="panel-section">
          <Button variant="danger" disabled={busy} onClick={onDeactivate}>
            {t("checkpoints.deactivate")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

import { useState } from "react";
import { Button } from "zmp-ui";
import { normalizePhone } from "@khaibao/shared";
import { useConsentGate } from "../../../components/consent-dialog";
import { useApiClient } from "../../../lib/api-context";
import { isPlatformError, usePlatform } from "../../../platform";
import { exchangePhoneToken } from "../api/exchange-phone";
import { useStrings } from "../i18n";
import { birthDateForDisplay, birthDateFromTyped } from "../model/dates";
import { GENDERS, ID_KINDS, RELATIONSHIPS, type IdentityForm } from "../model/form";
import type { FormBinding } from "../use-step-form";
import { ChoiceGroup } from "./choice-group";
import { TextField } from "./field";

type Busy = "name" | "phone" | null;

/**
 * Who is declared. Two prefills, each asked for only when the person taps, with its purpose
 * said next to the button: the Zalo name (permission `scope.userInfo`) and the phone number
 * (Zalo's single-use token, exchanged by our server). Before either is read, the citizen's
 * consent is recorded on our server (asked for in a dialog when it is not). If either is
 * refused, they type it.
 */
export function IdentityFields({ f, showRelationship = true }: { f: FormBinding; showRelationship?: boolean }) {
  const { s } = useStrings();
  const platform = usePlatform();
  const client = useApiClient();
  const [busy, setBusy] = useState<Busy>(null);
  const [nameNote, setNameNote] = useState<string | null>(null);
  const [phoneNote, setPhoneNote] = useState<string | null>(null);
  const profileConsent = useConsentGate("profile");
  const phoneConsent = useConsentGate("phone");
  const identity = f.form.identity;
  const self = identity.relationship === "self";

  const set = <K extends keyof IdentityForm>(key: K, value: IdentityForm[K]) =>
    f.update((form) => ({ ...form, identity: { ...form.identity, [key]: value } }));
  const text = (key: "fullName" | "idNumber" | "birthDate" | "phone" | "email" | "healthInsuranceNumber" | "nationality") => ({
    path: `identity.${key}`,
    value: identity[key],
    onChange: (v: string) => set(key, v),
    onBlur: () => f.touch(`identity.${key}`),
    error: f.errorOf(`identity.${key}`),
  });

  const fillZaloName = async () => {
    setBusy("name");
    setNameNote(null);
    try {
      if (!(await profileConsent.ensure())) return;
      const user = await platform.getUserInfo({ requestPermission: true });
      if (user.name) {
        set("fullName", user.name);
        f.touch("identity.fullName");
      } else setNameNote(s.identity.zaloNameFailed);
    } catch {
      setNameNote(s.identity.zaloNameFailed);
    } finally {
      setBusy(null);
    }
  };

  const fillZaloPhone = async () => {
    setBusy("phone");
    setPhoneNote(null);
    try {
      if (!(await phoneConsent.ensure())) return;
      const token = await platform.getPhoneNumberToken();
      if (!token) throw new Error("no phone token");
      const e164 = await exchangePhoneToken(client, token);
      const phone = normalizePhone(e164);
      set("phone", phone.ok ? phone.national : e164);
      f.touch("identity.phone");
      setPhoneNote(s.identity.zaloPhoneDone);
    } catch (error) {
      setPhoneNote(isPlatformError(error, "cancelled") ? null : s.identity.zaloPhoneFailed);
    } finally {
      setBusy(null);
    }
  };

  const moreHasErrors = ["email", "healthInsuranceNumber", "nationality"].some((k) => f.errorOf(`identity.${k}`));

  return (
    <>
      {profileConsent.dialog}
      {phoneConsent.dialog}
      {showRelationship ? (
        <ChoiceGroup
          path="identity.relationship"
          label={s.identity.relationship}
          value={identity.relationship}
          choices={RELATIONSHIPS.map((r) => ({ value: r, label: s.identity.relationships[r] }))}
          columns={3}
          onChange={(r) => set("relationship", r)}
          error={f.errorOf("identity.relationship")}
        />
      ) : null}
      <TextField
        {...text("fullName")}
        label={s.identity.fullName}
        hint={s.identity.fullNameHint}
        autoComplete={self ? "name" : "off"}
        autoCapitalize="words"
        extra={
          self ? (
            <div className="kb-prefill">
              <Button variant="secondary" size="medium" loading={busy === "name"} onClick={() => void fillZaloName()}>
                {s.identity.useZaloName}
              </Button>
              <p className="kb-field__hint">{nameNote ?? s.identity.zaloNamePurpose}</p>
            </div>
          ) : null
        }
      />
      <ChoiceGroup
        path="identity.idKind"
        label={s.identity.idKind}
        value={identity.idKind}
        choices={ID_KINDS.map((k) => ({ value: k, label: s.identity.idKinds[k] }))}
        columns={3}
        onChange={(k) => set("idKind", k)}
        error={f.errorOf("identity.idKind")}
      />
      <TextField
        {...text("idNumber")}
        label={s.identity.idNumber}
        hint={s.identity.idNumberHints[identity.idKind]}
        inputMode={identity.idKind === "passport" ? "text" : "numeric"}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <TextField
        {...text("birthDate")}
        onBlur={() => {
          // Shown back the way it is read here: 12051990 → 12/05/1990.
          const display = birthDateForDisplay(birthDateFromTyped(identity.birthDate));
          if (display !== identity.birthDate) set("birthDate", display);
          f.touch("identity.birthDate");
        }}
        label={s.identity.birthDate}
        hint={s.identity.birthDateHint}
        inputMode="numeric"
        autoComplete={self ? "bday" : "off"}
        placeholder="dd/mm/yyyy"
      />
      <ChoiceGroup
        path="identity.gender"
        label={s.identity.gender}
        value={identity.gender || null}
        choices={GENDERS.map((g) => ({ value: g, label: s.identity.genders[g] }))}
        columns={3}
        onChange={(g) => {
          set("gender", g);
          f.touch("identity.gender");
        }}
        error={f.errorOf("identity.gender")}
      />
      <TextField
        {...text("phone")}
        label={s.identity.phone}
        hint={s.identity.phoneHint}
        type="tel"
        inputMode="tel"
        autoComplete={self ? "tel" : "off"}
        extra={
          <div className="kb-prefill">
            <Button variant="secondary" size="medium" loading={busy === "phone"} onClick={() => void fillZaloPhone()}>
              {s.identity.useZaloPhone}
            </Button>
            <p className="kb-field__hint" role="status">
              {phoneNote ?? s.identity.zaloPhonePurpose}
            </p>
          </div>
        }
      />
      <details className="kb-more" open={moreHasErrors || undefined}>
        <summary className="kb-more__summary">{s.identity.more}</summary>
        <TextField {...text("email")} label={s.identity.email} type="email" inputMode="email" autoComplete={self ? "email" : "off"} />
        <TextField {...text("healthInsuranceNumber")} label={s.identity.insurance} autoComplete="off" autoCapitalize="characters" />
        <TextField
          {...text("nationality")}
          onChange={(v) => set("nationality", v.toUpperCase().slice(0, 2))}
          label={s.identity.nationality}
          hint={s.identity.nationalityHint}
          autoCapitalize="characters"
          maxLength={2}
        />
      </details>
    </>
  );
}

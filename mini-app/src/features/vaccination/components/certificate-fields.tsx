import { describeVaccination, type DccCertificate } from "@khaibao/shared";
import { useStrings } from "../i18n";
import { displayDate, displayDay } from "../model/dates";

interface Props {
  certificate: DccCertificate;
  /** When the QR stops being valid (the `exp` claim), when known. */
  expiresAt?: string | undefined;
}

/**
 * The 11 fields of Vietnam's certificate in words, plus the issuer: the name as printed with its
 * transliteration beside it (what a foreign border officer reads), the doses as "n of m" exactly
 * as written, and a booster said plainly, because 3/3 looks like a finished primary course.
 */
export function CertificateFields({ certificate, expiresAt }: Props) {
  const { s, lang } = useStrings();
  const d = describeVaccination(certificate, lang);
  if (!d) return <p className="kb-hint">{s.fields.notVaccination}</p>;
  const printed = [d.name.family, d.name.given].filter(Boolean).join(" ");
  const rows: [string, React.ReactNode, string?][] = [
    [
      s.fields.name,
      <>
        <span className="kb-cert__name">{printed || d.name.transliterated}</span>
        <span className="kb-cert__translit">
          {s.fields.transliterated}: {d.name.transliterated}
        </span>
      </>,
      "name",
    ],
    [s.fields.dateOfBirth, displayDate(d.dateOfBirth), "dob"],
    [s.fields.country, d.country, "country"],
    [s.fields.disease, d.disease, "disease"],
    [
      s.fields.doses,
      <>
        <span className="kb-cert__doses" data-testid="certificate-doses">{d.dosesText}</span>
        {d.booster ? <span className="kb-badge kb-badge--booster">{s.fields.booster}</span> : null}
      </>,
      "doses",
    ],
    [s.fields.vaccinationDate, displayDate(d.vaccinationDate), "date"],
    [s.fields.vaccine, d.vaccine, "vaccine"],
    [s.fields.product, d.product, "product"],
    [s.fields.manufacturer, d.manufacturer, "manufacturer"],
    [s.fields.certificateId, <span className="kb-mono kb-cert__id">{d.certificateId}</span>, "id"],
    [s.fields.issuer, d.issuer, "issuer"],
  ];
  if (expiresAt) rows.push([s.fields.expiresAt, displayDay(expiresAt), "expires"]);
  return (
    <dl className="kb-cert" data-testid="certificate-fields">
      {rows.map(([label, value, key]) => (
        <div className="kb-cert__row" key={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

import { useCallback, useEffect, useState } from "react";
import { POSTER_FORMATS, POSTER_SIZES, type PosterSize, type StaffCheckpoint } from "@khaibao/shared";
import { Button, Notice } from "../../components/ui";
import { errorText } from "../../lib/errors";
import { useI18n } from "../../lib/i18n";
import { deactivateCheckpoint, listCheckpoints, posterUrl } from "./api";
import { CheckpointEditor } from "./CheckpointEditor";
import { isoToDay } from "./dates";

type Panel = { kind: "create" } | { kind: "edit"; id: string } | undefined;

function State({ c }: { c: StaffCheckpoint }) {
  const { t } = useI18n();
  const window = c.active && c.activeTo ? t("checkpoints.until", { date: isoToDay(c.activeTo) }) : !c.active && c.activeFrom && !c.activeTo ? t("checkpoints.from", { date: isoToDay(c.activeFrom) }) : "";
  return (
    <>
      <span className={`badge ${c.active ? "badge-on" : "badge-off"}`}>{c.active ? t("checkpoints.active") : t("checkpoints.inactive")}</span>
      {window ? <span className="muted small"> {window}</span> : null}
    </>
  );
}

/** Admins: the checkpoint registry, its editor, and each checkpoint's posters (PDF, PNG, SVG; A4 or A3). */
export default function CheckpointsPage() {
  const { t, lang } = useI18n();
  const [checkpoints, setCheckpoints] = useState<StaffCheckpoint[]>();
  const [panel, setPanel] = useState<Panel>();
  const [size, setSize] = useState<PosterSize>("A4");
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string }>();

  const load = useCallback(async () => {
    try {
      setCheckpoints(await listCheckpoints());
    } catch (err) {
      setNotice({ kind: "error", text: errorText(err, lang, t("error.network")) });
    }
  }, [lang, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const replace = (c: StaffCheckpoint) => setCheckpoints((list) => [...(list ?? []).filter((x) => x.id !== c.id), c].sort((a, b) => a.name.localeCompare(b.name, "vi")));
  const editing = panel?.kind === "edit" ? checkpoints?.find((c) => c.id === panel.id) : undefined;

  const deactivate = async (c: StaffCheckpoint) => {
    if (!window.confirm(t("checkpoints.deactivate_confirm", { id: c.id }))) return;
    try {
      replace(await deactivateCheckpoint(c.id));
      setNotice({ kind: "success", text: t("checkpoints.deactivated", { id: c.id }) });
    } catch (err) {
      setNotice({ kind: "error", text: errorText(err, lang, t("error.network")) });
    }
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t("checkpoints.heading")}</h1>
        <div className="refresh">
          <label className="small">
            {t("checkpoints.poster_size")}{" "}
            <select className="poster-size" value={size} onChange={(e) => setSize(e.target.value as PosterSize)}>
              {POSTER_SIZES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <Button onClick={() => setPanel({ kind: "create" })}>{t("checkpoints.create")}</Button>
        </div>
      </div>
      <p className="muted intro">{t("checkpoints.intro")}</p>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <div className={`split${panel ? " split-open" : ""}`}>
        <div className="table-wrap">
          {checkpoints ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("checkpoints.col.id")}</th>
                  <th scope="col">{t("checkpoints.col.name")}</th>
                  <th scope="col" className="col-optional">
                    {t("checkpoints.col.direction")}
                  </th>
                  <th scope="col">{t("checkpoints.col.state")}</th>
                  <th scope="col" className="col-optional">
                    {t("checkpoints.col.posters")}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t("checkpoints.edit")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {checkpoints.map((c) => (
                  <tr key={c.id} data-testid="checkpoint-row" aria-selected={panel?.kind === "edit" && panel.id === c.id}>
                    <td className="mono nowrap">{c.id}</td>
                    <td>
                      {c.name}
                      <div className="muted small">{[c.wardName, c.provinceName].filter(Boolean).join(", ")}</div>
                    </td>
                    <td className="small col-optional">{t(`checkpoints.direction.${c.direction}`)}</td>
                    <td className="nowrap">
                      <State c={c} />
                    </td>
                    <td className="col-optional">
                      <span className="poster-links" title={`${t("checkpoints.poster_link")} ${c.deepLink}`}>
                        {POSTER_FORMATS.map((f) => (
                          <a key={f} href={posterUrl(c.id, f, size)} download aria-label={`${f.toUpperCase()} ${size} ${c.name}`}>
                            {f.toUpperCase()}
                          </a>
                        ))}
                      </span>
                    </td>
                    <td className="cell-action nowrap">
                      <Button variant="link" aria-label={`${t("checkpoints.edit")} ${c.id}`} onClick={() => setPanel({ kind: "edit", id: c.id })}>
                        {t("checkpoints.edit")}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t("checkpoints.loading")}</p>
          )}
        </div>
        {panel ? (
          <CheckpointEditor
            key={panel.kind === "edit" ? panel.id : "new"}
            {...(editing ? { checkpoint: editing, onDeactivate: () => void deactivate(editing) } : {})}
            onClose={() => setPanel(undefined)}
            onSaved={(c, created) => {
              replace(c);
              setNotice({ kind: "success", text: t(created ? "checkpoints.created" : "checkpoints.saved", { id: c.id }) });
              setPanel(undefined);
            }}
          />
        ) : null}
      </div>
    </section>
  );
}

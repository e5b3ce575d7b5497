import { useState } from "react";
import type { DeletionRequest, MyConsentsResponse } from "@khaibao/shared";
import { ErrorNotice } from "../../../components/error-notice";
import { Screen } from "../../../components/screen";
import { Skeleton } from "../../../components/skeleton";
import { useApiClient } from "../../../lib/api-context";
import { getConsents, getDeletionRequest } from "../../../lib/privacy-api";
import { useQuery } from "../../../lib/use-query";
import { usePrivacyStrings } from "../i18n";
import { ConsentList } from "./consent-list";
import { DeleteMyData } from "./delete-my-data";
import "../privacy.css";

/** "Quyền riêng tư": the citizen's consents, each with "Rút lại", and "Xoá dữ liệu của tôi". */
export function PrivacyRoute({ forgetDeviceData }: { forgetDeviceData(): void }) {
  const { p } = usePrivacyStrings();
  const client = useApiClient();
  const query = useQuery<{ consents: MyConsentsResponse; deletion: DeletionRequest | null }>("privacy", async (signal) => {
    const [consents, deletion] = await Promise.all([getConsents(client, signal), getDeletionRequest(client, signal)]);
    return { consents, deletion };
  });
  const [consents, setConsents] = useState<MyConsentsResponse | null>(null);

  return (
    <Screen title={p.title}>
      <p className="kb-muted">{p.intro}</p>
      {query.status === "error" ? <ErrorNotice error={query.error} onRetry={query.retry} /> : null}
      {query.status === "loading" || query.status === "idle" ? <Skeleton lines={4} /> : null}
      {query.status === "success" ? (
        <>
          <section aria-labelledby="kb-privacy-consents">
            <h2 id="kb-privacy-consents" className="kb-section__title">
              {p.consentsTitle}
            </h2>
            <ConsentList data={consents ?? query.data.consents} onChange={setConsents} />
          </section>
          <DeleteMyData latest={query.data.deletion} forgetDeviceData={forgetDeviceData} />
        </>
      ) : null}
    </Screen>
  );
}

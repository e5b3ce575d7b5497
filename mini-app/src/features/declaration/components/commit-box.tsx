import { currentConsentText } from "@khaibao/shared";
import { usePlatform } from "../../../platform";
import { declarationConsentMemory } from "../../../lib/consent-memory";
import { useStrings } from "../i18n";

/**
 * The commitment and consent, right above the one button that gives them: pressing
 * "Cam kết và gửi" is agreeing to this text, whose version is recorded with the declaration.
 * The text is the shared one the server records by version. After the citizen withdrew this
 * consent, the box says that sending is agreeing again.
 */
export function CommitBox() {
  const { s, lang } = useStrings();
  const platform = usePlatform();
  const withdrawn = declarationConsentMemory.withdrawn(platform.storage);
  return (
    <div className={withdrawn ? "kb-commit kb-commit--again" : "kb-commit"} id="kb-commit-text">
      {withdrawn ? (
        <p className="kb-commit__again" role="status">
          {s.commit.again}
        </p>
      ) : null}
      <p className="kb-commit__text">
        <strong>{s.commit.heading}: </strong>
        {currentConsentText("declaration").text[lang]}
      </p>
      <p className="kb-commit__version">{s.commit.version}</p>
    </div>
  );
}

import { useStrings } from "../i18n";

/**
 * The commitment and consent, right above the one button that gives them: pressing
 * "Cam kết và gửi" is agreeing to this text, whose version is recorded with the declaration.
 */
export function CommitBox() {
  const { s } = useStrings();
  return (
    <div className="kb-commit" id="kb-commit-text">
      <p className="kb-commit__text">
        <strong>{s.commit.heading}: </strong>
        {s.commit.text}
      </p>
      <p className="kb-commit__version">{s.commit.version}</p>
    </div>
  );
}

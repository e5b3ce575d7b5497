import { useNavigate } from "zmp-ui";
import { ChevronRightIcon } from "../../components/icons";
import { paths } from "../../paths";
import { usePrivacyStrings } from "./i18n";

/** On the landing screens: the way to the citizen's consents and "delete my data". */
export function PrivacyLink() {
  const { p } = usePrivacyStrings();
  const navigate = useNavigate();
  return (
    <button type="button" className="kb-row-link" onClick={() => navigate(paths.privacy.getHref())}>
      <span className="kb-row-link__text">{p.link}</span>
      <ChevronRightIcon className="kb-list__chevron" />
    </button>
  );
}

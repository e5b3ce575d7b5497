import { useId, useState, type FormEvent } from "react";
import { Button, useNavigate, useSnackbar } from "zmp-ui";
import { messages, translate } from "@khaibao/shared";
import { QrIcon } from "../../../components/icons";
import { useI18n } from "../../../i18n";
import { paths } from "../../../paths";
import { isPlatformError, usePlatform } from "../../../platform";
import { checkpointIdFromText } from "../checkpoint-id";

/**
 * Another way in when the link was wrong: type or paste the code from the poster, or (in Zalo)
 * scan the poster's QR code. Outside Zalo there is no camera, so only typing is offered.
 */
export function CheckpointCodeForm() {
  const { t, lang } = useI18n();
  const platform = usePlatform();
  const navigate = useNavigate();
  const { openSnackbar } = useSnackbar();
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState("");
  const [invalid, setInvalid] = useState(false);

  const open = (text: string) => {
    const id = checkpointIdFromText(text);
    if (id === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    navigate(paths.checkpoint.getHref(id));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    open(value);
  };

  const scan = async () => {
    try {
      const content = await platform.scanQR();
      setValue(content);
      open(content);
    } catch (error) {
      if (isPlatformError(error, "cancelled")) return;
      openSnackbar({
        type: "error",
        text: isPlatformError(error, "not_supported") ? t.picker.scanUnsupported : t.picker.scanFailed,
      });
    }
  };

  return (
    <form className="kb-code-form" onSubmit={onSubmit} noValidate>
      {platform.kind === "zalo" ? (
        <Button variant="secondary" size="large" fullWidth prefixIcon={<QrIcon />} onClick={() => void scan()}>
          {t.picker.scan}
        </Button>
      ) : null}
      <label htmlFor={inputId} className="kb-code-form__label">
        {t.picker.codeLabel}
      </label>
      <div className="kb-code-form__row">
        <input
          id={inputId}
          className="kb-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t.picker.codePlaceholder}
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
        />
        <Button htmlType="submit" variant="primary" size="large" className="kb-code-form__submit">
          {t.picker.open}
        </Button>
      </div>
      {invalid ? (
        <p id={errorId} className="kb-field-error" role="alert">
          {translate(messages, "checkpoint.id_format", lang)}
        </p>
      ) : null}
    </form>
  );
}

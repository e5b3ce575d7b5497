interface StepProgressProps {
  n: number;
  total: number;
  label: string;
  title: string;
}

/** "Bước 2/6 · Thông tin cá nhân" and a bar: where they are and how much is left. */
export function StepProgress({ n, total, label, title }: StepProgressProps) {
  return (
    <div className="kb-progress">
      <p className="kb-progress__text">
        <span className="kb-progress__count">{label}</span>
        <span aria-hidden="true"> · </span>
        <span className="kb-progress__title">{title}</span>
      </p>
      <div className="kb-progress__track" role="progressbar" aria-valuemin={1} aria-valuemax={total} aria-valuenow={n} aria-label={label}>
        <div className="kb-progress__bar" style={{ width: `${(n / total) * 100}%` }} />
      </div>
    </div>
  );
}

/** A busy indicator with a text label, announced politely (role="status"). */
export interface SpinnerProps {
  /** What is happening, e.g. "Loading calls…". Visible unless `labelHidden`. */
  label: string;
  labelHidden?: boolean;
  className?: string;
}

export function Spinner({ label, labelHidden = false, className }: SpinnerProps) {
  return (
    <div role="status" className={['spinner', className ?? ''].filter(Boolean).join(' ')}>
      <span className="spinner__circle" aria-hidden="true" />
      <span className={labelHidden ? 'visually-hidden' : 'spinner__label'}>{label}</span>
    </div>
  );
}

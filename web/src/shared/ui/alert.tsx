/**
 * A message box. `tone="danger"` is announced at once (role="alert"); other tones are polite (role="status").
 * Children are rendered as React text — never as HTML.
 */
import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Buttons or links shown under the message. */
  actions?: ReactNode;
  className?: string;
}

export function Alert({ tone = 'info', title, children, actions, className }: AlertProps) {
  return (
    <div role={tone === 'danger' ? 'alert' : 'status'} className={['alert', `alert--${tone}`, className ?? ''].filter(Boolean).join(' ')}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
      {actions ? <div className="alert__actions">{actions}</div> : null}
    </div>
  );
}

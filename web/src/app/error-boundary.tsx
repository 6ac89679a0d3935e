/**
 * Catches unexpected render errors: a friendly message and a reload button, never a stack.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert } from '@/shared/ui/alert.tsx';
import { Button } from '@/shared/ui/button.tsx';
import { useMessages } from '@/lib/i18n.tsx';
import { appMessages } from './messages.ts';

export function UnexpectedErrorPage() {
  const t = useMessages(appMessages);
  return (
    <section className="page page--narrow card" aria-labelledby="unexpected-error-heading">
      <h1 id="unexpected-error-heading">{t.errorHeading}</h1>
      <Alert tone="danger">{t.errorBody}</Alert>
      <Button onClick={() => window.location.reload()}>{t.reload}</Button>
    </section>
  );
}

interface State {
  failed: boolean;
}

export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For developers only; the page shows words, not this.
    console.error('Unexpected error', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <UnexpectedErrorPage /> : this.props.children;
  }
}

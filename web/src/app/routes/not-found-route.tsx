/** Any unknown address. */
import { Link } from 'react-router-dom';
import { useMessages } from '@/lib/i18n.tsx';
import { appMessages } from '../messages.ts';

export function NotFoundRoute() {
  const t = useMessages(appMessages);
  return (
    <section className="page page--narrow card" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">{t.notFoundHeading}</h1>
      <p>{t.notFoundBody}</p>
      <Link to="/">{t.notFoundLink}</Link>
    </section>
  );
}

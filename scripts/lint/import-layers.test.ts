import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import rule from './import-layers.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const src = (file: string) => path.resolve(import.meta.dirname, '../../web/src', file);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('house/import-layers', rule, {
  valid: [
    { filename: src('features/calls/components/calls-list.tsx'), code: "import { x } from '../model/filters.ts';" },
    { filename: src('features/calls/pages/calls-page.tsx'), code: "import { x } from '@/features/calls/api/call-queries.ts';" },
    { filename: src('features/voicemail/pages/voicemail-page.tsx'), code: "import { x } from '@/shared/ui/button.tsx'; import { y } from '@/lib/api-client.ts'; import { z } from '@common/phone.ts';" },
    { filename: src('shared/ui/call-parts.tsx'), code: "import { x } from '../model/call.ts'; import { y } from '@/lib/i18n.tsx';" },
    { filename: src('lib/api-client.ts'), code: "import { x } from '@common/routes.ts'; import * as v from 'valibot';" },
    { filename: src('app/router.tsx'), code: "import { x } from '@/features/calls/pages/calls-page.tsx'; const y = import('@/features/auth/pages/callback-page.tsx');" },
  ],
  invalid: [
    // Features never import each other, whichever feature it is and however the import is spelled.
    { filename: src('features/calls/components/x.tsx'), code: "import { x } from '@/features/auth/model/pkce.ts';", errors: [{ messageId: 'layer' }] },
    { filename: src('features/statistics/pages/x.tsx'), code: "import { x } from '../../calls/model/filters.ts';", errors: [{ messageId: 'layer' }] },
    { filename: src('features/team/api/x.ts'), code: "export { x } from '@/features/voicemail/api/y.ts';", errors: [{ messageId: 'layer' }] },
    { filename: src('features/team/api/x.ts'), code: "const m = import('@/features/calls/pages/calls-page.tsx');", errors: [{ messageId: 'layer' }] },
    { filename: src('features/calls/api/x.ts'), code: "import { x } from '@/app/query-client.ts';", errors: [{ messageId: 'layer' }] },
    { filename: src('shared/ui/x.tsx'), code: "import { x } from '@/features/calls/messages.ts';", errors: [{ messageId: 'layer' }] },
    { filename: src('lib/x.ts'), code: "import { x } from '@/shared/ui/button.tsx';", errors: [{ messageId: 'layer' }] },
    { filename: src('app/x.ts'), code: "import { x } from '../../../functions/_lib/env.ts';", errors: [{ messageId: 'climb' }, { messageId: 'layer' }] },
    { filename: src('features/calls/components/deep/x.tsx'), code: "import { x } from '../../../../lib/i18n.tsx';", errors: [{ messageId: 'climb' }] },
  ],
});

/** The app's one QueryClient (tests make their own with lib/query-client.ts). */
import { createQueryClient } from '@/lib/query-client.ts';

export const queryClient = createQueryClient();

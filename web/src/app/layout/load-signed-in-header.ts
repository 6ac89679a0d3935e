/** The signed-in header's code, loaded by the layout and started early by the callback (routes/preload-callback.ts). */
export const loadSignedInHeader = () => import('./signed-in-header.tsx');

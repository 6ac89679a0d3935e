/**
 * A voicemail's recording, fetched through `/api/voicemail-sound` with the token in `Authorization` (never in a URL)
 * and handed back as a Blob the page plays from a Blob URL (docs/decisions/0012).
 */
import { currentToken, dropTokenOn401 } from '@/lib/api-client.ts';
import { ApiError, networkErrorCode } from '@/lib/api-error.ts';
import { errorFromResponse } from '@/lib/fetch-json.ts';

/** `path` is from model/voice-mail.ts `soundPathOf`. */
export async function getVoiceMailSound(path: string, signal?: AbortSignal): Promise<Blob> {
  const token = currentToken();
  return dropTokenOn401(token, fetchSound(path, token, signal));
}

async function fetchSound(path: string, token: string, signal: AbortSignal | undefined): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { cache: 'no-store', headers: { Authorization: `Bearer ${token}` }, signal: signal ?? null });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: networkErrorCode, message: 'Could not reach the server' });
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response.blob();
}

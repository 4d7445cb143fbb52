import { CSRF_HEADERS } from './auth';
import { ApiError } from './errors';

export interface StoredUpload {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

const UPLOAD_ERRORS: Record<number, string> = {
  413: 'The file is larger than 10 MB.',
  415: 'Only PNG, JPEG, WebP, PDF or plain text files can be attached.',
};

const auth = (): Record<string, string> => CSRF_HEADERS;

/** POST /uploads: the file goes to the server first, then attachEvidence binds it to a ticket. */
export async function uploadFile(file: File): Promise<StoredUpload> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/uploads', { method: 'POST', body: form, headers: auth() });
  if (response.status !== 201) {
    throw new ApiError(UPLOAD_ERRORS[response.status] ?? 'The upload failed. Please try again.', String(response.status));
  }
  return response.json();
}

/** Files need the CSRF header with the session cookie, so an <img> cannot fetch them itself: this returns an object URL. */
export async function fileObjectUrl(url: string): Promise<string> {
  const response = await fetch(url, { headers: auth() });
  if (!response.ok) throw new ApiError('The file could not be loaded.', String(response.status));
  return URL.createObjectURL(await response.blob());
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
